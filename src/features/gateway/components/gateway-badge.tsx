import { lazy, Suspense } from "react";
import { useGatewayStatus } from "@/lib/session";

// The badge's view needs react-aria's overlays and the "gateway" translations: it loads only
// on a server in Webex mode, after the first screen.
const GatewayBadgeView = lazy(() => import("./gateway-badge-view"));

/**
 * The top bar's Webex badge: the organisation the server mirrors, when it last synchronized
 * (its details on demand), and Synchronize now. A standalone server shows nothing at all.
 */
export function GatewayBadge() {
  const status = useGatewayStatus();
  if (status?.mode !== "webex") return null;
  return (
    <Suspense fallback={null}>
      <GatewayBadgeView status={status} />
    </Suspense>
  );
}

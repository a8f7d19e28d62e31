import { lazy, Suspense } from "react";
import { useGatewayStatus } from "@/lib/session";
import "@/features/gateway/gateway.css";

// Shown only when something is wrong in Webex mode: its words ("gateway" translations) load then.
const GatewayBannerView = lazy(() => import("./gateway-banner-view"));

/**
 * What stops Call Park Admin from working normally in Webex mode, above every screen: a
 * credential Webex no longer takes (an alert: nothing reaches Webex), and a token lacking
 * the scopes changes need (a notice: the app is read-only, naming the scopes). Nothing in
 * standalone mode or while all is well.
 */
export function GatewayBanner() {
  const status = useGatewayStatus();
  if (status?.mode !== "webex") return null;
  const credentialProblem = status.credential === "expired" || status.credential === "invalid";
  if (!credentialProblem && !status.readOnly) return null;
  return (
    <Suspense fallback={null}>
      <GatewayBannerView status={status} />
    </Suspense>
  );
}

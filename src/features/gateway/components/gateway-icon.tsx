import cloud from "@momentum-design/icons/dist/svg/cloud-regular.svg?raw";
import refresh from "@momentum-design/icons/dist/svg/refresh-regular.svg?raw";

// The gateway's own two Momentum icons (components/icon holds the app's shared ones; these
// two belong in it once another screen needs them). Sized by gateway.css, not inline styles.
const ICONS = { cloud, refresh };

/** A decorative icon; the control it sits in carries the accessible name. */
export function GatewayIcon({ name, className = "" }: { name: keyof typeof ICONS; className?: string }) {
  return (
    <span className={`icon gateway-icon ${className}`.trim()} aria-hidden="true" dangerouslySetInnerHTML={{ __html: ICONS[name] }} />
  );
}

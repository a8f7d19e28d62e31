// What the app shell may use of this feature.
export { GatewayBadge } from "./components/gateway-badge";
export { GatewayBanner } from "./components/gateway-banner";

// What the app shell may use of this feature.
export { CallParkExtensionCard } from "./components/call-park-extension-card";

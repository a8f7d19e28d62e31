// What the app shell may use of this feature.
export { CallParkExtensionCard } from "./components/call-park-extension-card";
export { CALL_PARK_EXTENSIONS_PATH } from "./routes/paths";

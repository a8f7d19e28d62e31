// What the app shell may use of this feature.
export { CallParkCard } from "./components/call-park-card";

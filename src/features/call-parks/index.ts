// What the app shell may use of this feature.
export { CallParkCard } from "./components/call-park-card";
export { CALL_PARKS_PATH } from "./routes/paths";

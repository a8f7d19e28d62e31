// What the app shell may use of this feature.
export { CallParkGroupCard } from "./components/call-park-group-card";
export { CALL_PARK_GROUPS_PATH } from "./routes/paths";

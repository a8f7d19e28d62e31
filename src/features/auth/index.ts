// What the app shell may use of this feature.
export { UserMenu } from "./components/user-menu";

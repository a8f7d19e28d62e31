import { lazy, Suspense } from "react";
import { useSession } from "@/lib/session";
import { UserMenuLabel } from "./user-menu-label";
import "@/features/auth/auth.css";

// react-aria's menu code loads after the first screen, as the feature cards' menus do.
const UserMenuPopup = lazy(() => import("./user-menu-popup"));

/** The top bar's account menu: Profile and access tokens, API reference, Sign out. */
export function UserMenu() {
  const me = useSession()?.me;
  if (!me) return null;
  return (
    <Suspense
      fallback={
        <button type="button" className="user-menu-button" disabled>
          <UserMenuLabel me={me} />
        </button>
      }
    >
      <UserMenuPopup me={me} />
    </Suspense>
  );
}

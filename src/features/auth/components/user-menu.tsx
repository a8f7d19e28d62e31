import { useTranslation } from "@/lib/use-translation";
import { useNavigate } from "react-router";
import type { Me } from "@domain/schemas/auth";
import { MenuButton } from "@/components/menu-button";
import { useSignOut } from "@/features/auth/api/queries";
import { PROFILE_PATH } from "@/lib/paths";
import { useSession } from "@/lib/session";
import { UserMenuLabel } from "./user-menu-label";
import "@/features/auth/auth.css";

/** The API reference: a page of the server (server/features/api-docs), not a screen of the SPA, so a full page load. */
const API_DOCS_PATH = "/docs";

/** The top bar's account menu: Profile and access tokens, API reference, Sign out. */
export function UserMenu() {
  const me = useSession()?.me;
  return me ? <UserMenuButton me={me} /> : null;
}

/**
 * The menu itself, apart from the session it shows: signing out clears the cache, and
 * this re-rendering as the sign-out runs must not ask for the session again.
 */
function UserMenuButton({ me }: { me: Me }) {
  const { t } = useTranslation("auth");
  const navigate = useNavigate();
  const signOut = useSignOut();
  return (
    <MenuButton
      className="user-menu-button"
      placement="bottom end"
      isPending={signOut.isPending}
      items={[
        { id: "profile", text: t("userMenu.profile") },
        { id: "apiReference", text: t("userMenu.apiReference"), href: API_DOCS_PATH },
        { id: "signOut", text: t("userMenu.signOut") },
      ]}
      onAction={(id) => {
        if (id === "profile") navigate(PROFILE_PATH);
        if (id === "signOut") signOut.mutate();
      }}
    >
      <UserMenuLabel me={me} />
      <span aria-hidden="true">▾</span>
    </MenuButton>
  );
}

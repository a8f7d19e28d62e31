import { useTranslation } from "react-i18next";
import { Button, Menu, MenuItem, MenuTrigger, Popover } from "react-aria-components";
import { useNavigate } from "react-router";
import type { Me } from "@domain/schemas/auth";
import { useSignOut } from "@/features/auth/api/queries";
import { PROFILE_PATH } from "@/lib/paths";
import { UserMenuLabel } from "./user-menu-label";

/** The API reference: a page of the server (server/features/api-docs), not a screen of the SPA, so a full page load. */
const API_DOCS_PATH = "/docs";

/** The menu itself; loaded lazily by UserMenu. */
export default function UserMenuPopup({ me }: { me: Me }) {
  const { t } = useTranslation("auth");
  const navigate = useNavigate();
  const signOut = useSignOut();
  return (
    <MenuTrigger>
      <Button className="user-menu-button" isPending={signOut.isPending}>
        <UserMenuLabel me={me} />
        <span aria-hidden="true">▾</span>
      </Button>
      <Popover className="popover" placement="bottom end">
        <Menu
          className="listbox"
          onAction={(key) => {
            if (key === "profile") navigate(PROFILE_PATH);
            if (key === "signOut") signOut.mutate();
          }}
        >
          <MenuItem id="profile" className="listbox-item">
            {t("userMenu.profile")}
          </MenuItem>
          <MenuItem id="apiReference" className="listbox-item" href={API_DOCS_PATH}>
            {t("userMenu.apiReference")}
          </MenuItem>
          <MenuItem id="signOut" className="listbox-item">
            {t("userMenu.signOut")}
          </MenuItem>
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}

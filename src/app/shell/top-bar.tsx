import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "@/lib/use-translation";
import { Icon } from "@/components/icon";
import { LanguageSwitch } from "@/components/language-switch";
import { UserMenu } from "@/features/auth";
import { GatewayBadge } from "@/features/gateway";
import { organizationQueries } from "@/lib/location-queries";
import { useGatewayStatus } from "@/lib/session";
import { applyTheme, storedTheme, type Theme } from "@/lib/theme";

/** `menu`: the navigation's Menu button, which the shell gives where there is a navigation to open. */
export function TopBar({ menu }: { menu?: ReactNode } = {}) {
  const { t } = useTranslation();
  const organization = useQuery(organizationQueries.current());
  // Webex mode: the badge names the organisation too; on a narrow screen it takes the brand's copy's room (gateway.css).
  const webex = useGatewayStatus()?.mode === "webex";
  const [theme, setTheme] = useState<Theme>(storedTheme);
  const toggleTheme = () => {
    const next = theme === "dark" ? "light" : "dark";
    applyTheme(next);
    setTheme(next);
  };
  return (
    <header className={webex ? "top-bar top-bar-webex" : "top-bar"}>
      {menu}
      <div className="brand">
        <span className="brand-name">{t("app.name")}</span>
        <span className="org-name" aria-label={t("topBar.organization")}>
          {organization.data?.displayName ?? ""}
        </span>
      </div>
      <div className="top-bar-tools">
        <GatewayBadge />
        <LanguageSwitch />
        <button type="button" className="icon-button theme-switch" aria-pressed={theme === "dark"} onClick={toggleTheme}>
          <Icon name="brightness" size={20} />
          <span className="visually-hidden">{t("topBar.darkTheme")}</span>
        </button>
        <UserMenu />
      </div>
    </header>
  );
}

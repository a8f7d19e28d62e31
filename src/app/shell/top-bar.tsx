import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Icon } from "@/components/icon";
import { LanguageSwitch } from "@/components/language-switch";
import { UserMenu } from "@/features/auth";
import { organizationQueries } from "@/lib/location-queries";
import { applyTheme, storedTheme, type Theme } from "@/lib/theme";

export function TopBar() {
  const { t } = useTranslation();
  const organization = useQuery(organizationQueries.current());
  const [theme, setTheme] = useState<Theme>(storedTheme);
  const toggleTheme = () => {
    const next = theme === "dark" ? "light" : "dark";
    applyTheme(next);
    setTheme(next);
  };
  return (
    <header className="top-bar">
      <div className="brand">
        <span className="brand-name">{t("app.name")}</span>
        <span className="org-name" aria-label={t("topBar.organization")}>
          {organization.data?.displayName ?? ""}
        </span>
      </div>
      <div className="top-bar-tools">
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

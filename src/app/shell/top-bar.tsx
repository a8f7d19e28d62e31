import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Icon } from "../../components/icon";
import { LANGUAGES } from "../../lib/i18n";
import { organizationQueries } from "../../lib/location-queries";
import { applyTheme, storedTheme, type Theme } from "../../lib/theme";

export function TopBar() {
  const { t, i18n } = useTranslation();
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
        <label className="language-switch">
          <Icon name="language" />
          <span className="visually-hidden">{t("topBar.language")}</span>
          <select
            value={i18n.resolvedLanguage}
            onChange={(e) => void i18n.changeLanguage(e.target.value)}
            aria-label={t("topBar.language")}
          >
            {LANGUAGES.map((l) => (
              <option key={l.code} value={l.code} lang={l.code}>
                {l.label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="icon-button theme-switch" aria-pressed={theme === "dark"} onClick={toggleTheme}>
          <Icon name="brightness" size={20} />
          <span className="visually-hidden">{t("topBar.darkTheme")}</span>
        </button>
      </div>
    </header>
  );
}

import { useTranslation } from "@/lib/use-translation";
import { LANGUAGES } from "@/lib/i18n";
import { Icon } from "./icon";

/** The interface language, remembered by i18n's detector; in the top bar and on the sign-in page. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
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
  );
}

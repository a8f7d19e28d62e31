import { useTranslation } from "@/lib/use-translation";
import { LanguageSwitch } from "@/components/language-switch";
import { SignInForm } from "@/features/auth/components/sign-in-form";
import "@/features/auth/auth.css";

/**
 * The sign-in page: outside the shell, in either language. Its own entry (src/sign-in.tsx),
 * without the router or the query cache; once signed in, `onSignedIn` leaves for the app.
 */
export function SignInPage({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation(["auth", "common"]);
  return (
    <div className="sign-in-page">
      <header className="sign-in-bar">
        <span className="brand-name">{t("common:app.name")}</span>
        <LanguageSwitch />
      </header>
      <main id="main" className="sign-in-main">
        <div className="sign-in-card">
          <h1>{t("signIn.title")}</h1>
          <p className="page-description">{t("signIn.description")}</p>
          <SignInForm onSignedIn={onSignedIn} />
        </div>
      </main>
    </div>
  );
}

import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { LanguageSwitch } from "@/components/language-switch";
import { safeNext } from "@/lib/session";
import { SignInForm } from "@/features/auth/components/sign-in-form";
import "@/features/auth/auth.css";

// The router runs it beside loading this module (app/router.tsx).
export { loader } from "./sign-in-loader";

/** The sign-in page: outside the shell, in either language, then back where the user was going. */
export default function SignInRoute() {
  const { t } = useTranslation(["auth", "common"]);
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
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
          <SignInForm onSignedIn={() => navigate(safeNext(searchParams.get("next")), { replace: true })} />
        </div>
      </main>
    </div>
  );
}

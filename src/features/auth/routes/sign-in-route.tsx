import { useTranslation } from "react-i18next";
import { type LoaderFunctionArgs, redirect, useNavigate, useSearchParams } from "react-router";
import { api } from "@domain/api/endpoints";
import type { Session } from "@domain/schemas/auth";
import { LanguageSwitch } from "@/components/language-switch";
import { callApi } from "@/lib/api-client";
import { queryClient } from "@/lib/query-client";
import { adoptSession, safeNext, sessionQuery } from "@/lib/session";
import { SignInForm } from "@/features/auth/components/sign-in-form";
import "@/features/auth/auth.css";

/**
 * Already signed in: straight on to `next`. Asked with the API client, not the query
 * cache, whose 401 handling would send this page to itself.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  let session: Session;
  try {
    session = (await callApi(api.session.get, { signal: request.signal })).data;
  } catch {
    return null;
  }
  queryClient.setQueryData(sessionQuery().queryKey, adoptSession(session));
  return redirect(safeNext(new URL(request.url).searchParams.get("next")));
}

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

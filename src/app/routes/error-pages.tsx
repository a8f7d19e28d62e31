import { useTranslation } from "@/lib/use-translation";
import { Link } from "react-router";
import { ErrorState } from "@/components/states";
import { FEATURES_PATH } from "@/lib/paths";

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="state">
      <h1>{t("notFound.title")}</h1>
      <p>{t("notFound.body")}</p>
      <Link to={FEATURES_PATH}>{t("notFound.home")}</Link>
    </div>
  );
}

/** In place of the app, for an error in loading a screen or in rendering one (lib/route-view.tsx). */
export function RouteErrorPage({ error }: { error: unknown }) {
  return (
    <main className="main">
      <ErrorState error={error} onRetry={() => window.location.reload()} />
    </main>
  );
}

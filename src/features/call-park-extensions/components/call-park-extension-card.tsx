import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { callParkExtensionQueries } from "../api/queries";
import { CALL_PARK_EXTENSIONS_PATH, newCallParkExtensionPath } from "../routes/paths";

/** The Call Park Extension card of Services > Calling > Features. */
export function CallParkExtensionCard() {
  const { t } = useTranslation("callParkExtensions");
  const count = useQuery(callParkExtensionQueries.count());
  return (
    <article className="feature-card" aria-labelledby="card-cpe-title">
      <h2 id="card-cpe-title">{t("card.title")}</h2>
      <p className="feature-card-description">{t("card.description")}</p>
      <p className="feature-card-count" aria-live="polite">
        {count.isSuccess ? t("card.count", { count: count.data }) : count.isError ? t("card.countUnavailable") : "…"}
      </p>
      <div className="feature-card-actions">
        <Link className="btn btn-primary" to={newCallParkExtensionPath()} aria-label={t("card.addNewLabel")}>
          {t("addNew")}
        </Link>
        <Link className="btn btn-secondary" to={CALL_PARK_EXTENSIONS_PATH} aria-label={t("card.manageLabel")}>
          {t("card.manage")}
        </Link>
      </div>
    </article>
  );
}

import type { UseQueryResult } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

/** A card of Services > Calling > Features: what the feature is, how many exist, Add New and Manage. */
export function FeatureCard({
  id,
  title,
  description,
  count,
  countText,
  addNew,
  manage,
}: {
  id: string;
  title: string;
  description: string;
  count: UseQueryResult<number>;
  countText: (count: number) => string;
  addNew: { to: string; label: string; text: string };
  manage: { to: string; label: string; text: string };
}) {
  const { t } = useTranslation();
  return (
    <article className="feature-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p className="feature-card-description">{description}</p>
      <p className="feature-card-count" aria-live="polite">
        {count.isSuccess ? countText(count.data) : count.isError ? t("features.countUnavailable") : "…"}
      </p>
      <div className="feature-card-actions">
        <Link className="btn btn-primary" to={addNew.to} aria-label={addNew.label}>
          {addNew.text}
        </Link>
        <Link className="btn btn-secondary" to={manage.to} aria-label={manage.label}>
          {manage.text}
        </Link>
      </div>
    </article>
  );
}

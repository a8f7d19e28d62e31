import type { UseQueryResult } from "@tanstack/react-query";
import { useTranslation } from "@/lib/use-translation";
import { Link, useLocation, useNavigate } from "react-router";
import { MenuButton } from "./menu-button";

export interface FeatureCardMenuItem {
  id: string;
  text: string;
  to: string;
}

/**
 * A card of Services > Calling > Features: what the feature is, how many exist, Add New and
 * Manage. Manage goes to the feature's list, or, given `manageMenu`, opens a menu of places.
 * Without `addNew` (an administrator who may not add) the card only counts and leads to the list.
 */
export function FeatureCard({
  id,
  title,
  description,
  count,
  countText,
  addNew,
  manage,
  manageMenu,
}: {
  id: string;
  title: string;
  description: string;
  count: UseQueryResult<number>;
  countText: (count: number) => string;
  addNew?: { to: string; label: string; text: string };
  manage: { to: string; label: string; text: string };
  manageMenu?: FeatureCardMenuItem[];
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const here = useLocation();
  return (
    <article className="feature-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p className="feature-card-description">{description}</p>
      <p className="feature-card-count" aria-live="polite">
        {count.isSuccess ? countText(count.data) : count.isError ? t("features.countUnavailable") : "…"}
      </p>
      <div className="feature-card-actions">
        {addNew && (
          <Link className="btn btn-primary" to={addNew.to} aria-label={addNew.label}>
            {addNew.text}
          </Link>
        )}
        {manageMenu ? (
          <MenuButton
            className="btn btn-secondary"
            label={manage.label}
            items={manageMenu}
            onAction={(id) => {
              const item = manageMenu.find((i) => i.id === id);
              // A dialog opened from here (Bulk manage) closes back to here.
              if (item) navigate(item.to, { state: { from: `${here.pathname}${here.search}` } });
            }}
          >
            {manage.text}
            <span aria-hidden="true">▾</span>
          </MenuButton>
        ) : (
          <Link className="btn btn-secondary" to={manage.to} aria-label={manage.label}>
            {manage.text}
          </Link>
        )}
      </div>
    </article>
  );
}

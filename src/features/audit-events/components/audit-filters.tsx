import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "@/lib/use-translation";
import { AUDIT_OBJECT_TYPES, AUDIT_ORIGINS } from "@domain/schemas/audit-event";
import type { FieldIssue } from "@domain/schemas/issues";
import { issueMessage } from "@/lib/error-message";
import { useGatewayStatus } from "@/lib/session";
import { auditLogQueries } from "@/features/audit-events/api/queries";
import type { AuditFilters as Filters } from "@/features/audit-events/routes/params";

type DateField = "from" | "to";

/**
 * Object type, person, days and, in Webex mode, where the change was made: each a labelled
 * native control whose value lives in the URL.
 */
export function AuditFilters({
  filters,
  onChange,
  onClear,
  issues,
}: {
  filters: Filters;
  onChange: (changes: Partial<Filters>) => void;
  onClear: () => void;
  /** The server's refusal of the dates (an unreadable day, an end before the start). */
  issues: FieldIssue[];
}) {
  const { t } = useTranslation("auditLog");
  const actors = useQuery(auditLogQueries.actors());
  // Only a server mirroring Webex finds changes made outside this app.
  const webex = useGatewayStatus()?.mode === "webex";
  const hasFilters = Object.values(filters).some(Boolean);
  const issueOf = (field: DateField) => issues.find((issue) => issue.path[0] === field);

  const dateField = (field: DateField) => {
    const issue = issueOf(field);
    const errorId = `audit-${field}-error`;
    return (
      <div className="field">
        <label htmlFor={`audit-${field}`}>{t(`filters.${field}`)}</label>
        <input
          id={`audit-${field}`}
          className="input"
          type="date"
          value={filters[field]}
          max={field === "from" && filters.to ? filters.to : undefined}
          min={field === "to" && filters.from ? filters.from : undefined}
          aria-invalid={issue ? true : undefined}
          aria-describedby={issue ? errorId : undefined}
          onChange={(e) => onChange({ [field]: e.target.value })}
        />
        {issue && (
          <p id={errorId} className="field-error">
            {issueMessage(t, issue)}
          </p>
        )}
      </div>
    );
  };

  return (
    <div role="search" className="toolbar audit-filters" aria-label={t("filters.label")}>
      <div className="field field-inline">
        <label htmlFor="audit-object-type">{t("filters.objectType")}</label>
        <select
          id="audit-object-type"
          className="input"
          value={filters.objectType}
          onChange={(e) => onChange({ objectType: e.target.value as Filters["objectType"] })}
        >
          <option value="">{t("objectTypes.all")}</option>
          {AUDIT_OBJECT_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`objectTypes.${type}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field field-inline">
        <label htmlFor="audit-person">{t("filters.person")}</label>
        <select id="audit-person" className="input" value={filters.actorId} onChange={(e) => onChange({ actorId: e.target.value })}>
          <option value="">{t("filters.allPeople")}</option>
          {actors.data?.map((actor) => (
            <option key={actor.id} value={actor.id}>
              {actor.displayName} ({actor.email})
            </option>
          ))}
        </select>
      </div>
      {webex && (
        <div className="field field-inline">
          <label htmlFor="audit-origin">{t("filters.origin")}</label>
          <select
            id="audit-origin"
            className="input"
            value={filters.origin}
            onChange={(e) => onChange({ origin: e.target.value as Filters["origin"] })}
          >
            <option value="">{t("origins.any")}</option>
            {AUDIT_ORIGINS.map((origin) => (
              <option key={origin} value={origin}>
                {t(`origins.${origin}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      {dateField("from")}
      {dateField("to")}
      <button type="button" className="btn btn-secondary" disabled={!hasFilters} onClick={onClear}>
        {t("filters.clear")}
      </button>
    </div>
  );
}

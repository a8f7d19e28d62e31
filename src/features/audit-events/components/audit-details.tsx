import { useTranslation } from "@/lib/use-translation";
import { Link, useSearchParams } from "react-router";
import type { AuditEvent } from "@domain/schemas/audit-event";
import { auditLogPath } from "@/lib/paths";
import { fieldChanges, fieldLabel, valueText } from "./audit-values";

/** An entry's values before and after, the changed ones marked, its tracking ID, and the way to its object's whole history (other filters dropped). */
export function AuditDetails({ event }: { event: AuditEvent }) {
  const { t } = useTranslation("auditLog");
  const [search] = useSearchParams();
  const changes = fieldChanges(event.before, event.after);
  const objectType = t(`objectType.${event.objectType}`);
  return (
    <div className="audit-details">
      {changes.length === 0 ? (
        <p className="muted">{t("details.noValues")}</p>
      ) : (
        <table className="table audit-changes">
          <caption>{t("details.changes")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("details.field")}</th>
              <th scope="col">{t("details.before")}</th>
              <th scope="col">{t("details.after")}</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((change) => (
              <tr key={change.field} className={change.changed ? "audit-changed" : undefined}>
                <th scope="row">
                  {fieldLabel(t, change.field)}
                  {change.changed && (
                    <>
                      {" "}
                      <span className="badge audit-changed-badge">{t("details.changed")}</span>
                    </>
                  )}
                </th>
                <td>{valueText(t, change.field, change.before)}</td>
                <td>{valueText(t, change.field, change.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <dl className="review-list audit-meta">
        <dt>{t("details.trackingId")}</dt>
        <dd className="mono">{event.trackingId}</dd>
        {event.userAgent && (
          <>
            <dt>{t("details.userAgent")}</dt>
            <dd>{event.userAgent}</dd>
          </>
        )}
      </dl>
      {/* Viewing one object's history already (under any of its ids: a renamed group has had several). */}
      {!search.get("objectId") && (
        <p>
          <Link
            to={auditLogPath({ objectId: event.objectId })}
            aria-label={t("details.objectHistoryOf", { object: objectType, name: event.objectName })}
          >
            {t("details.objectHistory")}
          </Link>
        </p>
      )}
    </div>
  );
}

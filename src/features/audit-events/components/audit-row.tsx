import { useId, useState } from "react";
import { useTranslation } from "@/lib/use-translation";
import { Link } from "react-router";
import type { AuditEvent } from "@domain/schemas/audit-event";
import { Icon } from "@/components/icon";
import { formatDateTime } from "@/lib/format-date-time";
import { taskPath } from "@/lib/paths";
import { AuditDetails } from "./audit-details";

const COLUMNS = 7;

/**
 * One change, and below it, once opened, its before and after. Every value someone typed
 * (names, emails) is a React text node: markup in a name stays text.
 */
export function AuditRow({ event }: { event: AuditEvent }) {
  const { t, i18n } = useTranslation("auditLog");
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const action = t(`actions.${event.action}`);
  const objectType = t(`objectType.${event.objectType}`);
  return (
    <>
      <tr className={open ? "audit-row audit-row-open" : "audit-row"}>
        <td className="audit-toggle-cell">
          <button
            type="button"
            className="icon-button audit-toggle"
            aria-expanded={open}
            aria-controls={open ? detailsId : undefined}
            onClick={() => setOpen(!open)}
          >
            <Icon name="arrowRight" />
            <span className="visually-hidden">
              {t("details.toggle", { action, object: objectType, name: event.objectName })}
            </span>
          </button>
        </td>
        <td className="cell-title">
          <time dateTime={event.time}>{formatDateTime(event.time, i18n.resolvedLanguage ?? i18n.language)}</time>
        </td>
        <td data-label={t("columns.who")}>
          <span className="audit-actor">{event.actorName}</span>
          <span className="audit-email">{event.actorEmail}</span>
        </td>
        <td data-label={t("columns.action")}>
          {action}
          {event.origin === "upstream" && (
            <>
              {" "}
              <span className="badge audit-origin-badge">{t("origin.upstream")}</span>
            </>
          )}
        </td>
        <td data-label={t("columns.object")}>
          <span className="audit-object-type">{objectType}</span>
          <span className="audit-object-name">{event.objectName}</span>
          {event.action === "IMPORT" && event.taskId && (
            <Link to={taskPath(event.taskId, event.after?.kind === "callParks" ? "callParks" : undefined)} aria-label={t("details.viewTaskOf", { name: event.objectName })}>
              {t("details.viewTask")}
            </Link>
          )}
        </td>
        <td data-label={t("columns.location")}>{event.locationName ?? ""}</td>
        <td className="mono" data-label={t("columns.source")}>
          {event.sourceIp}
        </td>
      </tr>
      {open && (
        <tr id={detailsId} className="audit-details-row">
          <td colSpan={COLUMNS}>
            <AuditDetails event={event} />
          </td>
        </tr>
      )}
    </>
  );
}

import { useTranslation } from "react-i18next";
import type { AuditEvent } from "@domain/schemas/audit-event";
import { AuditRow } from "./audit-row";

/** The changes, newest first: when, who, what they did to which object, where, and from which address. */
export function AuditTable({ items, busy }: { items: AuditEvent[]; busy: boolean }) {
  const { t } = useTranslation("auditLog");
  return (
    <div className="table-wrap" aria-busy={busy}>
      <table className="table table-stacked audit-table">
        <caption className="visually-hidden">{t("list.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">{t("columns.details")}</span>
            </th>
            <th scope="col">{t("columns.when")}</th>
            <th scope="col">{t("columns.who")}</th>
            <th scope="col">{t("columns.action")}</th>
            <th scope="col">{t("columns.object")}</th>
            <th scope="col">{t("columns.location")}</th>
            <th scope="col">{t("columns.source")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((event) => (
            <AuditRow key={event.id} event={event} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

import { useTranslation } from "@/lib/use-translation";
import type { AuditEvent, AuditSortField } from "@domain/schemas/audit-event";
import { ColumnHeader, type Sorting } from "@/components/sortable-header";
import { AuditRow } from "./audit-row";

export type AuditSorting = Sorting<AuditSortField>;

/**
 * The changes, newest first unless sorted: when, who, what they did to which object, where,
 * and from which address. With `sorting`, when, who, action and object (by its type) sort it.
 */
export function AuditTable({ items, busy, sorting }: { items: AuditEvent[]; busy: boolean; sorting?: AuditSorting }) {
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
            <ColumnHeader field="time" sorting={sorting}>{t("columns.when")}</ColumnHeader>
            <ColumnHeader field="actorName" sorting={sorting}>{t("columns.who")}</ColumnHeader>
            <ColumnHeader field="action" sorting={sorting}>{t("columns.action")}</ColumnHeader>
            <ColumnHeader field="objectType" sorting={sorting}>{t("columns.object")}</ColumnHeader>
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

import { useTranslation } from "react-i18next";
import type { AuditEvent, AuditSortField } from "@domain/schemas/audit-event";
import { SortableHeader } from "@/components/sortable-header";
import type { Direction } from "@/lib/sort-param";
import { AuditRow } from "./audit-row";

/** How the log is sorted, and what a click on a column's header asks for. */
export interface AuditSorting {
  sort: AuditSortField;
  direction: Direction;
  onSort: (field: AuditSortField) => void;
}

/**
 * The changes, newest first unless sorted: when, who, what they did to which object, where,
 * and from which address. With `sorting`, when, who, action and object (by its type) sort it.
 */
export function AuditTable({ items, busy, sorting }: { items: AuditEvent[]; busy: boolean; sorting?: AuditSorting }) {
  const { t } = useTranslation("auditLog");
  const header = (field: AuditSortField, label: string) =>
    sorting ? (
      <SortableHeader field={field} {...sorting}>
        {label}
      </SortableHeader>
    ) : (
      <th scope="col">{label}</th>
    );
  return (
    <div className="table-wrap" aria-busy={busy}>
      <table className="table table-stacked audit-table">
        <caption className="visually-hidden">{t("list.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">{t("columns.details")}</span>
            </th>
            {header("time", t("columns.when"))}
            {header("actorName", t("columns.who"))}
            {header("action", t("columns.action"))}
            {header("objectType", t("columns.object"))}
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

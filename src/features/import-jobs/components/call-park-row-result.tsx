import { useTranslation } from "@/lib/use-translation";
import type { CallParkImportPreviewRow } from "@domain/schemas/call-park-import";
import { csvRowReason } from "@/lib/csv-row-reason";
import { listFormat } from "@/lib/list-format";

/** How many of a deleted group's members are named before "and N more". */
const MEMBERS_NAMED = 5;

/**
 * A call park group row's outcome in the preview: for an UPDATE the columns whose values
 * change, for a DELETE the members who can no longer park with the group, for an ERROR why.
 */
export function CallParkRowResult({ row }: { row: CallParkImportPreviewRow }) {
  const { t, i18n } = useTranslation("bulkManage");
  const list = listFormat(i18n.resolvedLanguage ?? i18n.language);
  const members = row.members ?? [];
  const named = [...members.slice(0, MEMBERS_NAMED)];
  if (members.length > MEMBERS_NAMED) named.push(t("callParks.preview.more", { count: members.length - MEMBERS_NAMED }));
  return (
    <>
      <span className={`outcome outcome-${row.outcome.toLowerCase()}`}>{t(`outcome.${row.outcome}`)}</span>
      {row.outcome === "UPDATE" && row.changes && row.changes.length > 0 && (
        <span className="outcome-detail">
          {t("callParks.preview.changes", { columns: list.format(row.changes.map((field) => t(`callParks.changed.${field}`))) })}
        </span>
      )}
      {row.outcome === "DELETE" && row.members && (
        <span className="outcome-detail">{t("callParks.preview.membersLose", { count: members.length, list: list.format(named) })}</span>
      )}
      {row.outcome === "ERROR" && <span className="outcome-detail">{csvRowReason(t, row.issues, undefined, "callParks")}</span>}
    </>
  );
}

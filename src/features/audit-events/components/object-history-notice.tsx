import { useTranslation } from "@/lib/use-translation";
import type { AuditEvent } from "@domain/schemas/audit-event";

/**
 * Says the list shows one object's history, naming it after its newest entry (a rename
 * shows the current name), with the way back to every object's changes.
 */
export function ObjectHistoryNotice({ entry, onShowAll }: { entry?: AuditEvent; onShowAll: () => void }) {
  const { t } = useTranslation("auditLog");
  return (
    <div className="banner audit-history-notice" role="status">
      <p>
        {entry
          ? t("history.oneObjectOf", { name: entry.objectName, object: t(`objectType.${entry.objectType}`) })
          : t("history.oneObject")}
      </p>
      <button type="button" className="btn btn-secondary" onClick={onShowAll}>
        {t("history.showAll")}
      </button>
    </div>
  );
}

import { useTranslation } from "@/lib/use-translation";
import { Icon } from "@/components/icon";
import { csvRowReason } from "@/lib/csv-row-reason";
import type { TaskKind } from "@/lib/paths";
import type { FileCheckResult } from "./check-file";

export type FileCheckState =
  | { state: "reading"; fileName: string }
  | { state: "read"; fileName: string; result: FileCheckResult };

/**
 * What the browser found in the chosen file of a `kind`: a file it refuses outright, or how
 * many rows it read and which of them break the rules (shown until the server's preview).
 */
export function FileCheck({ kind, check, showRowIssues }: { kind: TaskKind; check: FileCheckState; showRowIssues: boolean }) {
  const { t } = useTranslation(["bulkManage", "errors"]);
  if (check.state === "reading") {
    return (
      <p className="file-status" role="status">
        {t("check.reading", { fileName: check.fileName })}
      </p>
    );
  }
  const { result } = check;
  if (!result.ok) {
    const params = "params" in result.problem ? result.problem.params : {};
    return (
      <div className="banner banner-error" role="alert">
        <p className="state-title">
          <Icon name="warning" /> {t("check.refused", { fileName: check.fileName })}
        </p>
        {/* A file of the other kind (or none) is named for what it should be: `csvNotCsv_callParks`. */}
        <p>{t(`errors:${result.problem.code}`, { ...params, context: kind === "callParks" ? kind : undefined })}</p>
        <p className="muted">{t("check.nothingSent")}</p>
      </div>
    );
  }
  const wrong = result.rows.filter((r) => r.issues.length > 0);
  return (
    <div className="file-status" role="status">
      <p>{t("check.read", { fileName: check.fileName, count: result.rows.length })}</p>
      {wrong.length > 0 && <p>{t("check.rowsWithIssues", { count: wrong.length })}</p>}
      {showRowIssues && wrong.length > 0 && (
        <ul className="check-issues">
          {wrong.slice(0, 20).map((r) => (
            <li key={r.rowNumber}>{t("check.rowIssue", { row: r.rowNumber, reason: csvRowReason(t, r.issues, undefined, kind) })}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

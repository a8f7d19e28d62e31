import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "@/lib/use-translation";
import { CsvRowsTable } from "@/components/csv-rows-table";
import { QueryView } from "@/components/query-view";
import { EmptyState } from "@/components/states";
import { downloadTextFile } from "@/lib/download";
import type { TaskKind } from "@/lib/paths";
import { type TaskJob, taskQueries } from "@/features/import-jobs/api/queries";
import { tableColumns, tableValues } from "@/features/import-jobs/import-kinds";
import { errorReason, errorsCsv } from "./export-errors";

const csvName = (fileName: string) => `${fileName.replace(/\.csv$/i, "") || "import"}-errors.csv`;

/** The rows a task of a `kind` could not import: row number, values and reason, and their export to CSV. */
export function TaskErrors({ kind, job }: { kind: TaskKind; job: TaskJob }) {
  const { t } = useTranslation("tasks");
  const errors = useQuery(taskQueries.errors(kind, job.id));
  return (
    <section className="task-section" aria-labelledby="task-errors-title">
      <div className="task-section-header">
        <h2 id="task-errors-title">{t("errors.title")}</h2>
        {errors.isSuccess && errors.data.length > 0 && (
          <button
            type="button"
            className="btn btn-secondary"
            onClick={() => downloadTextFile(csvName(job.fileName), errorsCsv(t, kind, errors.data))}
          >
            {t("errors.export")}
          </button>
        )}
      </div>
      <QueryView
        query={errors}
        isEmpty={(items) => items.length === 0}
        empty={<EmptyState title={job.latestExecutionStatus === "STARTED" ? t("errors.noneYet") : t("errors.none")} />}
      >
        {(items) => (
          <CsvRowsTable
            className="task-errors"
            caption={t("errors.caption")}
            outcomeHeading={t("columns.reason")}
            columns={tableColumns(t, kind)}
            rows={items.map((e) => ({ itemNumber: e.itemNumber, values: tableValues(kind, e.values), outcome: errorReason(t, kind, e) }))}
          />
        )}
      </QueryView>
    </section>
  );
}

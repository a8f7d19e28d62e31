import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { CsvRowsTable } from "@/components/csv-rows-table";
import { QueryView } from "@/components/query-view";
import { EmptyState } from "@/components/states";
import { downloadTextFile } from "@/lib/download";
import { taskQueries } from "@/features/import-jobs/api/queries";
import type { ImportJob } from "@domain/schemas/import-job";
import { errorsCsv } from "./export-errors";
import { csvRowReason } from "@/lib/csv-row-reason";

const csvName = (fileName: string) => `${fileName.replace(/\.csv$/i, "") || "import"}-errors.csv`;

/** The rows a task could not import: row number, values and reason, and their export to CSV. */
export function TaskErrors({ job }: { job: ImportJob }) {
  const { t } = useTranslation("tasks");
  const errors = useQuery(taskQueries.errors(job.id));
  return (
    <section className="task-section" aria-labelledby="task-errors-title">
      <div className="task-section-header">
        <h2 id="task-errors-title">{t("errors.title")}</h2>
        {errors.isSuccess && errors.data.length > 0 && (
          <button
            type="button"
            className="btn btn-secondary"
            onClick={() => downloadTextFile(csvName(job.fileName), errorsCsv(t, errors.data))}
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
            rows={items.map((e) => ({ itemNumber: e.itemNumber, ...e.values, outcome: csvRowReason(t, e.issues, e.error?.message?.[0]?.description) }))}
          />
        )}
      </QueryView>
    </section>
  );
}

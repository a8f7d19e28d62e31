import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { QueryView } from "../../../components/query-view";
import { EmptyState } from "../../../components/states";
import { downloadTextFile } from "../../../lib/download";
import { taskQueries } from "../api/queries";
import type { ImportJob } from "../../../../domain/schemas/import-job";
import { errorsCsv } from "./export-errors";
import { rowReason } from "./row-reason";

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
          <div className="table-wrap task-errors" role="region" aria-label={t("errors.caption")} tabIndex={0}>
            <table className="table">
              <caption className="visually-hidden">{t("errors.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("columns.row")}</th>
                  <th scope="col">{t("columns.location")}</th>
                  <th scope="col">{t("columns.name")}</th>
                  <th scope="col">{t("columns.extension")}</th>
                  <th scope="col">{t("columns.action")}</th>
                  <th scope="col">{t("columns.reason")}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((e) => (
                  <tr key={e.itemNumber}>
                    <td className="mono">{e.itemNumber}</td>
                    <td>{e.values.location}</td>
                    <td>{e.values.name}</td>
                    <td className="mono">{e.values.extension}</td>
                    <td>{e.values.action}</td>
                    <td>{rowReason(t, e)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryView>
    </section>
  );
}

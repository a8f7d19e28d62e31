import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ImportJob } from "@domain/schemas/import-job";
import { taskPath } from "@/lib/paths";
import { formatDateTime } from "@/lib/format-date-time";
import { TaskProgress, TaskStatus } from "./task-status";

/** The import tasks: file, who started it, when, status, and what it did. */
export function TaskTable({ items, busy }: { items: ImportJob[]; busy: boolean }) {
  const { t, i18n } = useTranslation("tasks");
  const language = i18n.resolvedLanguage ?? i18n.language;
  return (
    <div className="table-wrap" aria-busy={busy}>
      <table className="table">
        <caption className="visually-hidden">{t("list.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("columns.file")}</th>
            <th scope="col">{t("columns.createdBy")}</th>
            <th scope="col">{t("columns.created")}</th>
            <th scope="col">{t("columns.status")}</th>
            <th scope="col">{t("columns.results")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((job) => (
            <tr key={job.id}>
              <td>
                <Link to={taskPath(job.id)}>{job.fileName || job.name}</Link>
              </td>
              <td>{job.createdBy}</td>
              <td>
                <time dateTime={job.created}>{formatDateTime(job.created, language)}</time>
              </td>
              <td>
                <TaskStatus job={job} />
                {job.latestExecutionStatus === "STARTED" && (
                  <TaskProgress job={job} label={t("progress.labelOf", { fileName: job.fileName || job.name })} />
                )}
              </td>
              <td>{t("counts.line", { ...job.counts })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

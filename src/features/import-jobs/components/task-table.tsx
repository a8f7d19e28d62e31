import { useTranslation } from "@/lib/use-translation";
import { Link } from "react-router";
import type { JobSortField } from "@domain/schemas/import-job";
import { ColumnHeader, type Sorting } from "@/components/sortable-header";
import { useFromList } from "@/lib/list-return";
import { type TaskKind, taskPath } from "@/lib/paths";
import type { TaskJob } from "@/features/import-jobs/api/queries";
import { formatDateTime } from "@/lib/format-date-time";
import { TaskProgress, TaskStatus } from "./task-status";
import "./task-table.css";

export type TaskSorting = Sorting<JobSortField>;

/**
 * The import tasks of a `kind`: file, who started it, when, status, and what it did. With `sorting`,
 * each column but the results sorts the list; a task opens with the list's place, for its
 * back link to return to.
 */
export function TaskTable({
  kind,
  items,
  busy,
  sorting,
}: {
  kind: TaskKind;
  items: TaskJob[];
  busy: boolean;
  sorting?: TaskSorting;
}) {
  const { t, i18n } = useTranslation("tasks");
  const language = i18n.resolvedLanguage ?? i18n.language;
  const fromList = useFromList();
  return (
    <div className="table-wrap" aria-busy={busy}>
      <table className="table table-stacked">
        <caption className="visually-hidden">{t("list.caption")}</caption>
        <thead>
          <tr>
            <ColumnHeader field="fileName" sorting={sorting}>{t("columns.file")}</ColumnHeader>
            <ColumnHeader field="createdBy" sorting={sorting}>{t("columns.createdBy")}</ColumnHeader>
            <ColumnHeader field="created" sorting={sorting}>{t("columns.created")}</ColumnHeader>
            <ColumnHeader field="status" sorting={sorting}>{t("columns.status")}</ColumnHeader>
            <th scope="col">{t("columns.results")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((job) => (
            <tr key={job.id}>
              <td className="cell-title">
                {/* Long names end in an ellipsis (the whole name in its title) rather than break mid-word. */}
                <Link className="task-name" to={taskPath(job.id, kind)} state={fromList} title={job.fileName || job.name}>
                  {job.fileName || job.name}
                </Link>
              </td>
              <td data-label={t("columns.createdBy")}>
                <span className="task-name" title={job.createdBy}>
                  {job.createdBy}
                </span>
              </td>
              <td data-label={t("columns.created")}>
                <time dateTime={job.created}>{formatDateTime(job.created, language)}</time>
              </td>
              <td data-label={t("columns.status")}>
                <TaskStatus job={job} />
                {job.latestExecutionStatus === "STARTED" && (
                  <TaskProgress job={job} label={t("progress.labelOf", { fileName: job.fileName || job.name })} />
                )}
              </td>
              {/* A running task's progress is said once, by its bar; its counts follow when it ends. */}
              <td data-label={t("columns.results")}>
                {job.latestExecutionStatus === "STARTED" ? null : t("counts.line", { ...job.counts })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

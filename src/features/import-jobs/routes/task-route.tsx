import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTranslation } from "@/lib/use-translation";
import { useParams, useSearchParams } from "react-router";
import type { LoaderArgs } from "@/lib/route-view";
import { PageHeader } from "@/components/page-header";
import { ErrorState, LoadingState } from "@/components/states";
import { queryClient } from "@/lib/query-client";
import { queryRoots } from "@/lib/query-keys";
import { taskQueries } from "@/features/import-jobs/api/queries";
import { formatDateTime } from "@/lib/format-date-time";
import { useBackToList } from "@/lib/list-return";
import { TaskCounts } from "@/features/import-jobs/components/task-counts";
import { TaskErrors } from "@/features/import-jobs/components/task-errors";
import { TaskProgress, TaskStatus } from "@/features/import-jobs/components/task-status";
import { kindKey, kindOfSearch } from "@/features/import-jobs/import-kinds";
import "@/features/import-jobs/tasks.css";
import { TASKS_PATH, tasksPath } from "@/lib/paths";

export async function loader({ params, url }: LoaderArgs) {
  const kind = kindOfSearch(url.searchParams);
  await queryClient.ensureQueryData(taskQueries.detail(kind, params.jobId ?? "")).catch(() => undefined);
  return null;
}

/**
 * One task (of the kind its address names, `?kind=callParks` for a call park group import):
 * who started it and when, a progress bar while it runs, then its counts and row errors.
 */
export default function TaskRoute() {
  const { t, i18n } = useTranslation(["tasks", "common"]);
  const { jobId = "" } = useParams();
  const kind = kindOfSearch(useSearchParams()[0]);
  const job = useQuery(taskQueries.detail(kind, jobId));
  const cache = useQueryClient();
  const running = job.data?.latestExecutionStatus === "STARTED";

  // When the import finishes, what it changed is shown afresh everywhere, its errors included.
  const wasRunning = useRef(running);
  useEffect(() => {
    if (wasRunning.current && !running) {
      for (const queryKey of [taskQueries.all(), queryRoots.callParkExtensions, queryRoots.callParks, queryRoots.locations]) {
        void cache.invalidateQueries({ queryKey });
      }
    }
    wasRunning.current = running;
  }, [running, cache]);

  // Back to the list as it was left (its kind, tab, sort and page) when the task was opened
  // from it; else to the list of the task's kind.
  const backTo = useBackToList(TASKS_PATH)().to;
  const back = { to: backTo === TASKS_PATH ? tasksPath(kind) : backTo, label: t("title") };
  if (job.isPending) return <LoadingState />;
  if (job.isError) {
    return (
      <>
        <PageHeader title={t("detail.notFoundTitle")} back={back} />
        <ErrorState error={job.error} onRetry={() => job.refetch()} />
      </>
    );
  }
  const current = job.data;
  const language = i18n.resolvedLanguage ?? i18n.language;
  return (
    <>
      <PageHeader title={current.fileName || current.name} description={t(kindKey(kind, "detail.description"))} back={back} />
      <div className="task-card">
        <dl className="review-list">
          <dt>{t("columns.status")}</dt>
          <dd>
            <TaskStatus job={current} />
          </dd>
          <dt>{t("columns.createdBy")}</dt>
          <dd>{current.createdBy}</dd>
          <dt>{t("columns.created")}</dt>
          <dd>
            <time dateTime={current.created}>{formatDateTime(current.created, language)}</time>
          </dd>
          {current.finished && (
            <>
              <dt>{t("detail.finished")}</dt>
              <dd>
                <time dateTime={current.finished}>{formatDateTime(current.finished, language)}</time>
              </dd>
            </>
          )}
          <dt>{t("detail.mode")}</dt>
          <dd>{t(`mode.${current.mode}`)}</dd>
          <dt>{t("detail.trackingId")}</dt>
          <dd className="mono">{current.trackingId}</dd>
        </dl>
        {running && <TaskProgress job={current} label={t("progress.label")} />}
        <TaskCounts counts={current.counts} />
      </div>
      <TaskErrors kind={kind} job={current} />
    </>
  );
}

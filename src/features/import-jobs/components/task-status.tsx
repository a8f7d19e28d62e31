import { useTranslation } from "@/lib/use-translation";
import { Label, ProgressBar } from "react-aria-components";
import type { TaskJob } from "@/features/import-jobs/api/queries";

export type TaskState = "running" | "completed" | "completedWithErrors" | "failed";

export function taskState(job: TaskJob): TaskState {
  if (job.latestExecutionStatus === "STARTED") return "running";
  if (job.latestExecutionStatus === "FAILED" || job.latestExecutionExitCode === "FAILED") return "failed";
  if (job.latestExecutionExitCode === "COMPLETED_WITH_ERRORS" || job.counts.failed > 0) return "completedWithErrors";
  return "completed";
}

/** A task's status in words, with the colour of its outcome. */
export function TaskStatus({ job }: { job: TaskJob }) {
  const { t } = useTranslation("tasks");
  const state = taskState(job);
  return <span className={`task-status task-status-${state}`}>{t(`status.${state}`)}</span>;
}

/** A running task's progress: rows processed of the file's rows. It moves as the task is polled. */
export function TaskProgress({ job, label }: { job: TaskJob; label: string }) {
  const { t } = useTranslation("tasks");
  const { processed, total } = job.counts;
  return (
    <ProgressBar
      className="task-progress"
      value={processed}
      minValue={0}
      maxValue={Math.max(total, 1)}
      valueLabel={t("progress.value", { processed, total })}
    >
      {({ percentage }) => (
        <>
          <div className="task-progress-labels">
            <Label className="task-progress-label">{label}</Label>
            {/* For the eye: the bar's value text already says it to a screen reader. */}
            <span aria-hidden="true">{t("progress.value", { processed, total })}</span>
          </div>
          <div className="task-progress-track">
            <div className="task-progress-fill" style={{ width: `${percentage ?? 0}%` }} />
          </div>
        </>
      )}
    </ProgressBar>
  );
}

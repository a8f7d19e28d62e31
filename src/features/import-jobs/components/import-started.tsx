import { useTranslation } from "@/lib/use-translation";
import { Link } from "react-router";
import { Icon } from "@/components/icon";
import { type TaskKind, taskPath, tasksPath } from "@/lib/paths";
import type { TaskJob } from "@/features/import-jobs/api/queries";

/** After Submit: where the admin follows the import (the task, and Tasks showing its kind). */
export function ImportStarted({
  kind,
  job,
  onAnother,
  onClose,
  anotherLabel,
}: {
  kind: TaskKind;
  job: TaskJob;
  onAnother: () => void;
  onClose: () => void;
  /** The button that starts over, when it is not another file's import (another range). */
  anotherLabel?: string;
}) {
  const { t } = useTranslation("bulkManage");
  return (
    <div className="import-started" role="status">
      <p className="state-title">
        <Icon name="checkCircle" size={20} /> {t("started.title")}
      </p>
      <p>{t("started.body", { fileName: job.fileName })}</p>
      <p>
        <Link to={taskPath(job.id, kind)}>{t("started.openTask")}</Link>
        {" · "}
        <Link to={tasksPath(kind)}>{t("started.openTasks")}</Link>
      </p>
      <div className="dialog-actions">
        <button type="button" className="btn btn-secondary" onClick={onAnother}>
          {anotherLabel ?? t("started.another")}
        </button>
        <button type="button" className="btn btn-primary" onClick={onClose}>
          {t("close")}
        </button>
      </div>
    </div>
  );
}

import { useTranslation } from "react-i18next";
import type { ImportJobCounts } from "@domain/schemas/import-job";

const KINDS = ["created", "updated", "deleted", "unchanged", "failed"] as const;

/** What a task did to the rows of its file, kind by kind. */
export function TaskCounts({ counts }: { counts: ImportJobCounts }) {
  const { t } = useTranslation("tasks");
  return (
    <dl className="task-counts">
      <div>
        <dt>{t("counts.total")}</dt>
        <dd>{counts.total}</dd>
      </div>
      {KINDS.map((kind) => (
        <div key={kind} className={`task-count-${kind}`}>
          <dt>{t(`counts.${kind}`)}</dt>
          <dd>{counts[kind]}</dd>
        </div>
      ))}
    </dl>
  );
}


import { useTranslation } from "@/lib/use-translation";
import type { ImportJobCounts } from "@domain/schemas/import-job";
import { formatNumber } from "@/lib/format-number";

const KINDS = ["created", "updated", "deleted", "unchanged", "failed"] as const;

/** What a task did to the rows of its file, kind by kind. */
export function TaskCounts({ counts }: { counts: ImportJobCounts }) {
  const { t, i18n } = useTranslation("tasks");
  const language = i18n.resolvedLanguage ?? i18n.language;
  return (
    <dl className="task-counts">
      <div>
        <dt>{t("counts.total")}</dt>
        <dd>{formatNumber(counts.total, language)}</dd>
      </div>
      {KINDS.map((kind) => (
        <div key={kind} className={`task-count-${kind}`}>
          <dt>{t(`counts.${kind}`)}</dt>
          <dd>{formatNumber(counts[kind], language)}</dd>
        </div>
      ))}
    </dl>
  );
}


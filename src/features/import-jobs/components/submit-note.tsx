import { useTranslation } from "@/lib/use-translation";
import type { ImportMode, ImportPreview } from "@domain/schemas/import-job";

/** What Submit needs of a dry run of either kind: its counts, and whether it would apply. */
type PreviewOutcome = Pick<ImportPreview, "counts" | "wouldApply">;

const changesOf = (preview: PreviewOutcome) => preview.counts.create + preview.counts.update + preview.counts.delete;

/** Submit is offered only when the import would change something. */
export function canSubmit(preview: PreviewOutcome | undefined): boolean {
  return Boolean(preview && preview.wouldApply && changesOf(preview) > 0);
}

/** What Submit would do with this preview in this mode, or why it cannot. */
export function SubmitNote({ preview, mode }: { preview: PreviewOutcome; mode: ImportMode }) {
  const { t } = useTranslation("bulkManage");
  const changes = changesOf(preview);
  const errors = preview.counts.error;
  let text: string;
  if (canSubmit(preview)) {
    text = errors > 0 ? t("submitNote.partial", { count: changes, errors }) : t("submitNote.all", { count: changes });
  } else if (errors > 0 && mode === "atomic") {
    text = t("submitNote.blockedAtomic", { count: errors });
  } else if (errors > 0) {
    text = t("submitNote.onlyErrors");
  } else {
    text = t("submitNote.nothing");
  }
  return (
    <p id="bulk-submit-note" className={canSubmit(preview) ? "submit-note" : "submit-note submit-note-blocked"} aria-live="polite">
      {text}
    </p>
  );
}

import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "@/lib/use-translation";
import { Dialog, Heading, Modal, ModalOverlay } from "react-aria-components";
import type { ImportMode } from "@domain/schemas/import-job";
import { Icon } from "@/components/icon";
import { LoadingState } from "@/components/states";
import { errorMessage } from "@/lib/error-message";
import type { TaskKind } from "@/lib/paths";
import { bulkManageQueries, type ChosenFile, type TaskJob, useStartImport } from "@/features/import-jobs/api/queries";
import "@/features/import-jobs/bulk-manage.css";
import { ImportPreviewView } from "./import-preview";
import { ModeChoice } from "./mode-choice";
import { canSubmit, SubmitNote } from "./submit-note";

// What the dialogs that import share (Bulk manage's file of call park extensions or groups,
// Add a range's rows): the frame, the server's dry run of the file, the mode, and Submit. One
// way to check and apply many.

const NO_FILE: ChosenFile = { id: 0, file: new File([], "") };

/** The dry run of `chosen`, a `kind` file, in `mode`, and Submit: whether it may go, and whether it is going. */
export function useImportCheck(kind: TaskKind, chosen: ChosenFile | null, mode: ImportMode) {
  const preview = useQuery({ ...bulkManageQueries.preview(kind, chosen ?? NO_FILE, mode), enabled: chosen !== null });
  const start = useStartImport(kind);
  const ready = chosen !== null && preview.isSuccess && !preview.isPlaceholderData;
  return { kind, preview, start, ready, busy: start.isPending, canSubmit: ready && canSubmit(preview.data) && !start.isPending };
}
export type ImportCheck = ReturnType<typeof useImportCheck>;

/** A modal dialog with its title and a close button (disabled while `busy`), dismissable while `dismissable`. */
export function ImportDialogFrame({
  title,
  busy,
  dismissable,
  onClose,
  children,
}: {
  title: string;
  busy: boolean;
  dismissable: boolean;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation("bulkManage");
  return (
    <ModalOverlay className="modal-overlay" isOpen isDismissable={!busy && dismissable} onOpenChange={(open) => !open && onClose()}>
      <Modal className="modal bulk-modal">
        <Dialog className="dialog bulk-dialog">
          <div className="bulk-header">
            <Heading slot="title" className="dialog-title">
              {title}
            </Heading>
            <button type="button" className="icon-button" aria-label={t("close")} onClick={onClose} disabled={busy}>
              <Icon name="cancel" />
            </button>
          </div>
          {children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

/** The server's dry run of the chosen file (loading, failed, or every row's outcome), the mode, and what Submit would do. */
export function ImportCheckView({
  check,
  chosen,
  mode,
  onModeChange,
  title,
}: {
  check: ImportCheck;
  chosen: ChosenFile | null;
  mode: ImportMode;
  onModeChange: (mode: ImportMode) => void;
  /** The preview's heading. */
  title: ReactNode;
}) {
  const { t } = useTranslation("bulkManage");
  const { preview, start } = check;
  return (
    <>
      {chosen && preview.isPending && <LoadingState label={t("preview.loading")} />}
      {chosen && preview.isError && (
        <div className="banner banner-error" role="alert">
          <p className="state-title">{t("preview.failed")}</p>
          <p>{errorMessage(t, preview.error)}</p>
        </div>
      )}
      {chosen && preview.isSuccess && (
        <>
          {title}
          <ImportPreviewView kind={check.kind} preview={preview.data} />
          <ModeChoice mode={mode} onChange={onModeChange} />
          <SubmitNote preview={preview.data} mode={mode} />
        </>
      )}
      {start.isError && (
        <div className="banner banner-error" role="alert">
          <p>{errorMessage(t, start.error)}</p>
        </div>
      )}
    </>
  );
}

/** Cancel, and Submit (`submitLabel`): the chosen file goes to the server as an import task. */
export function ImportSubmitActions({
  check,
  chosen,
  mode,
  onClose,
  onStarted,
  submitLabel,
}: {
  check: ImportCheck;
  chosen: ChosenFile | null;
  mode: ImportMode;
  onClose: () => void;
  onStarted: (job: TaskJob) => void;
  submitLabel: string;
}) {
  const { t } = useTranslation(["bulkManage", "common"]);
  return (
    <div className="dialog-actions">
      <button type="button" className="btn btn-secondary" onClick={onClose} disabled={check.busy}>
        {t("common:actions.cancel")}
      </button>
      <button
        type="button"
        className="btn btn-primary"
        aria-describedby={check.ready ? "bulk-submit-note" : undefined}
        disabled={!check.canSubmit}
        onClick={() => chosen && check.start.mutate({ file: chosen.file, mode }, { onSuccess: onStarted })}
      >
        {check.busy ? t("submitting") : submitLabel}
      </button>
    </div>
  );
}

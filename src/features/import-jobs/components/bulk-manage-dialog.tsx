import { useQuery } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Dialog, Heading, Modal, ModalOverlay } from "react-aria-components";
import { Icon } from "@/components/icon";
import { ReadOnlyNotice } from "@/components/read-only-notice";
import { LoadingState } from "@/components/states";
import { errorMessage } from "@/lib/error-message";
import { useAbility } from "@/lib/session";
import { bulkManageQueries, type ChosenFile, useStartImport } from "@/features/import-jobs/api/queries";
import type { ImportJob, ImportMode } from "@domain/schemas/import-job";
import "@/features/import-jobs/bulk-manage.css";
import { checkFile } from "./check-file";
import { FileCheck, type FileCheckState } from "./file-check";
import { FilePicker } from "./file-picker";
import { ImportPreviewView } from "./import-preview";
import { ImportStarted } from "./import-started";
import { ModeChoice } from "./mode-choice";
import { SubmitNote, canSubmit } from "./submit-note";
import { TemplateSection } from "./template-section";

const NO_FILE: ChosenFile = { id: 0, file: new File([], "") };

/** Call Park Extension → Manage → Bulk manage: template, export, and Import CSV File with a preview. */
export function BulkManageDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation(["bulkManage", "common"]);
  const [check, setCheck] = useState<FileCheckState | null>(null);
  const [chosen, setChosen] = useState<ChosenFile | null>(null);
  const [mode, setMode] = useState<ImportMode>("partial");
  const [started, setStarted] = useState<ImportJob | null>(null);
  const latest = useRef(0);
  const preview = useQuery({ ...bulkManageQueries.preview(chosen ?? NO_FILE, mode), enabled: chosen !== null });
  const start = useStartImport();
  const { canImport } = useAbility();

  const onFile = async (file: File) => {
    const id = ++latest.current;
    setChosen(null);
    start.reset();
    setCheck({ state: "reading", fileName: file.name });
    const result = await checkFile(file);
    if (latest.current !== id) return; // another file was chosen meanwhile
    setCheck({ state: "read", fileName: file.name, result });
    if (result.ok) setChosen({ id, file });
  };
  const reset = () => {
    latest.current += 1;
    setCheck(null);
    setChosen(null);
    setStarted(null);
    start.reset();
  };
  const ready = chosen !== null && preview.isSuccess && !preview.isPlaceholderData;
  const busy = start.isPending;

  return (
    <ModalOverlay className="modal-overlay" isOpen isDismissable={!busy && !chosen} onOpenChange={(open) => !open && onClose()}>
      <Modal className="modal bulk-modal">
        <Dialog className="dialog bulk-dialog">
          <div className="bulk-header">
            <Heading slot="title" className="dialog-title">
              {t("title")}
            </Heading>
            <button type="button" className="icon-button" aria-label={t("close")} onClick={onClose} disabled={busy}>
              <Icon name="cancel" />
            </button>
          </div>
          {!canImport ? (
            // An administrator who may not import still downloads the template and the export.
            <>
              <ReadOnlyNotice message={t("readOnly")} />
              <TemplateSection />
            </>
          ) : started ? (
            <ImportStarted job={started} onAnother={reset} onClose={onClose} />
          ) : (
            <>
              <p className="muted">{t("intro")}</p>
              <TemplateSection />
              <section className="bulk-section" aria-labelledby="bulk-import-title">
                <h3 id="bulk-import-title">{t("import.title")}</h3>
                <FilePicker onFile={(file) => void onFile(file)} isDisabled={busy} />
                {check && <FileCheck check={check} showRowIssues={!preview.isSuccess} />}
                {chosen && preview.isPending && <LoadingState label={t("preview.loading")} />}
                {chosen && preview.isError && (
                  <div className="banner banner-error" role="alert">
                    <p className="state-title">{t("preview.failed")}</p>
                    <p>{errorMessage(t, preview.error)}</p>
                  </div>
                )}
                {chosen && preview.isSuccess && (
                  <>
                    <h3>{t("preview.title")}</h3>
                    <ImportPreviewView preview={preview.data} />
                    <ModeChoice mode={mode} onChange={setMode} />
                    <SubmitNote preview={preview.data} mode={mode} />
                  </>
                )}
                {start.isError && (
                  <div className="banner banner-error" role="alert">
                    <p>{errorMessage(t, start.error)}</p>
                  </div>
                )}
              </section>
              <div className="dialog-actions">
                <button type="button" className="btn btn-secondary" onClick={onClose} disabled={busy}>
                  {t("common:actions.cancel")}
                </button>
                <button
                  type="button"
                  className="btn btn-primary"
                  aria-describedby={ready ? "bulk-submit-note" : undefined}
                  disabled={!ready || !canSubmit(preview.data) || busy}
                  onClick={() =>
                    chosen && start.mutate({ file: chosen.file, mode }, { onSuccess: (job) => setStarted(job) })
                  }
                >
                  {busy ? t("submitting") : t("submit")}
                </button>
              </div>
            </>
          )}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

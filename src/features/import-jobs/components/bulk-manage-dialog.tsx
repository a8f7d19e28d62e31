import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ReadOnlyNotice } from "@/components/read-only-notice";
import { useAbility } from "@/lib/session";
import type { ChosenFile } from "@/features/import-jobs/api/queries";
import type { ImportJob, ImportMode } from "@domain/schemas/import-job";
import { checkFile } from "./check-file";
import { FileCheck, type FileCheckState } from "./file-check";
import { FilePicker } from "./file-picker";
import { ImportCheckView, ImportDialogFrame, ImportSubmitActions, useImportCheck } from "./import-dialog-parts";
import { ImportStarted } from "./import-started";
import { TemplateSection } from "./template-section";

/** Call Park Extension → Manage → Bulk manage: template, export, and Import CSV File with a preview. */
export function BulkManageDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation(["bulkManage", "common"]);
  const [check, setCheck] = useState<FileCheckState | null>(null);
  const [chosen, setChosen] = useState<ChosenFile | null>(null);
  const [mode, setMode] = useState<ImportMode>("partial");
  const [started, setStarted] = useState<ImportJob | null>(null);
  const latest = useRef(0);
  const importCheck = useImportCheck(chosen, mode);
  const { preview, start } = importCheck;
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

  return (
    <ImportDialogFrame title={t("title")} busy={importCheck.busy} dismissable={!chosen} onClose={onClose}>
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
            <FilePicker onFile={(file) => void onFile(file)} isDisabled={importCheck.busy} />
            {check && <FileCheck check={check} showRowIssues={!preview.isSuccess} />}
            <ImportCheckView check={importCheck} chosen={chosen} mode={mode} onModeChange={setMode} title={<h3>{t("preview.title")}</h3>} />
          </section>
          <ImportSubmitActions check={importCheck} chosen={chosen} mode={mode} onClose={onClose} onStarted={setStarted} submitLabel={t("submit")} />
        </>
      )}
    </ImportDialogFrame>
  );
}

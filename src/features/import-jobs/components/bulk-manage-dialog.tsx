import { useRef, useState } from "react";
import { useTranslation } from "@/lib/use-translation";
import { ReadOnlyNotice } from "@/components/read-only-notice";
import type { TaskKind } from "@/lib/paths";
import { useAbility } from "@/lib/session";
import type { ChosenFile, TaskJob } from "@/features/import-jobs/api/queries";
import { kindKey } from "@/features/import-jobs/import-kinds";
import type { ImportMode } from "@domain/schemas/import-job";
import { checkFile } from "./check-file";
import { FileCheck, type FileCheckState } from "./file-check";
import { FilePicker } from "./file-picker";
import { ImportCheckView, ImportDialogFrame, ImportSubmitActions, useImportCheck } from "./import-dialog-parts";
import { ImportStarted } from "./import-started";
import { TemplateSection } from "./template-section";

/**
 * Manage → Bulk manage, on the Call Park Extension card or the Call Park Group card (`kind`):
 * template, export, and Import CSV File with a preview.
 */
export function BulkManageDialog({ kind, onClose }: { kind: TaskKind; onClose: () => void }) {
  const { t } = useTranslation(["bulkManage", "common"]);
  const [check, setCheck] = useState<FileCheckState | null>(null);
  const [chosen, setChosen] = useState<ChosenFile | null>(null);
  const [mode, setMode] = useState<ImportMode>("partial");
  const [started, setStarted] = useState<TaskJob | null>(null);
  const latest = useRef(0);
  const importCheck = useImportCheck(kind, chosen, mode);
  const { preview, start } = importCheck;
  const { canImport } = useAbility();

  const onFile = async (file: File) => {
    const id = ++latest.current;
    setChosen(null);
    start.reset();
    setCheck({ state: "reading", fileName: file.name });
    const result = await checkFile(file, kind);
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
    <ImportDialogFrame title={t(kindKey(kind, "title"))} busy={importCheck.busy} dismissable={!chosen} onClose={onClose}>
      {!canImport ? (
        // An administrator who may not import still downloads the template and the export.
        <>
          <ReadOnlyNotice message={t(kindKey(kind, "readOnly"))} />
          <TemplateSection kind={kind} />
        </>
      ) : started ? (
        <ImportStarted kind={kind} job={started} onAnother={reset} onClose={onClose} />
      ) : (
        <>
          <p className="muted">{t(kindKey(kind, "intro"))}</p>
          <TemplateSection kind={kind} />
          <section className="bulk-section" aria-labelledby="bulk-import-title">
            <h3 id="bulk-import-title">{t("import.title")}</h3>
            <FilePicker onFile={(file) => void onFile(file)} isDisabled={importCheck.busy} />
            {check && <FileCheck kind={kind} check={check} showRowIssues={!preview.isSuccess} />}
            <ImportCheckView check={importCheck} chosen={chosen} mode={mode} onModeChange={setMode} title={<h3>{t("preview.title")}</h3>} />
          </section>
          <ImportSubmitActions check={importCheck} chosen={chosen} mode={mode} onClose={onClose} onStarted={setStarted} submitLabel={t("submit")} />
        </>
      )}
    </ImportDialogFrame>
  );
}

import { useTranslation } from "react-i18next";
import { IMPORT_MODES, type ImportMode } from "@domain/schemas/import-job";

/** Whether valid rows go in when some rows are wrong, or nothing does. */
export function ModeChoice({ mode, onChange }: { mode: ImportMode; onChange: (mode: ImportMode) => void }) {
  const { t } = useTranslation("bulkManage");
  return (
    <fieldset className="radio-group">
      <legend>{t("mode.legend")}</legend>
      {IMPORT_MODES.map((m) => (
        <label key={m} className="radio-option">
          <input type="radio" name="import-mode" value={m} checked={mode === m} onChange={() => onChange(m)} />
          <span>{t(`mode.${m}`)}</span>
        </label>
      ))}
    </fieldset>
  );
}

import { useTranslation } from "@/lib/use-translation";
import { IMPORT_MODES, type ImportMode } from "@domain/schemas/import-job";
import { useGatewayStatus } from "@/lib/session";

/**
 * Whether valid rows go in when some rows are wrong, or nothing does. An organisation in
 * Webex cannot have all-or-nothing (Webex applies each change on its own): said, not hidden.
 */
export function ModeChoice({ mode, onChange }: { mode: ImportMode; onChange: (mode: ImportMode) => void }) {
  const { t } = useTranslation("bulkManage");
  const webex = useGatewayStatus()?.mode === "webex";
  return (
    <fieldset className="radio-group">
      <legend>{t("mode.legend")}</legend>
      {IMPORT_MODES.map((m) => {
        const unavailable = webex && m === "atomic";
        return (
          <label key={m} className="radio-option">
            <input
              type="radio"
              name="import-mode"
              value={m}
              checked={mode === m}
              disabled={unavailable}
              aria-describedby={unavailable ? "import-mode-atomic-unavailable" : undefined}
              onChange={() => onChange(m)}
            />
            <span>{t(`mode.${m}`)}</span>
          </label>
        );
      })}
      {webex && (
        <p id="import-mode-atomic-unavailable" className="field-description">
          {t("mode.atomicUnavailable")}
        </p>
      )}
    </fieldset>
  );
}

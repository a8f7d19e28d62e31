import { useQuery } from "@tanstack/react-query";
import { locationQueries } from "@/lib/location-queries";
import { useTranslation } from "@/lib/use-translation";
import { needsHuntGroup, RECALL_OPTIONS, type RecallOption } from "@domain/rules/recall";
import { FieldErrorText } from "@/components/field-error";
import type { CallParkDraft } from "@/features/call-parks/api/types";

/** Recall To: who a parked call goes back to when nobody retrieves it. */
export function RecallEditor({
  locationId,
  value,
  onChange,
  huntGroupError,
  idPrefix,
}: {
  locationId: string;
  value: CallParkDraft["recall"];
  onChange: (recall: CallParkDraft["recall"]) => void;
  /** An encoded field issue for the hunt group choice. */
  huntGroupError?: string;
  idPrefix: string;
}) {
  const { t } = useTranslation("callParkGroups");
  const huntGroups = useQuery({ ...locationQueries.recallHuntGroups(locationId), enabled: needsHuntGroup(value.option) });
  const choose = (option: RecallOption) => onChange({ option, huntGroupId: needsHuntGroup(option) ? value.huntGroupId : undefined });
  return (
    <div className="editor">
      <fieldset className="radio-group">
        <legend>{t("recall.recallTo")}</legend>
        {RECALL_OPTIONS.map((option) => (
          <div key={option} className="radio-option">
            <input
              type="radio"
              id={`${idPrefix}-recall-${option}`}
              name={`${idPrefix}-recall`}
              value={option}
              checked={value.option === option}
              onChange={() => choose(option)}
              aria-describedby={`${idPrefix}-recall-${option}-help`}
            />
            <label htmlFor={`${idPrefix}-recall-${option}`}>{t(`recall.option.${option}`)}</label>
            <p id={`${idPrefix}-recall-${option}-help`} className="field-description">
              {t(`recall.help.${option}`)}
            </p>
          </div>
        ))}
      </fieldset>
      {needsHuntGroup(value.option) && (
        <div className="field">
          <label htmlFor={`${idPrefix}-hunt-group`}>{t("recall.huntGroup")}</label>
          <select
            id={`${idPrefix}-hunt-group`}
            className="input"
            value={value.huntGroupId ?? ""}
            aria-invalid={huntGroupError ? true : undefined}
            aria-describedby={huntGroupError ? `${idPrefix}-hunt-group-error` : undefined}
            onChange={(e) => onChange({ ...value, huntGroupId: e.target.value || undefined })}
          >
            <option value="">{t("recall.chooseHuntGroup")}</option>
            {huntGroups.data?.map((h) => (
              <option key={h.id} value={h.id}>
                {h.name}
              </option>
            ))}
          </select>
          {huntGroups.isSuccess && huntGroups.data.length === 0 && (
            <p className="field-description">{t("recall.noHuntGroups")}</p>
          )}
          <FieldErrorText id={`${idPrefix}-hunt-group-error`} message={huntGroupError} />
        </div>
      )}
    </div>
  );
}

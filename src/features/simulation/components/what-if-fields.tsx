import { useTranslation } from "@/lib/use-translation";
import { needsHuntGroup, RECALL_OPTIONS, RECALL_TIME_MAX, RECALL_TIME_MIN, type RecallOption } from "@domain/rules/recall";
import type { SimulationParticipant } from "@domain/schemas/simulation";

export interface WhatIf {
  /** Whether Play sends these values as overrides. */
  use: boolean;
  option: RecallOption;
  /** Every group's Recall To, or "" for each group's own. */
  groupOption: RecallOption | "";
  /** The hunt group the option recalls to, when it needs one. */
  huntGroupId: string;
  recallTime: string;
  huntWaitTime: string;
}

/**
 * Recall settings to play with instead of the saved ones, sent as the request's overrides:
 * labelled as not saved, so nobody mistakes them for the location's settings.
 */
export function WhatIfFields({
  value,
  onChange,
  fromForm,
  huntGroups,
}: {
  value: WhatIf;
  onChange: (value: WhatIf) => void;
  fromForm: boolean;
  huntGroups: SimulationParticipant[];
}) {
  const { t } = useTranslation("simulation");
  const set = (change: Partial<WhatIf>) => onChange({ ...value, ...change });
  return (
    <fieldset className="sim-what-if">
      <legend>{t("whatIf.heading")}</legend>
      <p className="field-description">{t("whatIf.description")}</p>
      {fromForm && (
        <p className="banner banner-warning" role="note">
          {t("whatIf.fromForm")}
        </p>
      )}
      <label className="checkbox">
        <input type="checkbox" checked={value.use} onChange={(e) => set({ use: e.target.checked })} />
        {t("whatIf.use")}
      </label>
      <div className="sim-what-if-fields">
        <div className="field">
          <label htmlFor="sim-what-if-option">{t("whatIf.recallOption")}</label>
          <select
            id="sim-what-if-option"
            className="input"
            value={value.option}
            disabled={!value.use}
            onChange={(e) => set({ option: e.target.value as RecallOption })}
          >
            {RECALL_OPTIONS.map((option) => (
              <option key={option} value={option}>
                {t(`whatIf.recallOptions.${option}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="sim-what-if-group-option">{t("whatIf.groupOption")}</label>
          <select
            id="sim-what-if-group-option"
            className="input"
            value={value.groupOption}
            disabled={!value.use}
            onChange={(e) => set({ groupOption: e.target.value as RecallOption | "" })}
          >
            <option value="">{t("whatIf.groupOptionSaved")}</option>
            {RECALL_OPTIONS.map((option) => (
              <option key={option} value={option}>
                {t(`whatIf.recallOptions.${option}`)}
              </option>
            ))}
          </select>
        </div>
        {(needsHuntGroup(value.option) || (value.groupOption !== "" && needsHuntGroup(value.groupOption))) && (
          <div className="field">
            <label htmlFor="sim-what-if-hunt-group">{t("whatIf.huntGroup")}</label>
            <select
              id="sim-what-if-hunt-group"
              className="input"
              value={value.huntGroupId}
              disabled={!value.use}
              onChange={(e) => set({ huntGroupId: e.target.value })}
            >
              <option value="">{t("whatIf.chooseHuntGroup")}</option>
              {huntGroups.map((h) => (
                <option key={h.id} value={h.id}>
                  {h.name}
                </option>
              ))}
            </select>
          </div>
        )}
        {(["recallTime", "huntWaitTime"] as const).map((field) => (
          <div className="field" key={field}>
            <label htmlFor={`sim-what-if-${field}`}>{t(`whatIf.${field}`)}</label>
            <input
              id={`sim-what-if-${field}`}
              className="input"
              type="number"
              inputMode="numeric"
              min={RECALL_TIME_MIN}
              max={RECALL_TIME_MAX}
              value={value[field]}
              disabled={!value.use}
              onChange={(e) => set({ [field]: e.target.value })}
            />
          </div>
        ))}
      </div>
    </fieldset>
  );
}

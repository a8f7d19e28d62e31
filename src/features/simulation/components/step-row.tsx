import { useTranslation } from "@/lib/use-translation";
import type { FieldIssue } from "@domain/schemas/issues";
import { PARK_GROUP_CODE, type SimulationParticipant } from "@domain/schemas/simulation";
import { Icon } from "@/components/icon";
import { issueMessage } from "@/lib/error-message";
import { ANSWER, CODE_KEYS, DIAL_CODES, type DialCode, type ScriptRow } from "./script-model";

export interface ExtensionChoice {
  extension: string;
  label: string;
}

interface Props {
  row: ScriptRow;
  number: number;
  dialers: SimulationParticipant[];
  extensions: ExtensionChoice[];
  issues?: Record<string, FieldIssue>;
  onChange: (row: ScriptRow) => void;
  onRemove: () => void;
}

/** One line of the script: "at second [n], [who] dials [#58 | *68 + ext | *88 + ext]". */
export function StepRow({ row, number, dialers, extensions, issues = {}, onChange, onRemove }: Props) {
  const { t } = useTranslation("simulation");
  const id = `sim-step-${row.key}`;
  const answering = row.code === ANSWER;
  const withExtension = row.code !== PARK_GROUP_CODE && !answering;
  // A wrong dial string is the extension's fault when there is one to choose, else the code's.
  const errors = {
    at: issues.at,
    by: issues.by,
    code: withExtension || answering ? undefined : (issues.dial ?? issues.step),
    extension: withExtension ? (issues.dial ?? issues.step) : undefined,
    call: answering ? (issues.answer ?? issues.step) : undefined,
  };
  const described = (field: keyof typeof errors) => (errors[field] ? { "aria-invalid": true, "aria-describedby": `${id}-${field}-error` } : {});
  const error = (field: keyof typeof errors) =>
    errors[field] && (
      <p id={`${id}-${field}-error`} className="field-error">
        {issueMessage(t, errors[field])}
      </p>
    );
  return (
    <fieldset className="sim-step">
      <legend>{t("script.step", { number })}</legend>
      <div className="field sim-step-at">
        <label htmlFor={`${id}-at`}>{t("script.at")}</label>
        <input
          id={`${id}-at`}
          className="input"
          type="number"
          inputMode="numeric"
          min={0}
          value={row.at}
          onChange={(e) => onChange({ ...row, at: e.target.value })}
          {...described("at")}
        />
        {error("at")}
      </div>
      <div className="field">
        <label htmlFor={`${id}-by`}>{t("script.who")}</label>
        <select id={`${id}-by`} className="input" value={row.by} onChange={(e) => onChange({ ...row, by: e.target.value })} {...described("by")}>
          <option value="">{t("script.chooseWho")}</option>
          {dialers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.extension ? t("script.participant", { name: p.name, extension: p.extension }) : t("script.participantNoExtension", { name: p.name })}
            </option>
          ))}
        </select>
        {error("by")}
      </div>
      <div className="field">
        <label htmlFor={`${id}-code`}>{t("script.dial")}</label>
        <select
          id={`${id}-code`}
          className="input"
          value={row.code}
          onChange={(e) => onChange({ ...row, code: e.target.value as DialCode })}
          {...described("code")}
        >
          {DIAL_CODES.map((code) => (
            <option key={code} value={code}>
              {t(`script.codes.${CODE_KEYS[code]}`)}
            </option>
          ))}
        </select>
        {error("code")}
      </div>
      {answering && (
        <div className="field">
          <label htmlFor={`${id}-call`}>{t("script.call")}</label>
          <input
            id={`${id}-call`}
            className="input"
            type="number"
            inputMode="numeric"
            min={1}
            value={row.call}
            onChange={(e) => onChange({ ...row, call: e.target.value })}
            {...described("call")}
          />
          {error("call")}
        </div>
      )}
      {withExtension && (
        <div className="field">
          <label htmlFor={`${id}-extension`}>{t("script.extension")}</label>
          <select
            id={`${id}-extension`}
            className="input"
            value={row.extension}
            onChange={(e) => onChange({ ...row, extension: e.target.value })}
            {...described("extension")}
          >
            <option value="">{t("script.chooseExtension")}</option>
            {extensions.map((choice) => (
              <option key={choice.extension} value={choice.extension}>
                {choice.label}
              </option>
            ))}
          </select>
          {error("extension")}
        </div>
      )}
      <button type="button" className="icon-button sim-step-remove" aria-label={t("script.remove", { number })} onClick={onRemove}>
        <Icon name="cancel" />
      </button>
    </fieldset>
  );
}

import { useTranslation } from "@/lib/use-translation";
import type { FieldIssue } from "@domain/schemas/issues";
import type { SimulationParticipant } from "@domain/schemas/simulation";
import { Icon } from "@/components/icon";
import { issueMessage } from "@/lib/error-message";
import { type LineRow, newLineRow } from "./script-model";

interface Props {
  rows: LineRow[];
  onRowsChange: (rows: LineRow[]) => void;
  dialers: SimulationParticipant[];
  /** The request's issues; those under `lineAppearances` are put on their rows. */
  issues: FieldIssue[];
}

/**
 * Shared and monitored lines: which member's line appears on whose phone. Webex's call park
 * API does not say, so the administrator tells the simulator; a call recalled to a parker is
 * then shown on those phones too.
 */
export function LineAppearances({ rows, onRowsChange, dialers, issues }: Props) {
  const { t } = useTranslation("simulation");
  const change = (index: number, row: LineRow) => onRowsChange(rows.map((r, i) => (i === index ? row : r)));
  const issueAt = (index: number, field?: "owner" | "shownOn") =>
    issues.find((i) => i.path[0] === "lineAppearances" && i.path[1] === index && i.path[2] === field);
  const label = (p: SimulationParticipant) =>
    p.extension ? t("script.participant", { name: p.name, extension: p.extension }) : t("script.participantNoExtension", { name: p.name });
  return (
    <section className="sim-lines" aria-labelledby="sim-lines-title">
      <h4 id="sim-lines-title">{t("lines.heading")}</h4>
      <p className="field-description">{t("lines.description")}</p>
      {rows.map((row, index) => {
        const id = `sim-line-${row.key}`;
        const number = index + 1;
        const rowIssue = issueAt(index);
        return (
          <fieldset key={row.key} className="sim-step" aria-describedby={rowIssue ? `${id}-error` : undefined}>
            <legend>{t("lines.row", { number })}</legend>
            {(["owner", "shownOn"] as const).map((end) => {
              const issue = issueAt(index, end);
              return (
                <div key={end} className="field">
                  <label htmlFor={`${id}-${end}`}>{t(`lines.${end}`)}</label>
                  <select
                    id={`${id}-${end}`}
                    className="input"
                    value={row[end]}
                    onChange={(e) => change(index, { ...row, [end]: e.target.value })}
                    aria-invalid={issue ? true : undefined}
                    aria-describedby={issue ? `${id}-${end}-error` : undefined}
                  >
                    <option value="">{t("script.chooseWho")}</option>
                    {dialers.map((p) => (
                      <option key={p.id} value={p.id}>
                        {label(p)}
                      </option>
                    ))}
                  </select>
                  {issue && (
                    <p id={`${id}-${end}-error`} className="field-error">
                      {end === "shownOn" && issue.code === "invalidValue" ? t("lines.samePhone") : issueMessage(t, issue)}
                    </p>
                  )}
                </div>
              );
            })}
            <button type="button" className="icon-button sim-step-remove" aria-label={t("lines.remove", { number })} onClick={() => onRowsChange(rows.filter((_, i) => i !== index))}>
              <Icon name="cancel" />
            </button>
            {rowIssue && (
              <p id={`${id}-error`} className="field-error">
                {issueMessage(t, rowIssue)}
              </p>
            )}
          </fieldset>
        );
      })}
      <div className="sim-script-tools">
        <button type="button" className="btn btn-secondary" onClick={() => onRowsChange([...rows, newLineRow()])}>
          <Icon name="plus" />
          {t("lines.add")}
        </button>
      </div>
    </section>
  );
}

import { useTranslation } from "@/lib/use-translation";
import type { FieldIssue } from "@domain/schemas/issues";
import type { SimulationResult } from "@domain/schemas/simulation";
import { Icon } from "@/components/icon";
import { issueMessage } from "@/lib/error-message";
import { LineAppearances } from "./line-appearances";
import { dialers, issuesByRow, type LineRow, newRow, presetRows, type ScriptRow } from "./script-model";
import { type ExtensionChoice, StepRow } from "./step-row";

interface Props {
  cast: SimulationResult;
  rows: ScriptRow[];
  onRowsChange: (rows: ScriptRow[]) => void;
  lines: LineRow[];
  onLinesChange: (lines: LineRow[]) => void;
  until: string;
  onUntilChange: (until: string) => void;
  issues: FieldIssue[];
  onPreset: () => void;
  onPlay: () => void;
  playing: boolean;
  note?: string;
}

/** The extensions a step may dial after *68 or *88: the park destinations, then the users' own. */
function extensionChoices(t: (key: string, o: Record<string, string>) => string, cast: SimulationResult): ExtensionChoice[] {
  const seen = new Set<string>();
  const choices: ExtensionChoice[] = [];
  const add = (extension: string | null, name: string) => {
    if (!extension || seen.has(extension)) return;
    seen.add(extension);
    choices.push({ extension, label: t("script.destination", { extension, name }) });
  };
  cast.destinations.forEach((d) => add(d.extension, d.name));
  dialers(cast.participants).forEach((p) => add(p.extension, p.name));
  return choices;
}

/** The script: its steps, the preset, how long to run, and Play. */
export function ScriptEditor({ cast, rows, onRowsChange, lines, onLinesChange, until, onUntilChange, issues, onPreset, onPlay, playing, note }: Props) {
  const { t } = useTranslation("simulation");
  const people = dialers(cast.participants);
  const extensions = extensionChoices(t, cast);
  const byRow = issuesByRow(issues);
  const untilIssue = issues.find((issue) => issue.path[0] === "until");
  const canPreset = presetRows(cast.participants).length > 0;
  const change = (index: number, row: ScriptRow) => onRowsChange(rows.map((r, i) => (i === index ? row : r)));
  return (
    <form
      className="form-card sim-script"
      aria-labelledby="sim-script-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onPlay();
      }}
    >
      <h3 id="sim-script-title">{t("script.heading")}</h3>
      {note && <p className="field-description">{note}</p>}
      <div className="sim-script-tools">
        <button type="button" className="btn btn-secondary" onClick={onPreset} disabled={!canPreset}>
          {t("script.preset")}
        </button>
        <button type="button" className="btn btn-secondary" onClick={() => onRowsChange([...rows, newRow({ by: people[0]?.id ?? "" })])}>
          <Icon name="plus" />
          {t("script.addStep")}
        </button>
      </div>
      {!canPreset && <p className="field-description">{t("script.noGroupMembers")}</p>}
      <p className="muted" aria-live="polite">
        {t("script.steps", { count: rows.length })}
      </p>
      {issues.length > 0 && (
        <div className="banner banner-error" role="alert">
          <p>{t("script.refused")}</p>
          {/* Issues with no field here (the what-if settings, say) are said in the banner. */}
          {issues
            .filter(
              (issue) =>
                !((issue.path[0] === "steps" || issue.path[0] === "lineAppearances") && issue.path.length > 1) && issue.path[0] !== "until",
            )
            .map((issue, i) => (
              <p key={i}>{issueMessage(t, issue)}</p>
            ))}
        </div>
      )}
      {rows.map((row, index) => (
        <StepRow
          key={row.key}
          row={row}
          number={index + 1}
          dialers={people}
          extensions={extensions}
          issues={byRow.get(index)}
          onChange={(next) => change(index, next)}
          onRemove={() => onRowsChange(rows.filter((_, i) => i !== index))}
        />
      ))}
      <LineAppearances rows={lines} onRowsChange={onLinesChange} dialers={people} issues={issues} />
      <div className="sim-script-play">
        <div className="field sim-until">
          <label htmlFor="sim-until">{t("script.until")}</label>
          <input
            id="sim-until"
            className="input"
            type="number"
            inputMode="numeric"
            min={1}
            value={until}
            onChange={(e) => onUntilChange(e.target.value)}
            aria-invalid={untilIssue ? true : undefined}
            aria-describedby={untilIssue ? "sim-until-error" : undefined}
          />
          {untilIssue && (
            <p id="sim-until-error" className="field-error">
              {issueMessage(t, untilIssue)}
            </p>
          )}
        </div>
        <button type="submit" className="btn btn-primary" disabled={playing}>
          {playing ? t("script.playing") : t("script.play")}
        </button>
      </div>
    </form>
  );
}

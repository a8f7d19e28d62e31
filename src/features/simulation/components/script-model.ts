import { type FieldIssue, toFieldIssues } from "@domain/schemas/issues";
import {
  simulationAnswerStepSchema,
  simulationDialStepSchema,
  PARK_DIRECT_CODE,
  PARK_GROUP_CODE,
  RETRIEVE_CODE,
  SIMULATION_MAX_SECONDS,
  type SimulationDestination,
  type SimulationParticipant,
  type SimulationStep,
} from "@domain/schemas/simulation";

// The script as the screen edits it: text in the fields until Play turns it into the
// request's steps (so a half-typed second is the contract's to refuse, on its row).

/** What a step does: dial one of the codes, or answer a call recalled to the one answering. */
export const ANSWER = "answer";
export const DIAL_CODES = [PARK_GROUP_CODE, PARK_DIRECT_CODE, RETRIEVE_CODE, ANSWER] as const;
export type DialCode = (typeof DIAL_CODES)[number];
/** The translation key of each code's choice. */
export const CODE_KEYS: Record<DialCode, string> = { "#58": "group", "*68": "direct", "*88": "retrieve", answer: "answer" };

export interface ScriptRow {
  /** Stable across removals, for React and for the fields' ids. */
  key: number;
  at: string;
  by: string;
  code: DialCode;
  extension: string;
  /** For an answer: the call's number (1 for call-1). */
  call: string;
}

let nextKey = 1;
export const newRow = (row: Partial<Omit<ScriptRow, "key">> = {}): ScriptRow => ({
  key: nextKey++,
  at: "0",
  by: "",
  code: PARK_GROUP_CODE,
  extension: "",
  call: "1",
  ...row,
});

/** Who can dial: people, workspaces and virtual lines (hunt groups are only ever alerted). */
export const dialers = (participants: SimulationParticipant[]) => participants.filter((p) => p.type !== "HUNT_GROUP");

/** How many members park at once in the preset: enough to see hunting skip taken destinations. */
export const PRESET_SIZE = 3;

/**
 * The first members of a group (`groupId`, else the first group with members) each dialling
 * #58 at second 0 — the issue's "three members park at once, nobody retrieves".
 */
export function presetRows(participants: SimulationParticipant[], groupId?: string): ScriptRow[] {
  const members = dialers(participants).filter((p) => p.callParkId !== null);
  const group = groupId ?? members[0]?.callParkId;
  return members
    .filter((p) => p.callParkId === group)
    .slice(0, PRESET_SIZE)
    .map((p) => newRow({ by: p.id }));
}

/** The rows as the request's steps; a second that is not a number goes as it is typed, for the contract to refuse. */
export function stepsOf(rows: ScriptRow[]): SimulationStep[] {
  return rows.map((row) => {
    const at = row.at.trim() === "" || Number.isNaN(Number(row.at)) ? (row.at as unknown as number) : Number(row.at);
    // No number: an empty answer, for the contract to refuse on the row.
    if (row.code === ANSWER) return { at, by: row.by, answer: row.call.trim() === "" ? "" : `call-${row.call.trim()}` };
    return { at, by: row.by, dial: row.code === PARK_GROUP_CODE ? row.code : `${row.code}${row.extension}` };
  });
}

/** A step's field issues by row index and field (`at`, `by`, `dial`, or `step` for the row as a whole). */
export function issuesByRow(issues: FieldIssue[]): Map<number, Record<string, FieldIssue>> {
  const rows = new Map<number, Record<string, FieldIssue>>();
  for (const issue of issues) {
    const [root, at, field] = issue.path;
    const index = Number(at);
    if (root !== "steps" || at === undefined || !Number.isInteger(index)) continue;
    const row = rows.get(index) ?? {};
    const name = typeof field === "string" ? field : "step";
    row[name] ??= issue;
    rows.set(index, row);
  }
  return rows;
}

/** The contract's own check of each step, before asking the server: its issues on their rows. */
export function checkSteps(steps: SimulationStep[]): FieldIssue[] {
  return steps.flatMap((step, index) => {
    const result = ("answer" in step ? simulationAnswerStepSchema : simulationDialStepSchema).safeParse(step);
    if (result.success) return [];
    return toFieldIssues(result.error, step).map((issue) => ({ ...issue, path: ["steps", index, ...issue.path] }));
  });
}

/** What a form's preview plays, and who does what in it (for the sentence above the timeline). */
export interface PreviewScript {
  steps: SimulationStep[];
  until: number;
  /** Who parks, in the order they dial. */
  parkers: SimulationParticipant[];
  /** A direct park's extension. */
  extension?: string;
}

/**
 * The preview's script. A direct park: the location's first person (else workspace or virtual
 * line) parks with *68 on the first call park extension, else on someone else's extension. A
 * group park: its first members (PRESET_SIZE) dial #58 at once. Nobody retrieves, and the
 * preview runs long enough to show what the recall does: two Recall Timers and the Wait Time.
 * Null when nobody could park.
 */
export function previewScript(
  cast: { participants: SimulationParticipant[]; destinations: SimulationDestination[] },
  park: { kind: "direct" } | { kind: "group"; memberIds: readonly string[] },
  timers: { recallTime: number; huntWaitTime: number },
): PreviewScript | null {
  const until = Math.min(SIMULATION_MAX_SECONDS, 2 * timers.recallTime + timers.huntWaitTime);
  const people = dialers(cast.participants);
  if (park.kind === "group") {
    const byId = new Map(people.map((p) => [p.id, p]));
    const parkers = park.memberIds.flatMap((id) => byId.get(id) ?? []).slice(0, PRESET_SIZE);
    if (parkers.length === 0) return null;
    return { steps: parkers.map((p) => ({ at: 0, by: p.id, dial: PARK_GROUP_CODE })), until, parkers };
  }
  const parker = people.find((p) => p.type === "PEOPLE") ?? people[0];
  if (!parker) return null;
  const target =
    cast.destinations.find((d) => d.kind === "CALL_PARK_EXTENSION") ?? cast.destinations.find((d) => d.id !== parker.id);
  if (!target) return null;
  return {
    steps: [{ at: 0, by: parker.id, dial: `${PARK_DIRECT_CODE}${target.extension}` }],
    until,
    parkers: [parker],
    extension: target.extension,
  };
}

/** "The line of [owner] appears on the phone of [shownOn]", as the screen edits it. */
export interface LineRow {
  key: number;
  owner: string;
  shownOn: string;
}

export const newLineRow = (row: Partial<Omit<LineRow, "key">> = {}): LineRow => ({ key: nextKey++, owner: "", shownOn: "", ...row });

/** The rows as the request's line appearances (none: the field is left out). */
export const lineAppearancesOf = (rows: LineRow[]) => (rows.length ? rows.map(({ owner, shownOn }) => ({ owner, shownOn })) : undefined);

/** The line appearances' own checks (both ends chosen, two different ones), as the server would make them. */
export function checkLineAppearances(rows: LineRow[]): FieldIssue[] {
  return rows.flatMap((row, index): FieldIssue[] => {
    const missing = (["owner", "shownOn"] as const).flatMap((end) => (row[end] ? [] : [{ path: ["lineAppearances", index, end], code: "required" as const }]));
    if (missing.length) return missing;
    return row.owner === row.shownOn ? [{ path: ["lineAppearances", index, "shownOn"], code: "invalidValue" }] : [];
  });
}

import { z } from "zod";
import { MAX_CALL_PARK_AGENTS, MAX_CALL_PARK_DESTINATIONS } from "@domain/rules/call-park";
import { needsHuntGroup, RECALL_OPTIONS, type RecallOption } from "@domain/rules/recall";
import { canonicalText, isBlank, searchKey } from "@domain/rules/text";
import { callParkNameSchema } from "@domain/schemas/call-park";
import { extensionSchema } from "@domain/schemas/extension";
import { type FieldIssue, toFieldIssues } from "@domain/schemas/issues";
import { displayName } from "@domain/schemas/text";
import { type CsvColumns, type CsvFileProblem, readCsvTable, writeCsvTable } from "./csv-file";

// The bulk-manage CSV of call park groups, as Control Hub's: one row per group with its
// whole configuration — recall, hunt group, members, whether members are park
// destinations, and the call park extensions in hunting order. A row says what the group
// is to be: an empty Members cell is a group without members. Read by the browser (to
// check a file before upload) and the server (to import it), like the extensions' CSV.

export const CALL_PARK_CSV_FIELDS = [
  "name",
  "location",
  "recallTo",
  "huntGroup",
  "members",
  "membersAsDestinations",
  "extensions",
  "action",
] as const;
export type CallParkCsvField = (typeof CALL_PARK_CSV_FIELDS)[number];

/** The template's headers, as the issue and Control Hub name them. */
export const CALL_PARK_CSV_HEADERS: Record<CallParkCsvField, string> = {
  name: "Call Park Name",
  location: "Location",
  recallTo: "Recall To",
  huntGroup: "Hunt Group",
  members: "Members",
  membersAsDestinations: "Use Members As Park Destinations",
  extensions: "Call Park Extensions",
  action: "Action",
};

/** Header spellings accepted (English and Portuguese), compared without case, accents or punctuation. */
const ALIASES: Record<string, CallParkCsvField> = {
  callparkname: "name",
  callparkgroupname: "name",
  name: "name",
  nome: "name",
  nomedoestacionamentodechamadas: "name",
  nomedogrupodeestacionamentodechamadas: "name",
  nomedogrupo: "name",
  location: "location",
  locationname: "location",
  local: "location",
  nomedolocal: "location",
  recallto: "recallTo",
  recall: "recallTo",
  recalloption: "recallTo",
  rechamarpara: "recallTo",
  rechamadapara: "recallTo",
  rechamada: "recallTo",
  huntgroup: "huntGroup",
  recallhuntgroup: "huntGroup",
  grupodebusca: "huntGroup",
  grupodebuscadarechamada: "huntGroup",
  members: "members",
  agents: "members",
  membros: "members",
  usemembersasparkdestinations: "membersAsDestinations",
  parkonagentsenabled: "membersAsDestinations",
  usarmembroscomodestinosdeestacionamento: "membersAsDestinations",
  callparkextensions: "extensions",
  extensions: "extensions",
  ramaisdeestacionamentodechamadas: "extensions",
  ramais: "extensions",
  action: "action",
  acao: "action",
};

export const CALL_PARK_CSV_COLUMNS: CsvColumns<CallParkCsvField> = {
  fields: CALL_PARK_CSV_FIELDS,
  headers: CALL_PARK_CSV_HEADERS,
  aliases: ALIASES,
  required: ["name", "location"],
};

/** ADD creates (the group must not exist), UPDATE changes (it must), DELETE removes; empty adds or updates. */
export const CALL_PARK_CSV_ACTIONS = ["ADD", "UPDATE", "DELETE", "ADD_OR_UPDATE"] as const;
export type CallParkCsvAction = (typeof CALL_PARK_CSV_ACTIONS)[number];

/** Several members or extensions in one cell. */
export const LIST_SEPARATOR = "|";

function splitList(cell: string): string[] {
  return cell
    .split(LIST_SEPARATOR)
    .map((v) => canonicalText(v))
    .filter((v) => !isBlank(v));
}

const TRUE_WORDS = new Set(["true", "yes", "sim", "verdadeiro", "1"]);
const FALSE_WORDS = new Set(["false", "no", "nao", "falso", "0", ""]);

/** A member as the file names it: a person by email, a workspace or virtual line by name. */
export interface CsvMember {
  /** What the cell said, trimmed. */
  text: string;
  kind: "email" | "name";
}

export interface CallParkCsvRow {
  name: string;
  location: string;
  recallOption: RecallOption;
  /** The hunt group's name; empty when the recall does not use one. */
  huntGroup: string;
  members: CsvMember[];
  parkOnAgentsEnabled: boolean;
  /** Extensions in hunting order. */
  extensions: string[];
  action: CallParkCsvAction;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const cells = z.object({
  name: callParkNameSchema,
  location: displayName({ max: 256 }),
  action: z
    .string()
    .transform((v) => v.trim().toUpperCase())
    .pipe(z.enum(["", "ADD", "UPDATE", "DELETE"], { error: () => "invalidGroupAction" }))
    .transform((v): CallParkCsvAction => (v === "" ? "ADD_OR_UPDATE" : v)),
});

/**
 * Every problem of a row's cells at once, before any lookup. A DELETE row needs only the
 * group's name and location; its other cells are not read.
 */
export function checkCallParkCsvRow(values: Record<CallParkCsvField, string>): { row?: CallParkCsvRow; issues: FieldIssue[] } {
  const parsed = cells.safeParse({ name: values.name, location: values.location, action: values.action });
  const issues: FieldIssue[] = parsed.success ? [] : toFieldIssues(parsed.error, values);
  const action = parsed.success ? parsed.data.action : undefined;
  if (action === "DELETE" && parsed.success) {
    const { name, location } = parsed.data;
    return { row: { name, location, recallOption: "ALERT_PARKING_USER_ONLY", huntGroup: "", members: [], parkOnAgentsEnabled: false, extensions: [], action }, issues: [] };
  }

  const recallText = values.recallTo.trim().toUpperCase();
  const recallOption = recallText === "" ? "ALERT_PARKING_USER_ONLY" : RECALL_OPTIONS.find((o) => o === recallText);
  if (!recallOption) issues.push({ path: ["recallTo"], code: "invalidRecallOption", params: { value: values.recallTo.trim() } });

  const huntGroup = canonicalText(values.huntGroup);
  if (recallOption && needsHuntGroup(recallOption) && isBlank(huntGroup)) issues.push({ path: ["huntGroup"], code: "huntGroupRequired" });
  const members = splitList(values.members).map((text): CsvMember => ({ text, kind: EMAIL.test(text) ? "email" : "name" }));
  if (members.length > MAX_CALL_PARK_AGENTS) issues.push({ path: ["members"], code: "tooBig", params: { max: MAX_CALL_PARK_AGENTS } });
  const seenMembers = new Map<string, number>();
  members.forEach((m, index) => {
    const key = searchKey(m.text);
    if (seenMembers.has(key)) issues.push({ path: ["members", index], code: "listRepeated", params: { value: m.text } });
    else seenMembers.set(key, index);
  });

  const flagText = searchKey(values.membersAsDestinations);
  const parkOnAgentsEnabled = TRUE_WORDS.has(flagText);
  if (!parkOnAgentsEnabled && !FALSE_WORDS.has(flagText)) {
    issues.push({ path: ["membersAsDestinations"], code: "invalidFlag", params: { value: values.membersAsDestinations.trim() } });
  }

  const extensions = splitList(values.extensions);
  if (extensions.length > MAX_CALL_PARK_DESTINATIONS) {
    issues.push({ path: ["extensions"], code: "tooBig", params: { max: MAX_CALL_PARK_DESTINATIONS } });
  }
  const seenExtensions = new Set<string>();
  extensions.forEach((extension, index) => {
    const checked = extensionSchema.safeParse(extension);
    if (!checked.success) issues.push(...toFieldIssues(checked.error, extension).map((i) => ({ ...i, path: ["extensions", index] })));
    else if (seenExtensions.has(extension)) issues.push({ path: ["extensions", index], code: "listRepeated", params: { value: extension } });
    seenExtensions.add(extension);
  });
  if (parkOnAgentsEnabled && extensions.length > 0) {
    issues.push({ path: ["membersAsDestinations"], code: "parkOnAgentsWithDestinations" });
  }
  if (!parsed.success || !recallOption || issues.length) return { issues };
  return {
    row: { ...parsed.data, recallOption, huntGroup, members, parkOnAgentsEnabled, extensions },
    issues: [],
  };
}

export interface CallParkCsvRowResult {
  rowNumber: number;
  values: Record<CallParkCsvField, string>;
  row?: CallParkCsvRow;
  issues: FieldIssue[];
}

export type CallParkCsvParseResult = { ok: true; rows: CallParkCsvRowResult[] } | { ok: false; problem: CsvFileProblem };

/** Reads a call park groups CSV: the file's problems first, then each row's. */
export function parseCallParkCsv(text: string, byteLength = text.length): CallParkCsvParseResult {
  const table = readCsvTable(text, byteLength, CALL_PARK_CSV_COLUMNS);
  if (!table.ok) return table;
  return { ok: true, rows: table.rows.map((r) => ({ ...r, ...checkCallParkCsvRow(r.values) })) };
}

/** A group as the export writes it: members by email (people) or name, lists in order. */
export interface CallParkCsvGroup {
  name: string;
  location: string;
  recallOption: RecallOption;
  huntGroup?: string;
  members: string[];
  parkOnAgentsEnabled: boolean;
  extensions: string[];
  action?: "ADD" | "UPDATE" | "DELETE";
}

/** Writes groups in the template's format; re-imported unchanged, every row is UNCHANGED. */
export function toCallParkCsv(groups: CallParkCsvGroup[]): string {
  return writeCsvTable(
    CALL_PARK_CSV_COLUMNS,
    groups.map((g) => ({
      name: g.name,
      location: g.location,
      recallTo: g.recallOption,
      huntGroup: g.huntGroup ?? "",
      members: g.members.join(LIST_SEPARATOR),
      membersAsDestinations: g.parkOnAgentsEnabled ? "true" : "false",
      extensions: g.extensions.join(LIST_SEPARATOR),
      action: g.action ?? "",
    })),
  );
}

import Papa from "papaparse";
import { z } from "zod";
import { MAX_CALL_PARK_EXTENSIONS_PER_LOCATION } from "@domain/rules/limits";
import { isBlank } from "@domain/rules/text";
import { callParkExtensionNameSchema } from "@domain/schemas/call-park-extension";
import { extensionSchema } from "@domain/schemas/extension";
import { type FieldIssue, toFieldIssues } from "@domain/schemas/issues";
import { displayName } from "@domain/schemas/text";

// The bulk-manage CSV of call park extensions, read the same way by the browser
// (to check a file before upload) and the server (to import it): Webex's columns,
// English or Portuguese headers, comma or semicolon, with or without BOM.

export const MAX_CSV_ROWS = 1000;
export const MAX_CSV_BYTES = 1024 * 1024;
export { MAX_CALL_PARK_EXTENSIONS_PER_LOCATION };

export const CSV_FIELDS = ["location", "name", "extension", "action"] as const;
export type CsvField = (typeof CSV_FIELDS)[number];

/** The template's headers, as Webex names them. */
export const CSV_HEADERS: Record<CsvField, string> = {
  location: "Location",
  name: "Call Park Extension Name",
  extension: "Extension",
  action: "Action",
};

const REQUIRED: CsvField[] = ["location", "name", "extension"];

// Header spellings accepted, compared without case, accents or punctuation.
const HEADER_ALIASES: Record<string, CsvField> = {
  location: "location",
  locationname: "location",
  local: "location",
  nomedolocal: "location",
  callparkextensionname: "name",
  name: "name",
  nome: "name",
  nomedoramaldeestacionamentodechamadas: "name",
  nomedoramal: "name",
  extension: "extension",
  callparkextension: "extension",
  ramal: "extension",
  ramaldeestacionamentodechamadas: "extension",
  action: "action",
  acao: "action",
};

function headerKey(header: string): string {
  return header
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

export const CSV_ACTIONS = ["ADD", "DELETE"] as const;
export type CsvAction = (typeof CSV_ACTIONS)[number];

/** One data row's cells, checked with the same contracts as the API's. */
const csvRowCells = z.object({
  location: displayName({ max: 256 }),
  name: z.string(),
  extension: extensionSchema,
  action: z
    .string()
    .transform((v) => v.trim().toUpperCase() || "ADD")
    .pipe(z.enum(CSV_ACTIONS, { error: () => "invalidAction" })),
});

export interface CallParkExtensionCsvRow {
  location: string;
  name: string;
  extension: string;
  action: CsvAction;
}

/**
 * Every problem of a row at once. The name follows the API's contract, except that a
 * DELETE row may leave it empty (the extension names what goes).
 */
export function checkCsvRow(values: Record<CsvField, string>): { row?: CallParkExtensionCsvRow; issues: FieldIssue[] } {
  const cells = csvRowCells.safeParse(values);
  const deleting = values.action.trim().toUpperCase() === "DELETE";
  const name = deleting && isBlank(values.name) ? undefined : callParkExtensionNameSchema.safeParse(values.name);
  const issues = [
    ...(cells.success ? [] : toFieldIssues(cells.error, values)),
    ...(name && !name.success ? toFieldIssues(name.error, values.name).map((i) => ({ ...i, path: ["name"] })) : []),
  ];
  if (!cells.success || issues.length) return { issues };
  return { row: { ...cells.data, name: name?.success ? name.data : "" }, issues: [] };
}

export type CsvFileProblem =
  | { code: "csvEmpty" }
  | { code: "csvNotCsv" }
  | { code: "csvTooLarge"; params: { max: number } }
  | { code: "csvTooManyRows"; params: { max: number; rows: number } }
  | { code: "csvMissingColumns"; params: { columns: string } }
  | { code: "csvUnknownColumns"; params: { columns: string } }
  | { code: "csvDuplicateColumns"; params: { columns: string } };

export interface CsvRowResult {
  /** The row's line in the file, the header being row 1: what a spreadsheet shows. */
  rowNumber: number;
  values: Record<CsvField, string>;
  row?: CallParkExtensionCsvRow;
  issues: FieldIssue[];
}

export type CsvParseResult = { ok: true; rows: CsvRowResult[] } | { ok: false; problem: CsvFileProblem };

/** A cell a spreadsheet would run as a formula is written with a leading apostrophe... */
const FORMULA_START = /^[=+\-@\t\r]/;
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
/** ...which reading the file back takes off again, so an export re-imports unchanged. */
function restoreCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

/**
 * A file's bytes as text: UTF-8 (with or without BOM) or, when the bytes are not UTF-8,
 * Windows-1252 — what Excel writes as plain "CSV" in the Americas and Western Europe —
 * so "Florianópolis" reads the same either way. The browser and the server both use it.
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/** Reads a bulk-manage CSV: the file's problems first, then each row's. */
export function parseCallParkExtensionCsv(text: string, byteLength = text.length): CsvParseResult {
  if (byteLength > MAX_CSV_BYTES) return { ok: false, problem: { code: "csvTooLarge", params: { max: MAX_CSV_BYTES } } };
  const body = text.replace(/^\uFEFF/, "");
  if (body.trim() === "") return { ok: false, problem: { code: "csvEmpty" } };
  if (body.includes("\u0000")) return { ok: false, problem: { code: "csvNotCsv" } };
  const parsed = Papa.parse<string[]>(body, { skipEmptyLines: "greedy", delimitersToGuess: [",", ";", "\t"] });
  const [header = [], ...data] = parsed.data;
  const fields = header.map((h) => HEADER_ALIASES[headerKey(h)]);
  const unknown = header.filter((h, i) => !fields[i] && h.trim() !== "");
  if (unknown.length === header.length) return { ok: false, problem: { code: "csvNotCsv" } };
  if (unknown.length) return { ok: false, problem: { code: "csvUnknownColumns", params: { columns: unknown.join(", ") } } };
  const repeated = fields.filter((f, i) => f && fields.indexOf(f) !== i);
  if (repeated.length) {
    return { ok: false, problem: { code: "csvDuplicateColumns", params: { columns: repeated.map((f) => CSV_HEADERS[f!]).join(", ") } } };
  }
  const missing = REQUIRED.filter((f) => !fields.includes(f));
  if (missing.length) {
    return { ok: false, problem: { code: "csvMissingColumns", params: { columns: missing.map((f) => CSV_HEADERS[f]).join(", ") } } };
  }
  if (data.length === 0) return { ok: false, problem: { code: "csvEmpty" } };
  if (data.length > MAX_CSV_ROWS) {
    return { ok: false, problem: { code: "csvTooManyRows", params: { max: MAX_CSV_ROWS, rows: data.length } } };
  }
  const rows = data.map((cells, index): CsvRowResult => {
    const values = { location: "", name: "", extension: "", action: "" };
    fields.forEach((field, i) => {
      if (field) values[field] = restoreCell(cells[i] ?? "");
    });
    return { rowNumber: index + 2, values, ...checkCsvRow(values) };
  });
  return { ok: true, rows };
}

/** Writes rows in the template's format, every cell safe to open in a spreadsheet. */
export function toCallParkExtensionCsv(rows: { location: string; name: string; extension: string; action?: CsvAction }[]) {
  return Papa.unparse(
    {
      fields: CSV_FIELDS.map((f) => CSV_HEADERS[f]),
      data: rows.map((r) => [r.location, r.name, r.extension, r.action ?? "ADD"].map(neutraliseCell)),
    },
    { newline: "\r\n", quotes: true },
  );
}

import { z } from "zod";
import { MAX_CALL_PARK_EXTENSIONS_PER_LOCATION } from "@domain/rules/limits";
import { isBlank } from "@domain/rules/text";
import { callParkExtensionNameSchema } from "@domain/schemas/call-park-extension";
import { extensionSchema } from "@domain/schemas/extension";
import { type FieldIssue, toFieldIssues } from "@domain/schemas/issues";
import { displayName } from "@domain/schemas/text";
import { type CsvColumns, type CsvFileProblem, MAX_CSV_BYTES, MAX_CSV_ROWS, readCsvTable, writeCsvTable } from "./csv-file";

// The bulk-manage CSV of call park extensions, read the same way by the browser
// (to check a file before upload) and the server (to import it): Webex's columns,
// English or Portuguese headers, comma or semicolon, with or without BOM.

export { MAX_CSV_BYTES, MAX_CSV_ROWS, MAX_CALL_PARK_EXTENSIONS_PER_LOCATION };
export { decodeCsvBytes, neutraliseCell, type CsvFileProblem } from "./csv-file";

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

const COLUMNS: CsvColumns<CsvField> = { fields: CSV_FIELDS, headers: CSV_HEADERS, aliases: HEADER_ALIASES, required: REQUIRED };

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

export interface CsvRowResult {
  /** The row's line in the file, the header being row 1: what a spreadsheet shows. */
  rowNumber: number;
  values: Record<CsvField, string>;
  row?: CallParkExtensionCsvRow;
  issues: FieldIssue[];
}

export type CsvParseResult = { ok: true; rows: CsvRowResult[] } | { ok: false; problem: CsvFileProblem };

/** Reads a bulk-manage CSV: the file's problems first, then each row's. */
export function parseCallParkExtensionCsv(text: string, byteLength = text.length): CsvParseResult {
  const table = readCsvTable(text, byteLength, COLUMNS);
  if (!table.ok) return table;
  return { ok: true, rows: table.rows.map((r) => ({ ...r, ...checkCsvRow(r.values) })) };
}

/** Writes rows in the template's format, every cell safe to open in a spreadsheet. */
export function toCallParkExtensionCsv(rows: { location: string; name: string; extension: string; action?: CsvAction }[]) {
  return writeCsvTable(
    COLUMNS,
    rows.map((r) => ({ location: r.location, name: r.name, extension: r.extension, action: r.action ?? "ADD" })),
  );
}

import Papa from "papaparse";

// What every bulk-manage CSV of this app shares, whatever its columns: the limits, the
// bytes read as UTF-8 or Windows-1252, English or Portuguese headers compared loosely,
// comma or semicolon, cells safe to open in a spreadsheet. Read the same way by the
// browser (to check a file before upload) and the server (to import it).

export const MAX_CSV_ROWS = 1000;
export const MAX_CSV_BYTES = 1024 * 1024;

export type CsvFileProblem =
  | { code: "csvEmpty" }
  | { code: "csvNotCsv" }
  | { code: "csvTooLarge"; params: { max: number } }
  | { code: "csvTooManyRows"; params: { max: number; rows: number } }
  | { code: "csvMissingColumns"; params: { columns: string } }
  | { code: "csvUnknownColumns"; params: { columns: string } }
  | { code: "csvDuplicateColumns"; params: { columns: string } };

/** A file's columns: the template's headers, the spellings accepted for each, the ones it must have. */
export interface CsvColumns<F extends string> {
  fields: readonly F[];
  headers: Record<F, string>;
  /** Header spellings accepted, as `headerKey` makes them (no case, accents or punctuation). */
  aliases: Record<string, F>;
  required: readonly F[];
}

/** One data row's cells, by column; the row's line in the file, the header being row 1: what a spreadsheet shows. */
export interface CsvTableRow<F extends string> {
  rowNumber: number;
  values: Record<F, string>;
}

export type CsvTable<F extends string> = { ok: true; rows: CsvTableRow<F>[] } | { ok: false; problem: CsvFileProblem };

export function headerKey(header: string): string {
  return header
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

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

/** Reads a CSV's header and cells: the file's problems first; each row's cells by column. */
export function readCsvTable<F extends string>(text: string, byteLength: number, columns: CsvColumns<F>): CsvTable<F> {
  if (byteLength > MAX_CSV_BYTES) return { ok: false, problem: { code: "csvTooLarge", params: { max: MAX_CSV_BYTES } } };
  const body = text.replace(/^\uFEFF/, "");
  if (body.trim() === "") return { ok: false, problem: { code: "csvEmpty" } };
  if (body.includes("\u0000")) return { ok: false, problem: { code: "csvNotCsv" } };
  const parsed = Papa.parse<string[]>(body, { skipEmptyLines: "greedy", delimitersToGuess: [",", ";", "\t"] });
  const [header = [], ...data] = parsed.data;
  const fields = header.map((h): F | undefined => columns.aliases[headerKey(h)]);
  const unknown = header.filter((h, i) => !fields[i] && h.trim() !== "");
  if (unknown.length === header.length) return { ok: false, problem: { code: "csvNotCsv" } };
  if (unknown.length) return { ok: false, problem: { code: "csvUnknownColumns", params: { columns: unknown.join(", ") } } };
  const repeated = fields.filter((f, i) => f && fields.indexOf(f) !== i);
  if (repeated.length) {
    return { ok: false, problem: { code: "csvDuplicateColumns", params: { columns: repeated.map((f) => columns.headers[f!]).join(", ") } } };
  }
  const missing = columns.required.filter((f) => !fields.includes(f));
  if (missing.length) {
    return { ok: false, problem: { code: "csvMissingColumns", params: { columns: missing.map((f) => columns.headers[f]).join(", ") } } };
  }
  if (data.length === 0) return { ok: false, problem: { code: "csvEmpty" } };
  if (data.length > MAX_CSV_ROWS) {
    return { ok: false, problem: { code: "csvTooManyRows", params: { max: MAX_CSV_ROWS, rows: data.length } } };
  }
  const rows = data.map((cells, index): CsvTableRow<F> => {
    const values = Object.fromEntries(columns.fields.map((f) => [f, ""])) as Record<F, string>;
    fields.forEach((field, i) => {
      if (field) values[field] = restoreCell(cells[i] ?? "");
    });
    return { rowNumber: index + 2, values };
  });
  return { ok: true, rows };
}

/** Writes rows under the template's headers, every cell safe to open in a spreadsheet. */
export function writeCsvTable<F extends string>(columns: CsvColumns<F>, rows: Record<F, string>[]): string {
  return Papa.unparse(
    {
      fields: columns.fields.map((f) => columns.headers[f]),
      data: rows.map((r) => columns.fields.map((f) => neutraliseCell(r[f]))),
    },
    { newline: "\r\n", quotes: true },
  );
}

import { type CallParkCsvParseResult, parseCallParkCsv } from "@domain/csv/call-park-csv";
import { type CsvParseResult, decodeCsvBytes, MAX_CSV_BYTES, parseCallParkExtensionCsv } from "@domain/csv/call-park-extension-csv";
import type { TaskKind } from "@/lib/paths";

/** What the browser finds in a file: the file's problem, or each row's cells and issues. */
export type FileCheckResult = CsvParseResult | CallParkCsvParseResult;

/** Each kind's file, read as the server reads it. */
const PARSERS: Record<TaskKind, (text: string, byteLength: number) => FileCheckResult> = {
  callParkExtensions: parseCallParkExtensionCsv,
  callParks: parseCallParkCsv,
};

/**
 * Reads a chosen file in the browser exactly as the server will (same decoding, same
 * parser, same row contracts), so a broken file is refused before anything is sent.
 * A file far too large is refused without reading it.
 */
export async function checkFile(file: File, kind: TaskKind): Promise<FileCheckResult> {
  if (file.size > MAX_CSV_BYTES) return { ok: false, problem: { code: "csvTooLarge", params: { max: MAX_CSV_BYTES } } };
  const bytes = new Uint8Array(await file.arrayBuffer());
  return PARSERS[kind](decodeCsvBytes(bytes), file.size);
}

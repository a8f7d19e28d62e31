import {
  type CsvFileProblem,
  type CsvParseResult,
  MAX_CSV_BYTES,
  parseCallParkExtensionCsv,
} from "../../../../domain/csv/call-park-extension-csv";

/**
 * Reads a chosen file in the browser, with the same parser and row contracts as the
 * server, so a broken file is refused before anything is sent. A file far too large is
 * refused without reading it.
 */
export async function checkFile(file: File): Promise<CsvParseResult> {
  if (file.size > MAX_CSV_BYTES) {
    return { ok: false, problem: { code: "csvTooLarge", params: { max: MAX_CSV_BYTES } } };
  }
  const text = await file.text();
  return parseCallParkExtensionCsv(text, file.size);
}

export type { CsvFileProblem };

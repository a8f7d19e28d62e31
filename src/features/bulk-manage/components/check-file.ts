import { type CsvParseResult, MAX_CSV_BYTES, parseCallParkExtensionCsv } from "../../../../domain/csv/call-park-extension-csv";

export interface FileCheckResult {
  result: CsvParseResult;
  /**
   * Bytes that are not UTF-8 were read as U+FFFD: typically Excel's plain "CSV" in
   * Windows-1252, whose accents (Florianópolis) the server cannot match either.
   */
  notUtf8: boolean;
}

/**
 * Reads a chosen file in the browser, with the same parser and row contracts as the
 * server, so a broken file is refused before anything is sent. A file far too large is
 * refused without reading it.
 */
export async function checkFile(file: File): Promise<FileCheckResult> {
  if (file.size > MAX_CSV_BYTES) {
    return { result: { ok: false, problem: { code: "csvTooLarge", params: { max: MAX_CSV_BYTES } } }, notUtf8: false };
  }
  const text = await file.text();
  return { result: parseCallParkExtensionCsv(text, file.size), notUtf8: text.includes("\uFFFD") };
}

import {
  type CsvParseResult,
  decodeCsvBytes,
  MAX_CSV_BYTES,
  parseCallParkExtensionCsv,
} from "@domain/csv/call-park-extension-csv";

/**
 * Reads a chosen file in the browser exactly as the server will (same decoding, same
 * parser, same row contracts), so a broken file is refused before anything is sent.
 * A file far too large is refused without reading it.
 */
export async function checkFile(file: File): Promise<CsvParseResult> {
  if (file.size > MAX_CSV_BYTES) return { ok: false, problem: { code: "csvTooLarge", params: { max: MAX_CSV_BYTES } } };
  const bytes = new Uint8Array(await file.arrayBuffer());
  return parseCallParkExtensionCsv(decodeCsvBytes(bytes), file.size);
}

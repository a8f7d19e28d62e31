import type { FastifyRequest } from "fastify";
import { parseCallParkExtensionCsv } from "@domain/csv/call-park-extension-csv";
import { decodeCsvBytes, MAX_CSV_BYTES } from "@domain/csv/csv-file";
import type { CsvFileProblem } from "@domain/csv/csv-file";
import { hasForbiddenCharacters } from "@domain/rules/text";
import { HttpError } from "@server/http/errors";
import type { StoredRow } from "./import-jobs.repository";

// The CSV arrives as a browser sends a file (multipart/form-data, field `file`) or
// as a plain text/csv body; either way it is read by the domain's parser, whose
// file-level problems become the error body's `code`.

export const DEFAULT_FILE_NAME = "callParkExtensions.csv";
export const DEFAULT_GROUP_FILE_NAME = "callParks.csv";
export const CSV_MEDIA_TYPE = "text/csv";
export const MULTIPART_LIMITS = { fileSize: MAX_CSV_BYTES, files: 1, fields: 10, parts: 20 };

export function csvTooLarge() {
  return new HttpError("csvTooLarge", { max: MAX_CSV_BYTES });
}

/** A name to show for the job: the base name of what the client called the file. */
function cleanFileName(name: string | undefined, fallback: string): string {
  const base = (name ?? "").split(/[\\/]/).pop()!.normalize("NFC").trim().slice(0, 255);
  return base && !hasForbiddenCharacters(base) ? base : fallback;
}

/**
 * A refusal of the multipart parser: too large; past its other limits (a second file,
 * too many fields or parts), whose 4xx the app answers as 400; or a malformed body
 * (busboy's own errors carry no status).
 */
function multipartError(error: unknown): unknown {
  const { code, statusCode } = error as { code?: string; statusCode?: number };
  if (code === "FST_REQ_FILE_TOO_LARGE") return csvTooLarge();
  return statusCode ? error : new HttpError("badRequest");
}

/**
 * The `file` part of a multipart body. Every part is read, up to the end of the body
 * (other fields are ignored), so the answer comes after the whole request and the
 * connection is free for the next one; a second file, or parts past the limits, are
 * refused (the body's rest is then dropped by the app's body guard).
 */
async function readMultipart(request: FastifyRequest): Promise<{ bytes: Buffer; fileName?: string }> {
  let upload: { bytes: Buffer; fileName?: string } | undefined;
  try {
    for await (const part of request.parts({ limits: MULTIPART_LIMITS })) {
      if (part.type !== "file") continue;
      if (part.fieldname === "file") upload = { bytes: await part.toBuffer(), fileName: part.filename };
      else part.file.resume();
    }
  } catch (error) {
    throw multipartError(error);
  }
  if (!upload) throw new HttpError("validation", {}, [{ path: ["file"], code: "required" }]);
  return upload;
}

async function readBody(request: FastifyRequest): Promise<{ bytes: Buffer; fileName?: string }> {
  if (request.isMultipart()) return readMultipart(request);
  if (Buffer.isBuffer(request.body)) return { bytes: request.body };
  throw new HttpError("csvUnsupportedMediaType");
}

/** How a kind of CSV is read: its parser (the file's problems, each row's cells) and the job's name for a nameless file. */
interface CsvKind<V extends Record<string, string>> {
  parse: (text: string, byteLength: number) => { ok: true; rows: { rowNumber: number; values: V }[] } | { ok: false; problem: CsvFileProblem };
  defaultFileName: string;
}

const EXTENSIONS: CsvKind<StoredRow["values"]> = { parse: parseCallParkExtensionCsv, defaultFileName: DEFAULT_FILE_NAME };

/** The uploaded file's rows (call park extensions unless `kind` says), or the 400/413/415 its problem calls for. */
export async function readCsvUpload<V extends Record<string, string> = StoredRow["values"]>(
  request: FastifyRequest,
  fileName: string | undefined,
  kind: CsvKind<V> = EXTENSIONS as unknown as CsvKind<V>,
) {
  const body = await readBody(request);
  const parsed = kind.parse(decodeCsvBytes(body.bytes), body.bytes.length);
  if (!parsed.ok) {
    const { problem } = parsed;
    throw new HttpError(problem.code, "params" in problem ? problem.params : {});
  }
  const rows: StoredRow<V>[] = parsed.rows.map((r) => ({ itemNumber: r.rowNumber, values: r.values }));
  return { rows, fileName: cleanFileName(body.fileName || fileName, kind.defaultFileName) };
}

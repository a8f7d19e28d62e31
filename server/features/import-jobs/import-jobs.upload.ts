import type { FastifyRequest } from "fastify";
import { decodeCsvBytes, MAX_CSV_BYTES, parseCallParkExtensionCsv } from "@domain/csv/call-park-extension-csv";
import { hasForbiddenCharacters } from "@domain/rules/text";
import { HttpError } from "@server/http/errors";
import type { StoredRow } from "./import-jobs.repository";

// The CSV arrives as a browser sends a file (multipart/form-data, field `file`) or
// as a plain text/csv body; either way it is read by the domain's parser, whose
// file-level problems become the error body's `code`.

export const DEFAULT_FILE_NAME = "callParkExtensions.csv";
export const CSV_MEDIA_TYPE = "text/csv";
export const MULTIPART_LIMITS = { fileSize: MAX_CSV_BYTES, files: 1, fields: 10, parts: 20 };

export function csvTooLarge() {
  return new HttpError("csvTooLarge", { max: MAX_CSV_BYTES });
}

/** A name to show for the job: the base name of what the client called the file. */
function cleanFileName(name: string | undefined): string {
  const base = (name ?? "").split(/[\\/]/).pop()!.normalize("NFC").trim().slice(0, 255);
  return base && !hasForbiddenCharacters(base) ? base : DEFAULT_FILE_NAME;
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

/** The uploaded file's rows, or the 400/413/415 its problem calls for. */
export async function readCsvUpload(request: FastifyRequest, fileName: string | undefined) {
  const body = await readBody(request);
  const parsed = parseCallParkExtensionCsv(decodeCsvBytes(body.bytes), body.bytes.length);
  if (!parsed.ok) {
    const { problem } = parsed;
    throw new HttpError(problem.code, "params" in problem ? problem.params : {});
  }
  const rows: StoredRow[] = parsed.rows.map((r) => ({ itemNumber: r.rowNumber, values: r.values }));
  return { rows, fileName: cleanFileName(body.fileName || fileName) };
}

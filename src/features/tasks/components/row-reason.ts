import type { TFunction } from "i18next";
import { CSV_FIELDS } from "../../../../domain/csv/call-park-extension-csv";
import { issuesMessage } from "../../../lib/error-message";
import type { ImportJobError } from "../../../../domain/schemas/import-job";

// Messages that do not say which cell they are about get the column's name in front.
const GENERIC = new Set(["required", "invalidType", "tooShort", "tooLong", "invalidValue", "invalidCharacters"]);

/** Why a row failed, in the user's language; the server's own words when the SPA has none. */
export function rowReason(t: TFunction, error: ImportJobError): string {
  return issuesMessage(t, error.issues ?? [], {
    fallback: error.error?.message?.[0]?.description,
    fieldLabel: ({ path, code }) =>
      GENERIC.has(code) && (CSV_FIELDS as readonly unknown[]).includes(path[0]) ? t(`tasks:columns.${String(path[0])}`) : undefined,
  });
}

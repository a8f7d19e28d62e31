import type { TFunction } from "i18next";
import { CSV_FIELDS } from "../../../../domain/csv/call-park-extension-csv";
import type { FieldIssue } from "../../../../domain/schemas/issues";
import { issuesMessage } from "../../../lib/error-message";

// Messages that do not say which cell they are about get the column's name in front.
const GENERIC = new Set(["required", "invalidType", "tooShort", "tooLong", "invalidValue", "invalidCharacters"]);

/** Why a row cannot be imported, in the user's language. */
export function rowReason(t: TFunction, issues: FieldIssue[] | undefined, fallback?: string): string {
  return issuesMessage(t, issues ?? [], {
    fallback,
    fieldLabel: ({ path, code }) =>
      GENERIC.has(code) && (CSV_FIELDS as readonly unknown[]).includes(path[0])
        ? t(`bulkManage:columns.${String(path[0])}`)
        : undefined,
  });
}

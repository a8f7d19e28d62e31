import type { TFunction } from "i18next";
import { CSV_FIELDS } from "@domain/csv/call-park-extension-csv";
import type { FieldIssue } from "@domain/schemas/issues";
import { issuesMessage } from "./error-message";

// Messages that do not say which cell they are about get the column's name in front.
const GENERIC = new Set(["required", "invalidType", "tooShort", "tooLong", "invalidValue", "invalidCharacters"]);

/** Why a CSV row cannot be (or was not) imported, in the user's language; else `fallback`. */
export function csvRowReason(t: TFunction, issues: FieldIssue[] | undefined, fallback?: string): string {
  return issuesMessage(t, issues ?? [], {
    fallback,
    fieldLabel: ({ path, code }) =>
      GENERIC.has(code) && (CSV_FIELDS as readonly unknown[]).includes(path[0])
        ? t(`common:csvColumns.${String(path[0])}`)
        : undefined,
  });
}

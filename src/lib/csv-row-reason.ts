import type { TFunction } from "@/lib/i18n";
import { CALL_PARK_CSV_FIELDS } from "@domain/csv/call-park-csv";
import { CSV_FIELDS } from "@domain/csv/call-park-extension-csv";
import type { FieldIssue } from "@domain/schemas/issues";
import { issuesMessage } from "./error-message";
import type { TaskKind } from "./paths";

// Messages that do not say which cell they are about get the column's name in front.
const GENERIC = new Set(["required", "invalidType", "tooShort", "tooLong", "tooBig", "invalidValue", "invalidCharacters"]);

/** Each bulk-manage file's columns, and where their headers are worded (`common:<labels>.<field>`). */
const COLUMN_SETS: Record<TaskKind, { fields: readonly string[]; labels: string }> = {
  callParkExtensions: { fields: CSV_FIELDS, labels: "csvColumns" },
  callParks: { fields: CALL_PARK_CSV_FIELDS, labels: "callParkCsvColumns" },
};

/** A column's header in the user's language (`row` too): one the import of that kind reads back. */
export function csvColumnLabel(t: TFunction, kind: TaskKind, field: string): string {
  return t(`common:${COLUMN_SETS[kind].labels}.${field}`);
}

/** Why a CSV row of a `kind` file cannot be (or was not) imported, in the user's language; else `fallback`. */
export function csvRowReason(t: TFunction, issues: FieldIssue[] | undefined, fallback?: string, kind: TaskKind = "callParkExtensions"): string {
  return issuesMessage(t, issues ?? [], {
    fallback,
    fieldLabel: ({ path, code }) =>
      GENERIC.has(code) && typeof path[0] === "string" && COLUMN_SETS[kind].fields.includes(path[0])
        ? csvColumnLabel(t, kind, path[0])
        : undefined,
  });
}

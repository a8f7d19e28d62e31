import type { TFunction } from "@/lib/i18n";
import Papa from "papaparse";
import { CALL_PARK_CSV_FIELDS } from "@domain/csv/call-park-csv";
import { CSV_FIELDS, neutraliseCell } from "@domain/csv/call-park-extension-csv";
import { csvColumnLabel, csvRowReason } from "@/lib/csv-row-reason";
import type { TaskKind } from "@/lib/paths";
import type { TaskJobError } from "@/features/import-jobs/api/queries";

/** The columns of each kind's file, in the template's order. */
const FILE_FIELDS: Record<TaskKind, readonly string[]> = { callParkExtensions: CSV_FIELDS, callParks: CALL_PARK_CSV_FIELDS };

/** Why a task's row failed, in the user's language, else in the server's. */
export const errorReason = (t: TFunction, kind: TaskKind, error: TaskJobError) =>
  csvRowReason(t, error.issues, error.error?.message?.[0]?.description, kind);

/**
 * A task's row errors as CSV: the row number, the row's cells under the template's columns (headers
 * its import reads, in the user's language), and the reason; safe to open in a spreadsheet.
 */
export function errorsCsv(t: TFunction, kind: TaskKind, errors: TaskJobError[]): string {
  const fields = FILE_FIELDS[kind];
  return Papa.unparse(
    {
      fields: [csvColumnLabel(t, kind, "row"), ...fields.map((field) => csvColumnLabel(t, kind, field)), t("tasks:columns.reason")],
      data: errors.map((e) => {
        const values = e.values as Record<string, string>;
        return [String(e.itemNumber), ...fields.map((field) => values[field] ?? ""), errorReason(t, kind, e)].map(neutraliseCell);
      }),
    },
    { newline: "\r\n", quotes: true },
  );
}

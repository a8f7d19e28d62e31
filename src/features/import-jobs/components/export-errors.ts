import type { TFunction } from "i18next";
import Papa from "papaparse";
import { neutraliseCell } from "@domain/csv/call-park-extension-csv";
import type { ImportJobError } from "@domain/schemas/import-job";
import { csvRowReason } from "@/lib/csv-row-reason";

/** A task's row errors as CSV: row number, the row's values and the reason, safe to open in a spreadsheet. */
export function errorsCsv(t: TFunction, errors: ImportJobError[]): string {
  return Papa.unparse(
    {
      fields: [...["row", "location", "name", "extension", "action"].map((c) => t(`common:csvColumns.${c}`)), t("tasks:columns.reason")],
      data: errors.map((e) =>
        [String(e.itemNumber), e.values.location, e.values.name, e.values.extension, e.values.action, csvRowReason(t, e.issues, e.error?.message?.[0]?.description)].map(
          neutraliseCell,
        ),
      ),
    },
    { newline: "\r\n", quotes: true },
  );
}

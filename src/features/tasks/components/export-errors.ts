import type { TFunction } from "i18next";
import Papa from "papaparse";
import { neutraliseCell } from "../../../../domain/csv/call-park-extension-csv";
import type { ImportJobError } from "../../../../domain/schemas/import-job";
import { rowReason } from "./row-reason";

/** A task's row errors as CSV: row number, the row's values and the reason, safe to open in a spreadsheet. */
export function errorsCsv(t: TFunction, errors: ImportJobError[]): string {
  return Papa.unparse(
    {
      fields: ["row", "location", "name", "extension", "action", "reason"].map((c) => t(`tasks:columns.${c}`)),
      data: errors.map((e) =>
        [String(e.itemNumber), e.values.location, e.values.name, e.values.extension, e.values.action, rowReason(t, e)].map(
          neutraliseCell,
        ),
      ),
    },
    { newline: "\r\n", quotes: true },
  );
}

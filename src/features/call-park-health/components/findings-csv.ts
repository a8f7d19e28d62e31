import type { TFunction } from "@/lib/i18n";
import Papa from "papaparse";
import { neutraliseCell } from "@domain/csv/call-park-extension-csv";
import { EXTENSIONS_NAMED } from "@domain/rules/call-park-health";
import { explainFinding, type Finding } from "./explain";

/**
 * Findings as CSV, in the administrator's language, each cell safe to open in a spreadsheet (as
 * the project's other exports). A finding that counts call park extensions gives its count; one
 * of call park extensions in no group, also those it names ("Park 1 (5001), Park 2 (5002)").
 */
export function findingsCsv(t: TFunction, findings: Finding[]): string {
  return Papa.unparse(
    {
      fields: [
        t("columns.severity"),
        t("csv.kind"),
        t("columns.location"),
        t("csv.objectType"),
        t("columns.object"),
        t("csv.explanation"),
        t("csv.count"),
        t("csv.extensions", { count: EXTENSIONS_NAMED }),
      ],
      data: findings.map((f) =>
        [
          t(`severities.${f.severity}`),
          t(`kinds.${f.kind}`),
          f.locationName,
          t(`objectTypes.${f.objectType}`),
          f.objectName,
          explainFinding(t, f),
          "count" in f ? String(f.count) : "",
          f.kind === "EXTENSION_IN_NO_GROUP" ? f.extensions.map((e) => t("explain.extensionItem", { name: e.name, extension: e.extension })).join(", ") : "",
        ].map(neutraliseCell),
      ),
    },
    { newline: "\r\n", quotes: true },
  );
}

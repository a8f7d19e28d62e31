import type { TFunction } from "@/lib/i18n";
import type { CsvRowsColumn } from "@/components/csv-rows-table";
import { csvColumnLabel } from "@/lib/csv-row-reason";
import { TASK_KINDS, type TaskKind } from "@/lib/paths";

// Bulk manage and Tasks serve two kinds of import — call park extensions and call park
// groups — with one set of screens: what differs is said here, once.

/**
 * A string of bulk manage or Tasks whose wording depends on the kind: the groups' under
 * `callParks.`, the extensions' (the first kind) at the top.
 */
export const kindKey = (kind: TaskKind, key: string) => (kind === "callParks" ? `callParks.${key}` : key);

/** The columns a row shows on screen (the preview, a task's rows in error); a file has them all. */
const TABLE_FIELDS: Record<TaskKind, readonly string[]> = {
  callParkExtensions: ["location", "name", "extension", "action"],
  callParks: ["name", "location", "action"],
};

export function tableColumns(t: TFunction, kind: TaskKind): CsvRowsColumn[] {
  return TABLE_FIELDS[kind].map((field) => ({ field, label: csvColumnLabel(t, kind, field), mono: field === "extension" }));
}

/** A row's cells for the table, from a preview row or a row error's values. */
export function tableValues(kind: TaskKind, row: object): Record<string, string> {
  const cells = row as Record<string, unknown>;
  return Object.fromEntries(TABLE_FIELDS[kind].map((field) => [field, String(cells[field] ?? "")]));
}

/** How a kind's exported file is named: `call-park-groups.csv`, `call-park-groups-sao-paulo.csv`… */
export const FILE_PREFIX: Record<TaskKind, string> = {
  callParkExtensions: "call-park-extensions",
  callParks: "call-park-groups",
};

/** The kind a Tasks address names (`?kind=`), call park extensions' when it names none or no known one. */
export function kindOfSearch(params: URLSearchParams): TaskKind {
  const kind = params.get("kind");
  return TASK_KINDS.find((k) => k === kind) ?? "callParkExtensions";
}

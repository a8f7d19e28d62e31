import type { TFunction } from "@/lib/i18n";

type Values = Record<string, unknown> | undefined;

/** The fields whose names the audit log translates; any other shows as recorded. */
const KNOWN_FIELDS = new Set([
  "name",
  "extension",
  "recallOption",
  "recallHuntGroup",
  "parkOnAgentsEnabled",
  "agents",
  "callParkExtensions",
  "ringPattern",
  "recallTime",
  "huntWaitTime",
  "fileName",
  "mode",
  "rows",
  "kind",
  "hint",
]);

/** Fields whose recorded values are codes with a wording of their own. */
const CODED_FIELDS = new Set(["recallOption", "ringPattern", "mode", "kind"]);

export function fieldLabel(t: TFunction, field: string): string {
  return KNOWN_FIELDS.has(field) ? t(`fields.${field}`) : field;
}

/**
 * A recorded value as plain text, whatever it holds: what someone typed is shown, never
 * interpreted, so the caller renders it as a React text node.
 */
export function valueText(t: TFunction, field: string, value: unknown): string {
  if (value === undefined || value === null || value === "") return t("values.missing");
  if (typeof value === "boolean") return value ? t("values.yes") : t("values.no");
  if (Array.isArray(value)) {
    return value.length === 0 ? t("values.none") : value.map((item) => valueText(t, field, item)).join(", ");
  }
  if (typeof value === "string") {
    return CODED_FIELDS.has(field) ? t(`values.${field}.${value}`, { defaultValue: value }) : value;
  }
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
  /** Only an update has two sides to compare; a creation or a deletion marks nothing. */
  changed: boolean;
}

/** One row per field present on either side, in the order the entry recorded them. */
export function fieldChanges(before: Values, after: Values): FieldChange[] {
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const compared = before !== undefined && after !== undefined;
  return fields.map((field) => ({
    field,
    before: before?.[field],
    after: after?.[field],
    changed: compared && JSON.stringify(before[field]) !== JSON.stringify(after[field]),
  }));
}

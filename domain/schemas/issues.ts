import type { z } from "zod";

// Every validation message is a key of the `validation` namespace, so the server and
// the SPA can say it in the user's language. Schemas pass these keys as zod's
// `error`; zod's own issues are mapped onto the same vocabulary.
export const VALIDATION_CODES = [
  "required",
  "invalidType",
  "unknownField",
  "tooShort",
  "tooLong",
  "tooSmall",
  "tooBig",
  "notInteger",
  "invalidValue",
  "invalidCharacters",
  "extensionDigits",
  "extensionLength",
  "extensionTaken",
  "extensionRepeated",
  "locationRequired",
  "locationFull",
  "invalidAction",
  // Bulk import rows
  "locationNotFound",
  "callParkExtensionNotFound",
  // Bulk import rows in Webex mode: Webex's verdict on a row
  "extensionInvalid",
  "upstreamRefused",
  "upstreamUnavailable",
  "upstreamUnclear",
  "upstreamDenied",
  // Call park groups
  "nameTaken",
  "duplicateInList",
  "memberNotFound",
  "memberOtherLocation",
  "memberInOtherGroup",
  "destinationNotFound",
  "destinationOtherLocation",
  "destinationInOtherGroup",
  "huntGroupRequired",
  "huntGroupNotFound",
  "huntGroupOtherLocation",
  "parkOnAgentsWithDestinations",
  // Call park settings
  "secondsRange",
  // Audit log filters
  "invalidDate",
  "dateRange",
  // Call park simulator steps
  "invalidDial",
  // The range builder
  "rangeSameLength",
  "rangeOrder",
  "rangePattern",
  // Call park groups by CSV
  "invalidGroupAction",
  "invalidRecallOption",
  "invalidFlag",
  "listRepeated",
  "memberNamedNotFound",
  "destinationExtensionNotFound",
  "huntGroupNamedNotFound",
  "callParkExists",
  "callParkNamedNotFound",
  "callParkRepeated",
] as const;
export type ValidationCode = (typeof VALIDATION_CODES)[number];

export interface FieldIssue {
  path: (string | number)[];
  code: ValidationCode;
  params?: Record<string, string | number>;
}

/** Error map for a required string: missing and wrong type are told apart. */
export function requiredString(issue: { code: string; input?: unknown }) {
  if (issue.code !== "invalid_type") return undefined;
  return issue.input === undefined ? "required" : "invalidType";
}

const known = new Set<string>(VALIDATION_CODES);

function fromZodCode(issue: z.core.$ZodIssue, input: unknown): FieldIssue["code"] {
  switch (issue.code) {
    case "invalid_type":
      return input === undefined ? "required" : "invalidType";
    case "unrecognized_keys":
      return "unknownField";
    case "too_small":
      return issue.origin === "string" ? "tooShort" : "tooSmall";
    case "too_big":
      return issue.origin === "string" ? "tooLong" : "tooBig";
    default:
      return "invalidValue";
  }
}

function paramsOf(issue: z.core.$ZodIssue): FieldIssue["params"] {
  const params: Record<string, string | number> = {};
  if (issue.code === "too_small") params.min = Number(issue.minimum);
  if (issue.code === "too_big") params.max = Number(issue.maximum);
  if (issue.code === "unrecognized_keys") params.keys = issue.keys.join(", ");
  if (issue.code === "custom" && issue.params) Object.assign(params, issue.params);
  return Object.keys(params).length ? params : undefined;
}

function valueAt(root: unknown, path: PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** Zod issues as the API's `issues` array: a translation key and its parameters per field. */
export function toFieldIssues(error: z.ZodError, input?: unknown): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
    const code = known.has(issue.message)
      ? (issue.message as ValidationCode)
      : fromZodCode(issue, valueAt(input, issue.path));
    return { path, code, ...(paramsOf(issue) ? { params: paramsOf(issue) } : {}) };
  });
}

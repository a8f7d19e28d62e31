import type { TFunction } from "@/lib/i18n";
import type { FieldIssue } from "@domain/schemas/issues";
import { ApiError } from "./api-client";
import { formatDateTime } from "./format-date-time";
import { i18n } from "./i18n";

/** The user-language sentence for any error the SPA can meet. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    // A moment (`at`, as the server keeps it) reads in the user's language and time zone.
    const at = typeof error.params.at === "string" ? { at: formatDateTime(error.params.at, i18n.language, "short") } : {};
    return t(`errors:${error.code}`, { ...error.params, ...at, defaultValue: error.message });
  }
  return t("errors:internal");
}

/** The tracking ID the server gave an error (its body's `trackingId`, else the `TrackingID` header), for the admin to quote. */
export function trackingIdOf(error: unknown): string | undefined {
  return error instanceof ApiError ? error.trackingId || undefined : undefined;
}

/** A field issue's sentence, as the server or the form's own check phrased it. */
export function issueMessage(t: TFunction, issue: Pick<FieldIssue, "code" | "params">): string {
  return t(`validation:${issue.code}`, { ...issue.params });
}

/**
 * A row's issues as one sentence each, joined, each after its field's name where
 * `fieldLabel` gives one (for messages that do not say which field); `fallback` (the server's own wording) stands in when no
 * issue has a translation in this version of the SPA.
 */
export function issuesMessage(
  t: TFunction,
  issues: Pick<FieldIssue, "path" | "code" | "params">[],
  { fallback, fieldLabel }: { fallback?: string; fieldLabel?: (issue: Pick<FieldIssue, "path" | "code">) => string | undefined } = {},
): string {
  const known = issues.filter((issue) => i18n.exists(`validation:${issue.code}`));
  if (known.length === 0) return fallback || t("errors:validation");
  return known
    .map((issue) => {
      const label = fieldLabel?.(issue);
      return label ? `${label}: ${issueMessage(t, issue)}` : issueMessage(t, issue);
    })
    .join(" ");
}

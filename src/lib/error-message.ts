import type { TFunction } from "i18next";
import type { FieldIssue } from "../../domain/schemas/issues";
import { ApiError } from "./api-client";

/** The user-language sentence for any error the SPA can meet. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    return t(`errors:${error.code}`, { ...error.params, defaultValue: error.message });
  }
  return t("errors:internal");
}

/** A field issue's sentence, as the server or the form's own check phrased it. */
export function issueMessage(t: TFunction, issue: Pick<FieldIssue, "code" | "params">): string {
  return t(`validation:${issue.code}`, { ...issue.params });
}

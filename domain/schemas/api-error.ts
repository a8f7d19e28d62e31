import { z } from "zod";
import { VALIDATION_CODES } from "./issues";

/** One field's problem: a `validation` translation key and its parameters. */
export const fieldIssueSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  code: z.enum(VALIDATION_CODES),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

/** The Webex error body, with our per-field `issues` and a translatable `code`. */
export const apiErrorBodySchema = z.object({
  message: z.string(),
  errors: z.array(z.object({ description: z.string(), errorCode: z.number() })),
  trackingId: z.string(),
  code: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  issues: z.array(fieldIssueSchema).optional(),
});
export type ApiErrorBody = z.output<typeof apiErrorBodySchema>;

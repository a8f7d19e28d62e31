import { z } from "zod";
import { VALIDATION_CODES } from "./issues";

/** The Webex error body, with our per-field `issues` and a translatable `code`. */
export const apiErrorBodySchema = z.object({
  message: z.string(),
  errors: z.array(z.object({ description: z.string(), errorCode: z.number() })),
  trackingId: z.string(),
  code: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  issues: z
    .array(
      z.object({
        path: z.array(z.union([z.string(), z.number()])),
        code: z.enum(VALIDATION_CODES),
        params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
      }),
    )
    .optional(),
});
export type ApiErrorBody = z.output<typeof apiErrorBodySchema>;

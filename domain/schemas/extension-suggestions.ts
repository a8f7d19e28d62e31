import { z } from "zod";
import { extensionSchema } from "./extension";

// Free numbers (ours, not Webex's): the extensions free in a location's numbering plan
// nearest to one that is taken, for a form to offer instead. "Free" is what Webex's
// validateExtensions says VALID; the order is domain/rules/numbering-plan.ts's extensionsNear.

export const SUGGEST_EXTENSIONS_DEFAULT = 3;
export const SUGGEST_EXTENSIONS_MAX = 10;
/** Extensions a request may leave out: as many as a bulk import file has rows (MAX_CSV_ROWS). */
export const SUGGEST_EXCLUDE_MAX = 1000;

/**
 * POST …/actions/suggestExtensions/invoke: `near` an extension (2–10 digits), `count` 1–10
 * (3 if absent), `exclude` extensions to leave out besides the taken ones (up to 1,000; none
 * if absent): a bulk import's preview leaves out those its other rows create.
 */
export const suggestExtensionsInputSchema = z.strictObject({
  near: extensionSchema,
  count: z
    .number({ error: "invalidType" })
    .int({ error: "notInteger" })
    .min(1, { error: "tooSmall" })
    .max(SUGGEST_EXTENSIONS_MAX, { error: "tooBig" })
    .default(SUGGEST_EXTENSIONS_DEFAULT),
  exclude: z
    .array(extensionSchema, { error: "invalidType" })
    .max(SUGGEST_EXCLUDE_MAX, { error: "tooBig" })
    .default([]),
});
export type SuggestExtensionsInput = z.output<typeof suggestExtensionsInputSchema>;

/** The free extensions of `near`'s length (none of `exclude`), nearest first (the lower of a tie first); fewer than `count` when no more are free. */
export const suggestExtensionsResultSchema = z.object({
  extensions: z.array(z.string()),
});
export type SuggestExtensionsResult = z.output<typeof suggestExtensionsResultSchema>;

import { z } from "zod";
import { MAX_CALL_PARK_EXTENSIONS_PER_LOCATION } from "@domain/rules/limits";
import { requiredString } from "./issues";

// Where-used (ours, not Webex's): which call park group parks on each of a location's call
// park extensions, and where in its hunting order, so that a delete or a change of number
// can say what it takes from the group before it is made.

const callParkExtensionId = z.string({ error: requiredString }).min(1, { error: "required" }).max(500, { error: "tooLong" });

/** POST …/callParkExtensions/actions/whereUsed/invoke: up to a location's worth of ids. */
export const whereUsedInputSchema = z.strictObject({
  ids: z
    .array(callParkExtensionId, { error: (issue) => (issue.input === undefined ? "required" : "invalidType") })
    .min(1, { error: "tooSmall" })
    .max(MAX_CALL_PARK_EXTENSIONS_PER_LOCATION, { error: "tooBig" }),
});
export type WhereUsedInput = z.output<typeof whereUsedInputSchema>;

/** A group parking on the call park extension: at `position` (from 1) of its `of` park destinations. */
export const callParkUseSchema = z.object({
  id: z.string(),
  name: z.string(),
  position: z.number().int().min(1),
  of: z.number().int().min(1),
});
export type CallParkUse = z.output<typeof callParkUseSchema>;

/**
 * One item per id asked about that is a call park extension of the location, in the order
 * asked (each once); ids of no call park extension there are left out. `callParks` is empty
 * for one no group uses, and holds at most one group: a call park extension is a park
 * destination of one group at most (domain/rules/call-park.ts, and the database's key).
 */
export const whereUsedResultSchema = z.object({
  items: z.array(z.object({ id: z.string(), callParks: z.array(callParkUseSchema) })),
});
export type WhereUsedResult = z.output<typeof whereUsedResultSchema>;

import { z } from "zod";
import { MAX_RANGE_SIZE, namesEachApart, rangeCount, rangeRows } from "@domain/rules/extension-range";
import { callParkExtensionNameSchema } from "./call-park-extension";
import { extensionSchema } from "./extension";
import { requiredString } from "./issues";

// The range builder's form: a location, a first extension, then either a last one or a count,
// and a name pattern. Checked here, once, for the form; the rows it makes then go through the
// bulk import's own preview and job like any file's.

export const RANGE_ENDS = ["last", "count"] as const;

export const extensionRangeFormSchema = z
  .object({
    /** The location's id (its name goes in the import's Location column). */
    locationId: z.string({ error: requiredString }).trim().min(1, { error: "locationRequired" }),
    first: extensionSchema,
    end: z.enum(RANGE_ENDS),
    last: z.string().trim(),
    count: z.string().trim(),
    pattern: z.string({ error: requiredString }).trim().min(1, { error: "required" }),
  })
  .superRefine((form, ctx) => {
    const issue = (path: "last" | "count" | "pattern", message: string, params?: Record<string, number>) =>
      ctx.addIssue({ code: "custom", message, params, path: [path] });
    if (form.end === "last") {
      const last = extensionSchema.safeParse(form.last);
      const count = last.success && last.data.length === form.first.length ? rangeCount(form.first, last.data) : 0;
      if (!last.success) for (const refused of last.error.issues) issue("last", refused.message, "params" in refused ? refused.params : undefined);
      else if (last.data.length !== form.first.length) issue("last", "rangeSameLength");
      else if (count < 1) issue("last", "rangeOrder");
      else if (count > MAX_RANGE_SIZE) issue("last", "tooBig", { max: MAX_RANGE_SIZE });
    } else {
      const count = Number(form.count);
      if (form.count === "") issue("count", "required");
      else if (!Number.isInteger(count)) issue("count", "notInteger");
      else if (count < 1) issue("count", "tooSmall", { min: 1 });
      else if (count > MAX_RANGE_SIZE) issue("count", "tooBig", { max: MAX_RANGE_SIZE });
    }
    if (form.pattern && !namesEachApart(form.pattern)) issue("pattern", "rangePattern");
  });
export type ExtensionRangeForm = z.input<typeof extensionRangeFormSchema>;

/** How many extensions a valid form asks for. */
const rangeSize = (form: z.output<typeof extensionRangeFormSchema>) =>
  form.end === "last" ? rangeCount(form.first, form.last) : Number(form.count);

/**
 * The rows a valid form makes, each name checked as a call park extension's name is (a
 * pattern can make one too long): `issues` lists the first name refused, on the pattern.
 */
export function rangeFormRows(form: z.output<typeof extensionRangeFormSchema>) {
  const rows = rangeRows({ first: form.first, count: rangeSize(form), pattern: form.pattern });
  const refused = rows.map((row) => callParkExtensionNameSchema.safeParse(row.name)).find((result) => !result.success);
  return { rows, nameIssue: refused?.error?.issues[0]?.message };
}

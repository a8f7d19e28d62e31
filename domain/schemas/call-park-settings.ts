import { z } from "zod";
import {
  needsHuntGroup,
  RECALL_OPTIONS,
  RECALL_TIME_MAX,
  RECALL_TIME_MIN,
  type RecallOption,
  RING_PATTERNS,
} from "@domain/rules/recall";
import type { FieldIssue } from "./issues";

// A location's Call Park Settings (Webex GetCallParkSettingsObject and
// ModifyCallParkSettingsObject): the recall option of Call Park Direct, and the ring
// pattern, Recall Timer and Alert Hunt Group Wait Time that both kinds of call park use.

/** Recall Timer and Alert Hunt Group Wait Time: whole seconds from 30 to 600. */
export const recallSecondsSchema = z
  .number({
    // A form's emptied number field gives NaN: that is a missing value, not a wrong type.
    error: (issue) => (issue.input === undefined || Number.isNaN(issue.input) ? "required" : "invalidType"),
  })
  .check((ctx) => {
    const value = ctx.value;
    if (!Number.isInteger(value)) {
      ctx.issues.push({ code: "custom", message: "notInteger", input: value });
    } else if (value < RECALL_TIME_MIN || value > RECALL_TIME_MAX) {
      ctx.issues.push({
        code: "custom",
        message: "secondsRange",
        params: { min: RECALL_TIME_MIN, max: RECALL_TIME_MAX },
        input: value,
      });
    }
  });

export const recallOptionSchema = z.enum(RECALL_OPTIONS);
export const ringPatternSchema = z.enum(RING_PATTERNS);
const huntGroupIdSchema = z
  .string()
  .max(500, { error: "tooLong" })
  .refine((id) => id.length > 0, { error: "huntGroupRequired" });

/** The field a missing hunt group is reported on, by the form and by the server alike. */
export const HUNT_GROUP_PATH = ["callParkRecall", "huntGroupId"];

/** A recall option that sends the call to a hunt group needs one chosen. */
export function huntGroupIssue(recall: { option: RecallOption; huntGroupId?: string | null }): FieldIssue | undefined {
  return needsHuntGroup(recall.option) && !recall.huntGroupId
    ? { path: HUNT_GROUP_PATH, code: "huntGroupRequired" }
    : undefined;
}

/**
 * Body of PUT …/callParks/settings. Each part, and each field in it, is optional: a
 * partial body changes only what it carries. `huntGroupName` is accepted (and ignored)
 * so that a GET answer can be sent back as it is, as Webex's own example does.
 */
export const callParkSettingsUpdateSchema = z.strictObject({
  callParkRecall: z
    .strictObject({
      option: recallOptionSchema.optional(),
      huntGroupId: huntGroupIdSchema.optional(),
      huntGroupName: z.string().max(500, { error: "tooLong" }).optional(),
    })
    .optional(),
  callParkSettings: z
    .strictObject({
      ringPattern: ringPatternSchema.optional(),
      recallTime: recallSecondsSchema.optional(),
      huntWaitTime: recallSecondsSchema.optional(),
    })
    .optional(),
});
export type CallParkSettingsUpdate = z.output<typeof callParkSettingsUpdateSchema>;

/** GET …/callParks/settings (Webex GetCallParkSettingsObject). */
export const callParkSettingsSchema = z.object({
  callParkRecall: z.object({
    option: recallOptionSchema,
    huntGroupId: z.string().optional(),
    huntGroupName: z.string().optional(),
  }),
  callParkSettings: z.object({
    ringPattern: ringPatternSchema,
    recallTime: z.number(),
    huntWaitTime: z.number(),
  }),
});
export type CallParkSettings = z.output<typeof callParkSettingsSchema>;

/**
 * The Call Park Settings form: every field present, with the same field rules as the
 * PUT body. The hunt group may stay empty ("") until a hunt-group option asks for it.
 */
export const callParkSettingsFormSchema = z.strictObject({
  callParkRecall: z
    .strictObject({
      option: recallOptionSchema,
      huntGroupId: z.string().max(500, { error: "tooLong" }),
    })
    .check((ctx) => {
      const issue = huntGroupIssue(ctx.value);
      if (issue) ctx.issues.push({ code: "custom", message: issue.code, path: ["huntGroupId"], input: ctx.value });
    }),
  callParkSettings: z.strictObject({
    ringPattern: ringPatternSchema,
    recallTime: recallSecondsSchema,
    huntWaitTime: recallSecondsSchema,
  }),
});
export type CallParkSettingsForm = z.output<typeof callParkSettingsFormSchema>;

/** The form's values for settings as GET answers them. */
export function toSettingsForm(settings: CallParkSettings): CallParkSettingsForm {
  return {
    callParkRecall: { option: settings.callParkRecall.option, huntGroupId: settings.callParkRecall.huntGroupId ?? "" },
    callParkSettings: { ...settings.callParkSettings },
  };
}

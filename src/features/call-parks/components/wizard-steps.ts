import type { FieldPath } from "react-hook-form";
import type { CallParkForm } from "@/features/call-parks/api/types";

export const STEPS = ["name", "members", "destinations", "recall", "review"] as const;
export type Step = (typeof STEPS)[number];

/**
 * The form's fields each step asks for: Next checks these with the domain schema, Create
 * all of them. Leaves, not their parent object: react-hook-form keeps a nested error only
 * under the name it was asked for.
 */
export const STEP_FIELDS = {
  name: ["locationId", "name"],
  members: ["agents"],
  destinations: ["parkOnAgentsEnabled", "callParkExtensions"],
  recall: ["recall.option", "recall.huntGroupId"],
  review: [],
} as const satisfies Record<Step, readonly FieldPath<CallParkForm>[]>;

/** Every field of the form, for the server's issues to land on. */
export const FORM_FIELDS: readonly string[] = STEPS.flatMap((step) => STEP_FIELDS[step]);

/** The step that asks for the field an issue names (`["agents", 2]`: members); the review for anything else. */
export function stepOfPath(path: readonly PropertyKey[]): Step {
  return STEPS.find((step) => STEP_FIELDS[step].some((field) => field.split(".")[0] === path[0])) ?? "review";
}

/** The earliest step asking for a field one of these paths names. */
export function firstStepOf(paths: readonly (readonly PropertyKey[])[]): Step | undefined {
  return STEPS.find((step) => paths.some((path) => stepOfPath(path) === step));
}

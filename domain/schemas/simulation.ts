import { z } from "zod";
import { RING_PATTERNS } from "@domain/rules/recall";
import { callParkSettingsUpdateSchema } from "./call-park-settings";
import { callParkUpdateSchema } from "./call-park";

// The call park simulator (ours, not Webex's): a script of what people dial at a location,
// played over the location's configuration (or the configuration a form is about to save),
// answered with the timeline of what happens to each call. The rules are in
// domain/rules/call-park-simulation.ts.

/** The longest a simulation runs, in seconds (an hour: twelve Recall Timers of 300 s). */
export const SIMULATION_MAX_SECONDS = 3600;
export const SIMULATION_DEFAULT_SECONDS = 600;
export const SIMULATION_MAX_STEPS = 100;

/** Feature access codes: park against an extension, park in one's group, retrieve. */
export const PARK_DIRECT_CODE = "*68";
export const PARK_GROUP_CODE = "#58";
export const RETRIEVE_CODE = "*88";

/** What a step dials: `#58`, or `*68` / `*88` followed by an extension (a space between allowed). */
export const DIAL_PATTERN = /^(#58|\*68 ?[0-9]{2,10}|\*88 ?[0-9]{2,10})$/;

const secondSchema = z.number({ error: "invalidType" }).int({ error: "notInteger" }).min(0, { error: "tooSmall" }).max(SIMULATION_MAX_SECONDS, { error: "tooBig" });
const idSchema = z.string({ error: "invalidType" }).min(1, { error: "required" }).max(500, { error: "tooLong" });

/** At second `at`, the person, workspace or virtual line `by` dials `dial`. */
export const simulationDialStepSchema = z.strictObject({
  at: secondSchema,
  by: idSchema,
  dial: z.string({ error: "invalidType" }).regex(DIAL_PATTERN, { error: "invalidDial" }),
});

/** At second `at`, `by` answers the recalled call `answer` ringing them (or their hunt group). */
export const simulationAnswerStepSchema = z.strictObject({
  at: secondSchema,
  by: idSchema,
  answer: idSchema,
});

export const simulationStepSchema = z.union([simulationDialStepSchema, simulationAnswerStepSchema]);

/**
 * The line of `owner` appears on the phone of `shownOn` (a shared or monitored line). The
 * public call park API does not tell which lines appear on which phones, so a script says so:
 * a call recalled to `owner` is then also shown on those phones.
 */
export const simulationLineAppearanceSchema = z.strictObject({ owner: idSchema, shownOn: idSchema });
export type SimulationLineAppearance = z.output<typeof simulationLineAppearanceSchema>;
export const SIMULATION_MAX_LINE_APPEARANCES = 100;
export type SimulationStep = z.output<typeof simulationStepSchema>;

/**
 * Body of POST …/locations/{locationId}/callParks/actions/simulate/invoke. `overrides`: the
 * location's Call Park Settings and call park groups as a form would save them (the same
 * bodies as their PUTs), so that a change shows on the timeline before it is saved.
 */
export const simulationRequestSchema = z.strictObject({
  // No steps: nothing happens, and the answer still lists the participants and destinations.
  steps: z.array(simulationStepSchema).max(SIMULATION_MAX_STEPS, { error: "tooBig" }),
  until: secondSchema.min(1, { error: "tooSmall" }).default(SIMULATION_DEFAULT_SECONDS),
  lineAppearances: z.array(simulationLineAppearanceSchema).max(SIMULATION_MAX_LINE_APPEARANCES, { error: "tooBig" }).optional(),
  overrides: z
    .strictObject({
      callParkSettings: callParkSettingsUpdateSchema.optional(),
      callParks: z.array(callParkUpdateSchema.extend({ id: idSchema })).max(100).optional(),
    })
    .optional(),
});
export type SimulationRequest = z.input<typeof simulationRequestSchema>;
/** The request as the server reads it (`until` filled in). */
export type SimulationRequestBody = z.output<typeof simulationRequestSchema>;

export const SIMULATION_EVENT_KINDS = [
  "PARKED",
  "PARK_FAILED",
  "ANNOUNCED",
  "RECALLED_TO_PARKER",
  "ALERTED_HUNT_GROUP",
  "RETRIEVED",
  "RETRIEVE_FAILED",
  "ANSWERED",
  "ANSWER_FAILED",
] as const;
export type SimulationEventKind = (typeof SIMULATION_EVENT_KINDS)[number];

/** Why a park, retrieve or answer did not happen. */
export const SIMULATION_REASONS = [
  // *68 to an extension that already holds a parked call.
  "DESTINATION_BUSY",
  // #58 when every park destination of the group holds a call.
  "ALL_DESTINATIONS_BUSY",
  // #58 by someone in no call park group of the location.
  "NOT_A_MEMBER",
  // #58 in a group with no park destinations (no call park extensions, members not used).
  "NO_DESTINATIONS",
  // *68 / *88 to an extension that is neither a call park extension nor a user's of the location.
  "UNKNOWN_EXTENSION",
  // *88 to an extension holding no call.
  "NOTHING_PARKED",
  // An answer to a call not ringing the one answering.
  "NOT_RINGING",
  // A recall to a hunt group where none is chosen: the call goes back to the parker instead.
  "NO_HUNT_GROUP",
] as const;
export type SimulationReason = (typeof SIMULATION_REASONS)[number];

export const simulationEventSchema = z.object({
  /** Second of the simulation. */
  at: z.number().int(),
  kind: z.enum(SIMULATION_EVENT_KINDS),
  /** The call: `call-1`, `call-2`, … in the order of the park attempts; null for a retrieve that found no call. */
  callId: z.string().nullable(),
  /** The extension the call is parked against (or was dialled), if any. */
  extension: z.string().nullable(),
  /** Who acted: the parker, the one retrieving or answering. */
  by: z.string().nullable(),
  /** Who is alerted: the parker's id, or the hunt group's. */
  alerted: z.array(z.string()),
  /**
   * A call recalled to its parker: the other phones the parker's line appears on (the
   * script's line appearances), notified of the reverted call. Absent when none.
   */
  notified: z.array(z.string()).optional(),
  /** The ring of a reverted call (the location's). */
  ringPattern: z.enum(RING_PATTERNS).nullable(),
  reason: z.enum(SIMULATION_REASONS).nullable(),
});
export type SimulationEvent = z.output<typeof simulationEventSchema>;

/** Who takes part, by id, with what the screens show of them. */
export const simulationParticipantSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(["PEOPLE", "PLACE", "VIRTUAL_LINE", "HUNT_GROUP"]),
  extension: z.string().nullable(),
  /** The call park group they are a member of, if any. */
  callParkId: z.string().nullable(),
});
export type SimulationParticipant = z.output<typeof simulationParticipantSchema>;

/** A place a call can be parked: a call park extension, or a member's own extension. */
export const simulationDestinationSchema = z.object({
  extension: z.string(),
  kind: z.enum(["CALL_PARK_EXTENSION", "MEMBER"]),
  id: z.string(),
  name: z.string(),
});
export type SimulationDestination = z.output<typeof simulationDestinationSchema>;

export const simulationResultSchema = z.object({
  events: z.array(simulationEventSchema),
  participants: z.array(simulationParticipantSchema),
  destinations: z.array(simulationDestinationSchema),
  /** The settings the simulation ran with (the location's, or the overrides'). */
  recallTime: z.number().int(),
  huntWaitTime: z.number().int(),
  until: z.number().int(),
});
export type SimulationResult = z.output<typeof simulationResultSchema>;

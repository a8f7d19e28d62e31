import { z } from "zod";
import { EXTENSIONS_NAMED, HEALTH_KINDS, HEALTH_SEVERITIES } from "@domain/rules/call-park-health";
import { RECALL_OPTIONS } from "@domain/rules/recall";
import { orgIdSchema } from "./org-query";

// The call park health check (ours): GET /telephony/config/callParkHealth answers the
// organisation's findings (domain/rules/call-park-health.ts), each with where it is, what it
// is about and the figures its explanation needs.

export const healthKindSchema = z.enum(HEALTH_KINDS, { error: "invalidValue" });
const severity = z.enum(HEALTH_SEVERITIES);
const recallOption = z.enum(RECALL_OPTIONS);

const where = {
  severity,
  locationId: z.string(),
  locationName: z.string(),
  objectId: z.string(),
  objectName: z.string(),
};
const count = z.number().int().min(0);
/** The hunt group a recall names; its name is left out when it is of a location the viewer may not see. */
const huntGroup = { recallOption, huntGroupId: z.string().optional(), huntGroupName: z.string().optional() };
const recallObject = z.enum(["LOCATION", "CALL_PARK"]);

export const callParkHealthFindingSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("GROUP_CANNOT_PARK"), ...where, objectType: z.literal("CALL_PARK"), members: count }),
  z.object({
    kind: z.literal("FEWER_DESTINATIONS_THAN_MEMBERS"),
    ...where,
    objectType: z.literal("CALL_PARK"),
    members: count,
    destinations: count,
  }),
  z.object({
    kind: z.literal("RECALL_WITHOUT_HUNT_GROUP"),
    ...where,
    objectType: recallObject,
    ...huntGroup,
    /** MISSING: none chosen, or it no longer exists; OTHER_LOCATION: one of another location. */
    reason: z.enum(["MISSING", "OTHER_LOCATION"]),
  }),
  z.object({
    kind: z.literal("HUNT_GROUP_WITHOUT_AGENTS"),
    ...where,
    objectType: recallObject,
    ...huntGroup,
    huntGroupId: z.string(),
  }),
  z.object({
    kind: z.literal("HUNT_WAIT_UNUSED"),
    ...where,
    objectType: z.literal("LOCATION"),
    huntWaitTime: z.number().int(),
    recallOption,
  }),
  z.object({ kind: z.literal("LOCATION_NEAR_LIMIT"), ...where, objectType: z.literal("LOCATION"), count, limit: count }),
  /** One per location: how many of its call park extensions are in no group, the first few of them (in extension order) named. */
  z.object({
    kind: z.literal("EXTENSION_IN_NO_GROUP"),
    ...where,
    objectType: z.literal("LOCATION"),
    count: z.number().int().min(1),
    extensions: z.array(z.object({ id: z.string(), name: z.string(), extension: z.string() })).min(1).max(EXTENSIONS_NAMED),
  }),
]);
export type CallParkHealthFindingOutput = z.output<typeof callParkHealthFindingSchema>;

/** GET …/callParkHealth: every finding, most severe first (then by location, kind and object). */
export const callParkHealthSchema = z.object({ findings: z.array(callParkHealthFindingSchema) });
export type CallParkHealth = z.output<typeof callParkHealthSchema>;

/** Query of GET …/callParkHealth: one location's findings, or one kind's. */
export const callParkHealthQuerySchema = z.object({
  locationId: z.string().max(500).optional(),
  kind: healthKindSchema.optional(),
  orgId: orgIdSchema,
});
export type CallParkHealthQuery = z.input<typeof callParkHealthQuerySchema>;

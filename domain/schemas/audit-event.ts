import { z } from "zod";
import { pagingQuery } from "./paging";
import { sortOrder } from "./sort-order";

// The audit log: one entry per change, with who, when, from where, which object, and
// the values before and after. A bulk import is one entry, pointing at its task.

export const AUDIT_OBJECT_TYPES = ["callParkExtension", "callPark", "callParkSettings", "importJob", "accessToken"] as const;
export type AuditObjectType = (typeof AUDIT_OBJECT_TYPES)[number];

export const AUDIT_ACTIONS = ["CREATE", "UPDATE", "DELETE", "IMPORT"] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Where a change was made: in this app, or outside it (found in Webex by a synchronisation). */
export const AUDIT_ORIGINS = ["app", "upstream"] as const;
export type AuditOrigin = (typeof AUDIT_ORIGINS)[number];

/** Values as stored: a flat-ish JSON object of the object's fields. */
const values = z.record(z.string(), z.unknown());

export const auditEventSchema = z.object({
  id: z.string(),
  time: z.string(),
  actorId: z.string(),
  actorName: z.string(),
  actorEmail: z.string(),
  /** The address the change came from. */
  sourceIp: z.string(),
  userAgent: z.string().optional(),
  action: z.enum(AUDIT_ACTIONS),
  objectType: z.enum(AUDIT_OBJECT_TYPES),
  objectId: z.string(),
  objectName: z.string(),
  locationId: z.string().optional(),
  locationName: z.string().optional(),
  before: values.optional(),
  after: values.optional(),
  /** The import job (task) a bulk import entry stands for. */
  taskId: z.string().optional(),
  trackingId: z.string(),
  /** "upstream": changed outside Call Park Admin (Control Hub, another tool), found by a Webex synchronisation. */
  origin: z.enum(AUDIT_ORIGINS),
});
export type AuditEvent = z.output<typeof auditEventSchema>;

/** A day (YYYY-MM-DD, in UTC) or an exact ISO 8601 time with its offset. */
const isoDate = z.union([z.iso.date(), z.iso.datetime({ offset: true })], { error: "invalidDate" });

/** The columns the audit log sorts by: when, who, what was done, to which kind of object. */
export const AUDIT_SORT_FIELDS = ["time", "actorName", "action", "objectType"] as const;
export type AuditSortField = (typeof AUDIT_SORT_FIELDS)[number];

/**
 * `order=actorName-asc`, `order=time-asc`… Without it the log is newest first. Ties go by time,
 * the same way round (oldest first in an ascending sort), so paging never repeats or skips an
 * entry and the other direction is the log reversed. Actions and object types sort by their
 * codes (CREATE, DELETE, IMPORT, UPDATE), the same in every language.
 */
export const auditEventOrderSchema = sortOrder<AuditSortField>(
  { time: "time", actorname: "actorName", action: "action", objecttype: "objectType" },
  { maxKeys: 2 },
);

export const auditEventListQuerySchema = z
  .object({
    order: auditEventOrderSchema.optional(),
    objectType: z.enum(AUDIT_OBJECT_TYPES, { error: "invalidValue" }).optional(),
    /** One object's history (a call park extension, group, location's settings, task or token). */
    objectId: z.string().max(500, { error: "tooLong" }).optional(),
    actorId: z.string().max(500, { error: "tooLong" }).optional(),
    /** Only the changes made in this app, or only those made outside it. */
    origin: z.enum(AUDIT_ORIGINS, { error: "invalidValue" }).optional(),
    /** Inclusive bounds: a whole day in UTC, or an exact time (the SPA sends the user's own day). */
    from: isoDate.optional(),
    to: isoDate.optional(),
    ...pagingQuery,
  })
  .refine((q) => !q.from || !q.to || startOfRange(q.from) <= endOfRange(q.to), { error: "dateRange", path: ["to"] });
function isDay(value: string) {
  return value.length === 10;
}

/** The first instant a `from` bound takes in, as an ISO time in UTC. */
export function startOfRange(value: string): string {
  return isDay(value) ? `${value}T00:00:00.000Z` : new Date(value).toISOString();
}

/** The last instant a `to` bound takes in, as an ISO time in UTC. */
export function endOfRange(value: string): string {
  return isDay(value) ? `${value}T23:59:59.999Z` : new Date(value).toISOString();
}

export type AuditEventListQuery = z.output<typeof auditEventListQuerySchema>;

export const auditEventListSchema = z.object({ items: z.array(auditEventSchema) });

/** The people who appear in the audit log, for its person filter. */
export const auditActorListSchema = z.object({
  items: z.array(z.object({ id: z.string(), displayName: z.string(), email: z.string() })),
});

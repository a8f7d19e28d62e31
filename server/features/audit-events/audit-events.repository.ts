import { nextSeq } from "@server/db/dialect";
import type { Kysely, Selectable } from "kysely";
import type { LocationScope } from "@domain/rules/access";
import type { AuditAction, AuditEvent, AuditObjectType, AuditOrigin, AuditSortField } from "@domain/schemas/audit-event";
import type { OrderKey } from "@domain/schemas/sort-order";
import { orderColumns } from "@server/lib/order-columns";
import type { AuditEventTable, Database } from "@server/db/schema";
import { isOneOf } from "@server/db/search";
import { newId } from "@server/lib/ids";
import type { Actor } from "@server/features/auth/principal";

type Executor = Kysely<Database>;
type Values = Record<string, unknown>;

export interface AuditEntry {
  action: AuditAction;
  objectType: AuditObjectType;
  objectId: string;
  /** The id the object had until this change (a renamed call park group's): its history goes on under the new one. */
  formerId?: string;
  objectName: string;
  location?: { id: string; name: string };
  before?: Values;
  after?: Values;
  taskId?: string;
  /** Found by a Webex synchronisation: made outside this app. */
  origin?: AuditOrigin;
}

/**
 * Records one change, in the transaction that makes it: the entry and the change
 * are written together or not at all.
 */
export async function recordAudit(trx: Executor, actor: Actor, entry: AuditEntry) {
  const knownAs = entry.formerId ?? entry.objectId;
  const earlier = await trx
    .selectFrom("audit_events")
    .select("history_id")
    .where("object_id", "=", knownAs)
    .orderBy("seq", "desc")
    .limit(1)
    .executeTakeFirst();
  await trx
    .insertInto("audit_events")
    .values({
      id: newId("AUDIT_EVENT"),
      seq: nextSeq(trx, "audit_events"),
      occurred_at: new Date().toISOString(),
      actor_id: actor.id,
      actor_name: actor.displayName,
      actor_email: actor.email,
      source_ip: actor.sourceIp,
      user_agent: actor.userAgent ?? null,
      action: entry.action,
      object_type: entry.objectType,
      object_id: entry.objectId,
      history_id: earlier?.history_id ?? knownAs,
      object_name: entry.objectName,
      location_id: entry.location?.id ?? null,
      location_name: entry.location?.name ?? null,
      before_values: entry.before ? JSON.stringify(entry.before) : null,
      after_values: entry.after ? JSON.stringify(entry.after) : null,
      task_id: entry.taskId ?? null,
      tracking_id: actor.trackingId,
      origin: entry.origin ?? "app",
    })
    .execute();
}

export interface AuditFilter {
  objectType?: AuditObjectType;
  objectId?: string;
  actorId?: string;
  origin?: AuditOrigin;
  /** Inclusive ISO bounds on the time. */
  since?: string;
  until?: string;
}

/**
 * What an administrator may read: everything, or the entries of their locations and
 * their own changes (their tokens, their imports).
 */
function visible(db: Executor, scope: LocationScope, viewerId: string, filter: AuditFilter) {
  let query = db.selectFrom("audit_events");
  if (!scope.all) {
    const { locationIds } = scope;
    query = query.where((eb) => eb.or([isOneOf("location_id", locationIds), eb("actor_id", "=", viewerId)]));
  }
  if (filter.objectType) query = query.where("object_type", "=", filter.objectType);
  // One object's history: every entry of the object, under each id it has had.
  const { objectId } = filter;
  if (objectId) {
    query = query.where("history_id", "in", (eb) =>
      eb.selectFrom("audit_events as known").select("known.history_id").where("known.object_id", "=", objectId),
    );
  }
  if (filter.actorId) query = query.where("actor_id", "=", filter.actorId);
  if (filter.origin) query = query.where("origin", "=", filter.origin);
  if (filter.since) query = query.where("occurred_at", ">=", filter.since);
  if (filter.until) query = query.where("occurred_at", "<=", filter.until);
  return query;
}

function toEvent(row: Selectable<AuditEventTable>): AuditEvent {
  return {
    id: row.id,
    time: row.occurred_at,
    actorId: row.actor_id,
    actorName: row.actor_name,
    actorEmail: row.actor_email,
    sourceIp: row.source_ip,
    ...(row.user_agent ? { userAgent: row.user_agent } : {}),
    action: row.action,
    objectType: row.object_type,
    objectId: row.object_id,
    objectName: row.object_name,
    ...(row.location_id ? { locationId: row.location_id } : {}),
    ...(row.location_name ? { locationName: row.location_name } : {}),
    ...(row.before_values ? { before: JSON.parse(row.before_values) as Values } : {}),
    ...(row.after_values ? { after: JSON.parse(row.after_values) as Values } : {}),
    ...(row.task_id ? { taskId: row.task_id } : {}),
    trackingId: row.tracking_id,
    origin: row.origin,
  };
}

// `seq` follows time (entries are numbered as they are written) and is unique, so it is both the
// "time" sort and every sort's last key, taken the same way round as the first: then an object
// type sort reads audit_events_object (object_type, seq) in one direction, with no sort step.
// Person and action have no index of their own: they sort the entries the filters leave (tenths
// of a second over 300,000 entries), which is why neither is the default.
const SORT_COLUMNS = {
  time: ["seq"],
  actorName: ["actor_name"],
  action: ["action"],
  objectType: ["object_type"],
} as const;

/**
 * One page of the entries in `order` (newest first without one), ties by time the same way
 * round as the first key, so the other direction is this page order exactly reversed.
 */
export async function listAuditEvents(
  db: Executor,
  scope: LocationScope,
  viewerId: string,
  filter: AuditFilter,
  start: number,
  max: number,
  order: OrderKey<AuditSortField>[] = [],
) {
  let query = visible(db, scope, viewerId, filter).selectAll();
  const last: OrderKey<AuditSortField> = { field: "time", direction: order[0]?.direction ?? "desc" };
  for (const { column, direction } of orderColumns(order, SORT_COLUMNS, last)) query = query.orderBy(column, direction);
  const [rows, count] = await Promise.all([
    query.limit(max).offset(start).execute(),
    visible(db, scope, viewerId, filter).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toEvent), total: Number(count.n) };
}

/** The people who made the changes the viewer may read, for the person filter. */
export async function listAuditActors(db: Executor, scope: LocationScope, viewerId: string) {
  // Each as named in their latest entry the viewer may read.
  const latest = visible(db, scope, viewerId, {})
    .select((eb) => eb.fn.max("seq").as("seq"))
    .groupBy("actor_id");
  const rows = await db
    .selectFrom("audit_events")
    .select(["actor_id", "actor_name", "actor_email"])
    .where("seq", "in", latest)
    .orderBy("actor_name")
    .orderBy("actor_id")
    .execute();
  return rows.map((r) => ({ id: r.actor_id, displayName: r.actor_name, email: r.actor_email }));
}

/** Who last changed an object (under any id it has had), and when, as its history says. */
export async function lastChangeOf(db: Executor, objectId: string) {
  return db
    .selectFrom("audit_events")
    .select(["actor_name", "occurred_at"])
    .where("history_id", "in", (eb) => eb.selectFrom("audit_events as known").select("known.history_id").where("known.object_id", "=", objectId))
    .orderBy("seq", "desc")
    .limit(1)
    .executeTakeFirst();
}

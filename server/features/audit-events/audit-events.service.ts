import { type AuditEventListQuery, endOfRange, startOfRange } from "@domain/schemas/audit-event";
import type { Db } from "@server/db/database";
import type { Viewer } from "@server/features/auth/principal";
import * as repo from "./audit-events.repository";

// A viewer reads the entries of their locations (all for a full or read-only
// administrator) and their own changes (their tokens, their imports) wherever they are.

/** One page of the audit log in the query's order (newest first by default), its whole-day bounds taken in UTC. */
export function listAuditEvents(db: Db, viewer: Viewer, query: AuditEventListQuery) {
  const { objectType, objectId, actorId, origin, from, to, start, max, order } = query;
  const filter = {
    objectType,
    objectId,
    actorId,
    origin,
    since: from ? startOfRange(from) : undefined,
    until: to ? endOfRange(to) : undefined,
  };
  return repo.listAuditEvents(db, viewer.scope, viewer.id, filter, start, max, order);
}

/** The people named by the entries the viewer may read, for the person filter. */
export function listAuditActors(db: Db, viewer: Viewer) {
  return repo.listAuditActors(db, viewer.scope, viewer.id);
}

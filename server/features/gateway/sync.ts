import pLimit from "p-limit";
import { api } from "@domain/api/endpoints";
import { ALL_LOCATIONS } from "@domain/rules/access";
import type { CallPark } from "@domain/schemas/call-park";
import type { SyncRun } from "@domain/schemas/gateway-status";
import { type Db, duringBulkWrites } from "@server/db/database";
import { acquireLease, releaseLease, renewLease } from "@server/db/leases";
import { recordAudit } from "@server/features/audit-events/audit-events.repository";
import type { Actor } from "@server/features/auth/principal";
import * as callParkExtensions from "@server/features/call-park-extensions/call-park-extensions.service";
import * as callParkSettings from "@server/features/call-park-settings/call-park-settings.service";
import * as callParks from "@server/features/call-parks/call-parks.service";
import { type LocationSnapshot, removeLocationsExcept, replaceLocation, upsertOrganization } from "./mirror";
import { type Upstream, UpstreamError } from "./upstream";
import { sameValues } from "@server/lib/same-values";

// A full synchronisation: every location of the organisation, as Webex answers for it,
// replaces the mirror's copy. Locations are fetched a few at a time (the Upstream bounds
// the calls in flight) and each is written in its own short transaction, so screens stay
// quick while it runs. Changes made outside this app since the last synchronisation
// (Control Hub, another tool) become audit entries "changed outside Call Park Admin".

/** The lease of the synchronisation: one server instance at a time runs one. */
export const SYNC_LEASE = "gateway-sync";

export interface SyncLeaseOptions {
  /** Whom the lease names: this instance. */
  owner: string;
  /** How long the lease lasts unless renewed (renewed every third of it while the work runs). */
  ttlMs?: number;
  /** Another instance synchronising: skip (a scheduled run) rather than wait for it to end. */
  skipIfBusy?: boolean;
  /** While waiting: give up (the server stops). */
  stopped?: () => boolean;
  /** How often a waiting instance asks again. */
  retryMs?: number;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` (a synchronisation) holding the lease SYNC_LEASE, so that two instances on one
 * database never synchronise at once; gives it up after. Undefined when it did not run:
 * skipped (`skipIfBusy`) or stopped while another instance held the lease.
 */
export async function underSyncLease<T>(db: Db, work: () => Promise<T>, o: SyncLeaseOptions): Promise<T | undefined> {
  const ttlMs = o.ttlMs ?? 60_000;
  while (!(await acquireLease(db, SYNC_LEASE, o.owner, ttlMs))) {
    if (o.skipIfBusy || o.stopped?.()) return undefined;
    await wait(o.retryMs ?? 500);
  }
  const renewal = setInterval(() => void renewLease(db, SYNC_LEASE, o.owner, ttlMs).catch(() => undefined), Math.floor(ttlMs / 3));
  try {
    return await work();
  } finally {
    clearInterval(renewal);
    await releaseLease(db, SYNC_LEASE, o.owner).catch(() => undefined);
  }
}

/** Whom the audit log names for a change found in Webex. */
export function webexActor(trackingId: string): Actor {
  return { id: "webex", displayName: "Webex", email: "", sourceIp: "", trackingId, scope: ALL_LOCATIONS };
}

export interface SyncOptions {
  db: Db;
  upstream: Upstream;
  organization: { id: string; displayName: string };
  /** Record what changed outside this app (not on the first synchronisation: everything would). */
  recordDrift: boolean;
  /** A location changed through this app after this time is left for the next run (its fetch may predate the change). */
  changedSince: (locationId: string, fetchStartedAt: number) => boolean;
  trackingId: string;
  /** Locations fetched at once; each takes a handful of calls. */
  parallelLocations?: number;
  onProgress?: (run: SyncRun) => void;
}

async function fetchLocation(upstream: Upstream, location: LocationSnapshot["location"], trackingId: string): Promise<LocationSnapshot> {
  const params = { locationId: location.id };
  const [extensions, groupItems, settings, members, huntGroups] = await Promise.all([
    upstream.listAll(api.callParkExtensions.list, { query: { locationId: location.id }, trackingId }),
    upstream.listAll(api.callParks.list, { params, trackingId }),
    upstream.call(api.callParkSettings.get, { params, trackingId }),
    upstream.listAll(api.callParks.availableUsers, { params, trackingId }),
    upstream.listAll(api.callParks.availableRecallHuntGroups, { params, trackingId }),
  ]);
  const groups: CallPark[] = [];
  for (const item of groupItems) {
    try {
      groups.push(await upstream.call(api.callParks.get, { params: { ...params, callParkId: item.id }, trackingId }));
    } catch (error) {
      // Deleted (or renamed) between the list and this call: the next run sees it as it is.
      if (!(error instanceof UpstreamError && error.kind === "notFound")) throw error;
    }
  }
  const free = members.map(({ callParkId: _id, callParkName: _name, ...agent }) => agent);
  // Webex gives the location's routing prefix with each of its call park extensions.
  const routingPrefix = extensions.find((c) => c.routingPrefix)?.routingPrefix ?? null;
  const own = extensions.map((c) => ({ id: c.id, name: c.name, extension: c.extension }));
  return { location, routingPrefix, extensions: own, members: free, huntGroups, settings, groups };
}

interface MirrorState {
  extensions: Map<string, { name: string; extension: string }>;
  groups: Map<string, CallPark>;
  settings?: Awaited<ReturnType<typeof callParkSettings.getCallParkSettings>>;
}

async function mirrorState(db: Db, locationId: string): Promise<MirrorState> {
  const exists = await db.selectFrom("locations").select("id").where("id", "=", locationId).executeTakeFirst();
  if (!exists) return { extensions: new Map(), groups: new Map() };
  const extensionRows = await db
    .selectFrom("call_park_extensions")
    .select(["id", "name", "extension"])
    .where("location_id", "=", locationId)
    .execute();
  const groupRows = await db.selectFrom("call_parks").select("id").where("location_id", "=", locationId).execute();
  const groups = new Map<string, CallPark>();
  for (const { id } of groupRows) groups.set(id, await callParks.getCallPark(db, locationId, id));
  return {
    extensions: new Map(extensionRows.map((r) => [r.id, { name: r.name, extension: r.extension }])),
    groups,
    settings: await callParkSettings.getCallParkSettings(db, locationId),
  };
}

/** Members, destinations and recall: what stays when only the name (and so the id) changed. */
const shapeOf = (g: CallPark) =>
  JSON.stringify([g.recall.option, g.recall.huntGroupId, g.parkOnAgentsEnabled, g.agents.map((a) => a.id), g.callParkExtensions.map((c) => c.id)]);

/** The audit entries of what changed in Webex between the mirror and the snapshot. */
async function recordDrift(trx: Db, actor: Actor, before: MirrorState, snap: LocationSnapshot): Promise<number> {
  const location = { id: snap.location.id, name: snap.location.name };
  const origin = "upstream" as const;
  let count = 0;
  const record = async (entry: Parameters<typeof recordAudit>[2]) => {
    count += 1;
    await recordAudit(trx, actor, { ...entry, location, origin });
  };

  const extensionType = "callParkExtension" as const;
  const now = new Map(snap.extensions.map((c) => [c.id, c]));
  for (const [id, was] of before.extensions) {
    const is = now.get(id);
    const wasValues = callParkExtensions.audited(was);
    if (!is) await record({ action: "DELETE", objectType: extensionType, objectId: id, objectName: was.name, before: wasValues });
    else if (!sameValues(wasValues, callParkExtensions.audited(is))) {
      await record({ action: "UPDATE", objectType: extensionType, objectId: id, objectName: is.name, before: wasValues, after: callParkExtensions.audited(is) });
    }
  }
  for (const [id, is] of now) {
    if (!before.extensions.has(id)) {
      await record({ action: "CREATE", objectType: extensionType, objectId: id, objectName: is.name, after: callParkExtensions.audited(is) });
    }
  }

  // A group renamed in Webex has a new id: a group gone and one new with the same members,
  // destinations and recall is that one group renamed, and its history goes on.
  const groupType = "callPark" as const;
  const nowGroups = new Map(snap.groups.map((g) => [g.id, g]));
  const gone = [...before.groups.values()].filter((g) => !nowGroups.has(g.id));
  const added = snap.groups.filter((g) => !before.groups.has(g.id));
  for (const was of gone) {
    const index = added.findIndex((g) => shapeOf(g) === shapeOf(was));
    if (index >= 0) {
      const [is] = added.splice(index, 1);
      await record({ action: "UPDATE", objectType: groupType, objectId: is.id, formerId: was.id, objectName: is.name, before: callParks.audited(was), after: callParks.audited(is) });
    } else {
      await record({ action: "DELETE", objectType: groupType, objectId: was.id, objectName: was.name, before: callParks.audited(was) });
    }
  }
  for (const is of added) {
    await record({ action: "CREATE", objectType: groupType, objectId: is.id, objectName: is.name, after: callParks.audited(is) });
  }
  for (const is of snap.groups) {
    const was = before.groups.get(is.id);
    if (was && !sameValues(callParks.audited(was), callParks.audited(is))) {
      await record({ action: "UPDATE", objectType: groupType, objectId: is.id, objectName: is.name, before: callParks.audited(was), after: callParks.audited(is) });
    }
  }

  if (before.settings && !sameValues(callParkSettings.audited(before.settings), callParkSettings.audited(snap.settings))) {
    await record({
      action: "UPDATE",
      objectType: "callParkSettings",
      objectId: snap.location.id,
      objectName: snap.location.name,
      before: callParkSettings.audited(before.settings),
      after: callParkSettings.audited(snap.settings),
    });
  }
  return count;
}

/** Runs one full synchronisation; never throws: its problems are in the run it answers. */
export async function synchronize(o: SyncOptions): Promise<SyncRun> {
  const callsBefore = o.upstream.calls;
  const run: SyncRun = { startedAt: new Date().toISOString(), outcome: "running", objects: 0, upstreamCalls: 0, drift: 0, errors: [] };
  const progress = () => {
    run.upstreamCalls = o.upstream.calls - callsBefore;
    o.onProgress?.({ ...run, errors: [...run.errors] });
  };
  const problem = (error: unknown, what: string) => {
    const upstream = error instanceof UpstreamError ? error : undefined;
    const detail = upstream?.upstreamMessage ?? (error instanceof Error ? error.message : String(error));
    run.errors.push({ message: `${what}: ${detail}`, ...(upstream?.upstreamTrackingId ? { trackingId: upstream.upstreamTrackingId } : {}) });
  };
  try {
    await upsertOrganization(o.db, o.organization);
    const { trackingId } = o;
    const locations = await o.upstream.listAll(api.locations.list, { trackingId });
    progress();
    const actor = webexActor(trackingId);
    const limit = pLimit(o.parallelLocations ?? 6);
    await duringBulkWrites(o.db, () => Promise.all(
      locations.map((location) =>
        limit(async () => {
          const fetchStartedAt = Date.now();
          let snap: LocationSnapshot;
          try {
            snap = await fetchLocation(o.upstream, location, trackingId);
          } catch (error) {
            problem(error, location.name);
            return;
          }
          // Changed through this app meanwhile: this copy may be older than the mirror.
          if (o.changedSince(location.id, fetchStartedAt)) return;
          try {
            await o.db.transaction().execute(async (trx) => {
              const before = o.recordDrift ? await mirrorState(trx, location.id) : undefined;
              await replaceLocation(trx, o.organization.id, snap);
              if (before) run.drift += await recordDrift(trx, actor, before, snap);
            });
            run.objects += 2 + snap.extensions.length + snap.groups.length + snap.members.length + snap.huntGroups.length;
          } catch (error) {
            problem(error, location.name);
          }
          progress();
        }),
      ),
    ));
    // Only when every location was read: a location that failed to load is not gone.
    if (run.errors.length === 0) await removeLocationsExcept(o.db, new Set(locations.map((l) => l.id)));
    run.outcome = run.errors.length ? "failed" : "succeeded";
  } catch (error) {
    problem(error, "Webex");
    run.outcome = "failed";
  }
  run.finishedAt = new Date().toISOString();
  run.upstreamCalls = o.upstream.calls - callsBefore;
  return run;
}

import { ALL_LOCATIONS, type LocationScope } from "@domain/rules/access";
import { type CallParkRuleInput, recallHuntGroupId } from "@domain/rules/call-park";
import { searchKey } from "@domain/rules/text";
import type { CallPark, CallParkCreate, CallParkSortField, CallParkUpdate } from "@domain/schemas/call-park";
import type { OrderKey } from "@domain/schemas/sort-order";
import { api } from "@domain/api/endpoints";
import type { Db } from "@server/db/database";
import { constraintViolation } from "@server/db/constraint-error";
import { HttpError } from "@server/http/errors";
import type { IfMatch } from "@server/http/versions";
import { newId as makeId } from "@server/lib/ids";
import { recordAudit } from "@server/features/audit-events/audit-events.repository";
import { assertVersion } from "@server/features/audit-events/version-check";
import type { Actor } from "@server/features/auth/principal";
import { type Gateway, gatewayOf } from "@server/features/gateway/gateway";
import { ensureReferences } from "@server/features/gateway/mirror";
import { locationOf, requireLocation } from "@server/features/locations/locations.service";
import { assertAcceptable, parkOnAgentsConflict, type Proposal } from "./call-parks.checks";
import * as repo from "./call-parks.repository";
import { sameValues } from "@server/lib/same-values";

/** What the audit log keeps of a call park group: its settings, members and destinations by name. */
export function audited(p: CallPark) {
  return {
    name: p.name,
    recallOption: p.recall.option,
    ...(p.recall.huntGroupName ? { recallHuntGroup: p.recall.huntGroupName } : {}),
    parkOnAgentsEnabled: p.parkOnAgentsEnabled,
    agents: p.agents.map((a) => a.displayName),
    callParkExtensions: p.callParkExtensions.map((c) => `${c.name} (${c.extension})`),
  };
}

const AUDIT_TYPE = "callPark" as const;

/** Webex mode: the group as Webex now has it. */
function upstreamGroup(gateway: Gateway, locationId: string, callParkId: string) {
  return gateway.read(api.callParks.get, { params: { locationId, callParkId } }, { locationId, notFound: "callParkNotFound" });
}

/** Webex mode, after an unclear create or rename: the group of that name, if Webex has it. */
async function named(gateway: Gateway, locationId: string, name: string) {
  const found = await gateway.upstream.listAll(api.callParks.list, { params: { locationId }, query: { name } });
  const group = found.find((g) => g.name === name);
  return group ? { answer: { id: group.id } } : undefined;
}

/** The parts of a group the rules read, in one shape (to compare what was sent with what Webex has). */
function normalized(d: CallParkRuleInput) {
  const huntGroupId = recallHuntGroupId(d.recall);
  return {
    recall: { option: d.recall.option, ...(huntGroupId ? { huntGroupId } : {}) },
    agents: [...d.agents],
    parkOnAgentsEnabled: d.parkOnAgentsEnabled,
    callParkExtensions: [...d.callParkExtensions],
  };
}

/** Those parts of a group as Webex answers it. */
function ruleInputOf(g: CallPark) {
  return normalized({
    recall: g.recall,
    agents: g.agents.map((a) => a.id),
    parkOnAgentsEnabled: g.parkOnAgentsEnabled,
    callParkExtensions: g.callParkExtensions.map((c) => c.id),
  });
}

/**
 * A write by an import job (server/features/import-jobs): made in the job's transaction (the
 * `db` given is it), checked by the same rules, with no audit entry of its own (the import has
 * one) and never sent to Webex (in Webex mode the job sends each row as its starter, an Actor).
 */
export interface ImportWrite {
  scope: LocationScope;
  audit: false;
}
type Writer = Actor | ImportWrite;
const isImport = (by: Writer): by is ImportWrite => "audit" in by && by.audit === false;

function notFound(id: string) {
  return new HttpError("callParkNotFound", { id });
}

/**
 * Runs a write in one transaction. When the database refuses it (a unique key: the
 * member, the call park extension or the name was taken by a concurrent request), the
 * checks run again against what is now committed, so the loser gets the same 409 as
 * if it had come second; anything they do not explain is a plain conflict.
 */
async function write(db: Db, proposal: Proposal, work: (trx: Db) => Promise<void>, by: Writer) {
  // An import's refusal by the database goes up as it is: the job undoes that row alone.
  if (isImport(by)) return work(db);
  try {
    await db.transaction().execute(work);
  } catch (error) {
    if (!constraintViolation(error)) throw error;
    await assertAcceptable(db, proposal);
    throw new HttpError("conflict");
  }
}

export async function listCallParks(
  db: Db,
  filter: repo.CallParkFilter,
  order: OrderKey<CallParkSortField>[] | undefined,
  start: number,
  max: number,
) {
  return repo.listCallParks(db, filter, order, start, max);
}

export async function listLocationCallParks(
  db: Db,
  locationId: string,
  filter: { name?: string },
  order: OrderKey<CallParkSortField>[] | undefined,
  start: number,
  max: number,
) {
  await requireLocation(db, locationId);
  // The access check has already refused a location outside the viewer's scope.
  return repo.listCallParks(db, { ...filter, locationId, scope: ALL_LOCATIONS }, order, start, max);
}

/** The group of this location, or a 404 (for a location that does not exist, locationNotFound). */
export async function requireCallPark(db: Db, locationId: string, id: string) {
  await requireLocation(db, locationId);
  const row = await repo.findCallPark(db, locationId, id);
  if (!row) throw notFound(id);
  return row;
}

export async function getCallPark(db: Db, locationId: string, id: string): Promise<CallPark> {
  const row = await requireCallPark(db, locationId, id);
  const [agents, destinations, huntGroup] = await Promise.all([
    repo.agentsOf(db, id),
    repo.destinationsOf(db, id),
    row.recall_hunt_group_id ? repo.findHuntGroup(db, row.recall_hunt_group_id) : undefined,
  ]);
  return {
    id: row.id,
    name: row.name,
    recall: {
      option: row.recall_option,
      ...(huntGroup ? { huntGroupId: huntGroup.id, huntGroupName: huntGroup.name } : {}),
    },
    agents: agents.map(repo.toAgent),
    parkOnAgentsEnabled: row.park_on_agents_enabled === 1,
    callParkExtensions: destinations,
  };
}

export async function createCallPark(db: Db, locationId: string, input: CallParkCreate, by: Writer) {
  const location = await locationOf(db, locationId);
  const draft: CallParkRuleInput = {
    recall: input.recall,
    agents: input.agents ?? [],
    parkOnAgentsEnabled: input.parkOnAgentsEnabled ?? false,
    callParkExtensions: input.callParkExtensions ?? [],
  };
  const proposal: Proposal = {
    locationId,
    draft,
    sent: { name: input.name, recall: true, agents: true, callParkExtensions: true },
    scope: by.scope,
  };
  await assertAcceptable(db, proposal);
  let id = makeId("CALL_PARK");
  let name = input.name;
  const gateway = isImport(by) ? undefined : gatewayOf(db);
  if (gateway) {
    const actor = by as Actor;
    // Webex first; the mirror then takes the group as Webex answers it.
    ({ id } = await gateway.send(
      api.callParks.create,
      { params: { locationId }, body: input, trackingId: actor.trackingId },
      { locationId, notFound: "locationNotFound", verify: async () => named(gateway, locationId, input.name) },
    ));
    const truth = await upstreamGroup(gateway, locationId, id);
    await ensureReferences(db, locationId, truth);
    ({ name } = truth);
    Object.assign(draft, ruleInputOf(truth));
  }
  await write(db, proposal, async (trx) => {
    await repo.insertCallPark(trx, {
      id,
      location_id: locationId,
      name,
      name_key: searchKey(name),
      recall_option: draft.recall.option,
      recall_hunt_group_id: recallHuntGroupId(draft.recall) ?? null,
      park_on_agents_enabled: draft.parkOnAgentsEnabled ? 1 : 0,
    });
    await repo.replaceAgents(trx, id, draft.agents);
    await repo.replaceDestinations(trx, id, draft.callParkExtensions);
    if (isImport(by)) return;
    const after = audited(await getCallPark(trx, locationId, id));
    await recordAudit(trx, by, { action: "CREATE", objectType: AUDIT_TYPE, objectId: id, objectName: after.name, location, after });
  }, by);
  return { id };
}

/**
 * What a group's PUT proposes: the group as it stands (`current`), with what `sent` changes,
 * and which parts were sent (the rules look only at those). The simulator's what-if groups are
 * checked through the same proposal.
 */
export function updateProposal(locationId: string, id: string, current: CallParkRuleInput, sent: CallParkUpdate, by: { scope: LocationScope }): Proposal {
  return {
    locationId,
    callParkId: id,
    draft: {
      recall: sent.recall ?? current.recall,
      agents: sent.agents ?? current.agents,
      parkOnAgentsEnabled: sent.parkOnAgentsEnabled ?? current.parkOnAgentsEnabled,
      callParkExtensions: sent.callParkExtensions ?? current.callParkExtensions,
    },
    scope: by.scope,
    sent: {
      name: sent.name,
      recall: sent.recall !== undefined,
      agents: sent.agents !== undefined,
      callParkExtensions: sent.callParkExtensions !== undefined,
    },
  };
}

/** Omitted fields stay as they are; `agents` and `callParkExtensions`, when sent, replace the lists. */
export async function updateCallPark(
  db: Db,
  locationId: string,
  id: string,
  sent: CallParkUpdate,
  by: Writer,
  ifMatch?: IfMatch,
) {
  let input = sent;
  const location = await locationOf(db, locationId);
  const current = await getCallPark(db, locationId, id);
  // Sent with If-Match: only on the version the caller read (checked again in the write, for a race).
  await assertVersion(db, ifMatch, current, id);
  const proposal = updateProposal(
    locationId,
    id,
    { recall: current.recall, agents: current.agents.map((a) => a.id), parkOnAgentsEnabled: current.parkOnAgentsEnabled, callParkExtensions: current.callParkExtensions.map((c) => c.id) },
    input,
    by,
  );
  const { draft } = proposal;
  await assertAcceptable(db, proposal);
  // As Webex's, a group's id follows its name: a rename gives it a new id, and the old one is gone.
  let newName = input.name !== undefined && input.name !== current.name ? input.name : undefined;
  let newId = newName !== undefined ? makeId("CALL_PARK") : id;
  const gateway = isImport(by) ? undefined : gatewayOf(db);
  if (gateway) {
    const actor = by as Actor;
    // Webex first (a rename gives a new id there too); the mirror then takes Webex's answer whole.
    const sentName = input.name;
    ({ id: newId } = await gateway.send(
      api.callParks.update,
      { params: { locationId, callParkId: id }, body: input, trackingId: actor.trackingId },
      {
        locationId,
        notFound: "callParkNotFound",
        verify: async () => {
          if (sentName !== undefined && sentName !== current.name) return named(gateway, locationId, sentName);
          const now = await upstreamGroup(gateway, locationId, id);
          return sameValues(ruleInputOf(now), normalized(draft)) ? { answer: { id } } : undefined;
        },
      },
    ));
    const truth = await upstreamGroup(gateway, locationId, newId);
    await ensureReferences(db, locationId, truth);
    newName = truth.name !== current.name ? truth.name : undefined;
    input = ruleInputOf(truth);
  }
  const renamed = newId !== id;
  await write(db, proposal, async (trx) => {
    // Webex mode: Webex has taken the change already; the mirror follows it whatever it holds.
    if (!gateway && ifMatch !== undefined) await assertVersion(trx, ifMatch, await getCallPark(trx, locationId, id), id);
    const changes = {
      ...(renamed ? { id: newId } : {}),
      ...(newName !== undefined ? { name: newName, name_key: searchKey(newName) } : {}),
      ...(input.recall
        ? { recall_option: input.recall.option, recall_hunt_group_id: recallHuntGroupId(input.recall) ?? null }
        : {}),
      ...(input.parkOnAgentsEnabled !== undefined ? { park_on_agents_enabled: input.parkOnAgentsEnabled ? 1 : 0 } : {}),
    };
    // Members and destinations follow a new id (ON UPDATE CASCADE).
    if ((await repo.touchCallPark(trx, id, changes)) === 0) throw notFound(id);
    if (input.agents) await repo.replaceAgents(trx, newId, input.agents);
    if (input.callParkExtensions) await repo.replaceDestinations(trx, newId, input.callParkExtensions);
    // Re-read inside the transaction: an edit committed since the check may have set the other half.
    if (await repo.parksOnAgentsWithDestinations(trx, newId)) throw parkOnAgentsConflict();
    if (isImport(by)) return;
    const after = audited(await getCallPark(trx, locationId, newId));
    const before = audited(current);
    await recordAudit(trx, by, {
      action: "UPDATE",
      objectType: AUDIT_TYPE,
      objectId: newId,
      ...(renamed ? { formerId: id } : {}),
      objectName: after.name,
      location,
      before,
      after,
    });
  }, by);
  return { id: newId };
}

export async function deleteCallPark(db: Db, locationId: string, id: string, by: Writer) {
  const location = await locationOf(db, locationId);
  const current = await getCallPark(db, locationId, id);
  const gateway = isImport(by) ? undefined : gatewayOf(db);
  if (gateway) {
    const actor = by as Actor;
    await gateway.send(
      api.callParks.delete,
      { params: { locationId, callParkId: id }, trackingId: actor.trackingId },
      {
        locationId,
        notFound: "callParkNotFound",
        verify: async () => ((await upstreamGroup(gateway, locationId, id).catch(() => undefined)) ? undefined : { answer: undefined }),
      },
    );
  }
  const work = async (trx: Db) => {
    // Members and destinations go with the group (ON DELETE CASCADE); a concurrent repeat is a 404.
    if ((await repo.deleteCallPark(trx, id)) === 0) throw notFound(id);
    if (isImport(by)) return;
    const before = audited(current);
    await recordAudit(trx, by, { action: "DELETE", objectType: AUDIT_TYPE, objectId: id, objectName: current.name, location, before });
  };
  await (isImport(by) ? work(db) : db.transaction().execute(work));
}

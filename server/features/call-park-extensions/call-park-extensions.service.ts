import { MAX_CALL_PARK_EXTENSIONS_PER_LOCATION } from "@domain/rules/limits";
import { classifyExtensions, esn, type NumberOwner } from "@domain/rules/numbering-plan";
import { searchKey } from "@domain/rules/text";
import type {
  CallParkExtensionCreate,
  CallParkExtensionUpdate,
  SortKey,
  ValidateExtensionsResult,
} from "@domain/schemas/call-park-extension";
import { api } from "@domain/api/endpoints";
import type { Db } from "@server/db/database";
import { constraintViolation } from "@server/db/constraint-error";
import { HttpError } from "@server/http/errors";
import type { IfMatch } from "@server/http/versions";
import { newId } from "@server/lib/ids";
import { type AuditEntry, recordAudit } from "@server/features/audit-events/audit-events.repository";
import { assertVersion } from "@server/features/audit-events/version-check";
import type { Actor } from "@server/features/auth/principal";
import { type Gateway, gatewayOf } from "@server/features/gateway/gateway";
import { UpstreamError } from "@server/features/gateway/upstream";
import { locationOf, requireLocation } from "@server/features/locations/locations.service";
import * as repo from "./call-park-extensions.repository";
import { sameValues } from "@server/lib/same-values";

const OWNER = "CALL_PARK_EXTENSION" as const;
const AUDIT_TYPE = "callParkExtension" as const;

/**
 * A location as the checks before a write see it: its id and name (as the audit log
 * names it), its count of call park extensions and the owners of the extensions in play.
 */
export interface LocationState {
  id: string;
  name: string;
  count: number;
  owners: Map<string, NumberOwner>;
}

/**
 * A write that is one row of an import, not a request: it runs in the import's
 * transaction (the `db` passed), its checks read the location as the import read it in
 * that transaction (each write keeps it in step), and it records no audit entry of its
 * own (the job's one entry covers every row). The checks refuse, with field issues,
 * before anything is written; a refusal by the database goes up as it is, for the
 * import's savepoints to undo.
 */
export interface ImportWrite {
  location: LocationState;
  audit: false;
  /** Webex mode: the id Webex gave the call park extension a row created (the mirror keeps Webex's ids). */
  upstreamId?: string;
}

/** Who writes: a request's actor (its own transaction and audit entry), or an import. */
export type Writer = Actor | ImportWrite;

function isImport(by: Writer): by is ImportWrite {
  return "audit" in by && by.audit === false;
}

function extensionTaken(extension: string, owner: NumberOwner | undefined) {
  const params = { extension, ownerName: owner?.name ?? "", context: owner?.type ?? "UNKNOWN" };
  return new HttpError("extensionTaken", params, [{ path: ["extension"], code: "extensionTaken", params }]);
}

function locationFull() {
  const params = { max: MAX_CALL_PARK_EXTENSIONS_PER_LOCATION };
  return new HttpError("callParkExtensionLimit", params, [{ path: ["locationId"], code: "locationFull", params }]);
}

/** The refusals a write's checks give, for an import that meets the database's own refusal of a row. */
export const refusals = { extensionTaken, locationFull };

/** The location as a write's checks see it: the import's, or read now for a request. */
async function stateFor(db: Db, locationId: string, by: Writer, extensions: string[]): Promise<LocationState> {
  if (isImport(by)) return by.location;
  const location = await locationOf(db, locationId);
  const count = await repo.countInLocation(db, locationId);
  return { ...location, count, owners: await repo.findNumberOwners(db, locationId, extensions) };
}

/** The call park extension as it stands: from the import's state, or read now for a request. */
async function currentOf(db: Db, locationId: string, id: string, by: Writer) {
  if (!isImport(by)) return getCallParkExtension(db, locationId, id);
  for (const [extension, owner] of by.location.owners) {
    if (owner.type === OWNER && owner.id === id) return { name: owner.name, extension };
  }
  throw new HttpError("callParkExtensionNotFound", { id });
}

function assertRoom(state: LocationState) {
  if (state.count >= MAX_CALL_PARK_EXTENSIONS_PER_LOCATION) throw locationFull();
}

function assertFree(state: LocationState, extension: string) {
  const owner = state.owners.get(extension);
  if (owner) throw extensionTaken(extension, owner);
}

/**
 * Runs a request's write in one transaction and turns the database's own refusals into
 * the same errors the checks before it give, for the request that loses a race. An
 * import's write runs in the import's transaction, its refusals left to the import.
 */
async function write<T>(db: Db, by: Writer, locationId: string, extension: string | undefined, work: (trx: Db) => Promise<T>) {
  if (isImport(by)) {
    if (!db.isTransaction) throw new Error("an import's write runs in the import's transaction");
    return work(db);
  }
  try {
    return await db.transaction().execute(work);
  } catch (error) {
    const violation = constraintViolation(error);
    if (violation?.kind === "check" && violation.detail.includes("call_park_extension")) throw locationFull();
    if (violation?.kind === "unique" && extension !== undefined) {
      const owners = await repo.findNumberOwners(db, locationId, [extension]);
      throw extensionTaken(extension, owners.get(extension));
    }
    throw error;
  }
}

/** A request's change goes in the audit log with the write; an import's rows go under its job's one entry. */
async function audit(trx: Db, by: Writer, entry: AuditEntry) {
  if (!isImport(by)) await recordAudit(trx, by, entry);
}

export function listCallParkExtensions(
  db: Db,
  filter: repo.ListFilter,
  order: SortKey[] | undefined,
  start: number,
  max: number,
) {
  return repo.listCallParkExtensions(db, filter, order, start, max);
}

export async function getCallParkExtension(db: Db, locationId: string, id: string) {
  await requireLocation(db, locationId);
  const row = await repo.findCallParkExtension(db, locationId, id);
  if (!row) throw new HttpError("callParkExtensionNotFound", { id });
  return {
    id: row.id,
    name: row.name,
    extension: row.extension,
    ...(row.routing_prefix ? { routingPrefix: row.routing_prefix, esn: esn(row.routing_prefix, row.extension) } : {}),
  };
}

/** What the audit log keeps of a call park extension. */
export function audited({ name, extension }: { name: string; extension: string }) {
  return { name, extension };
}

/** Webex mode: the organisation's Webex, for a request's write (an import row goes through its job). */
function upstreamFor(db: Db, by: Writer) {
  return isImport(by) ? undefined : gatewayOf(db);
}

/** Webex's call park extension as it now stands, for the mirror. */
async function upstreamExtension(gateway: Gateway, locationId: string, id: string) {
  const found = await gateway.read(
    api.callParkExtensions.get,
    { params: { locationId, callParkExtensionId: id } },
    { locationId, notFound: "callParkExtensionNotFound" },
  );
  return { name: found.name, extension: found.extension };
}

export async function createCallParkExtension(db: Db, locationId: string, input: CallParkExtensionCreate, by: Writer) {
  const state = await stateFor(db, locationId, by, [input.extension]);
  // Checked first for a clear answer; the transaction's constraints decide a race.
  assertRoom(state);
  assertFree(state, input.extension);
  const gateway = upstreamFor(db, by);
  let id = isImport(by) && by.upstreamId ? by.upstreamId : newId(OWNER);
  if (gateway) {
    // Webex first; the mirror then takes what Webex made of it.
    const params = { locationId };
    ({ id } = await gateway.send(
      api.callParkExtensions.create,
      { params, body: input, trackingId: (by as Actor).trackingId },
      {
        locationId,
        notFound: "locationNotFound",
        verify: async () => {
          const found = await gateway.upstream.listAll(api.callParkExtensions.list, { query: { locationId, extension: input.extension } });
          const made = found.find((c) => c.extension === input.extension && c.name === input.name);
          return made ? { answer: { id: made.id } } : undefined;
        },
      },
    ));
    input = await upstreamExtension(gateway, locationId, id);
  }
  await write(db, by, locationId, input.extension, async (trx) => {
    await repo.adjustCount(trx, locationId, +1);
    await repo.claimNumber(trx, locationId, input.extension, OWNER, id);
    await repo.insertCallParkExtension(trx, {
      id,
      location_id: locationId,
      name: input.name,
      name_key: searchKey(input.name),
      extension: input.extension,
    });
    const location = { id: state.id, name: state.name };
    await audit(trx, by, { action: "CREATE", objectType: AUDIT_TYPE, objectId: id, objectName: input.name, location, after: audited(input) });
  });
  state.count += 1;
  state.owners.set(input.extension, { type: OWNER, id, name: input.name });
  return { id };
}

export async function updateCallParkExtension(
  db: Db,
  locationId: string,
  id: string,
  input: CallParkExtensionUpdate,
  by: Writer,
  ifMatch?: IfMatch,
) {
  const current = await currentOf(db, locationId, id, by);
  // Sent with If-Match: only on the version the caller read (checked again in the write, for a race).
  await assertVersion(db, ifMatch, current, id);
  let newExtension = input.extension !== undefined && input.extension !== current.extension ? input.extension : undefined;
  const state = await stateFor(db, locationId, by, newExtension ? [newExtension] : []);
  if (newExtension) assertFree(state, newExtension);
  let after = audited({ name: input.name ?? current.name, extension: newExtension ?? current.extension });
  const gateway = upstreamFor(db, by);
  if (gateway) {
    const params = { locationId, callParkExtensionId: id };
    const wanted = after;
    await gateway.send(
      api.callParkExtensions.update,
      { params, body: input, trackingId: (by as Actor).trackingId },
      {
        locationId,
        notFound: "callParkExtensionNotFound",
        verify: async () => (sameValues(await upstreamExtension(gateway, locationId, id), wanted) ? { answer: undefined } : undefined),
      },
    );
    after = await upstreamExtension(gateway, locationId, id);
    if (after.extension !== current.extension) newExtension = after.extension;
  }
  await write(db, by, locationId, newExtension, async (trx) => {
    // Webex mode: Webex has taken the change already; the mirror follows it whatever it holds.
    if (!gateway && ifMatch !== undefined) await assertVersion(trx, ifMatch, await getCallParkExtension(trx, locationId, id), id);
    if (newExtension) {
      await repo.releaseNumber(trx, OWNER, id);
      await repo.claimNumber(trx, locationId, newExtension, OWNER, id);
    }
    const changes = {
      ...(after.name !== current.name ? { name: after.name, name_key: searchKey(after.name) } : {}),
      ...(newExtension ? { extension: newExtension } : {}),
    };
    // A concurrent delete may have won since the check above: claim nothing for a row that is gone.
    if (Object.keys(changes).length && (await repo.updateCallParkExtension(trx, id, changes)) === 0) {
      throw new HttpError("callParkExtensionNotFound", { id });
    }
    await audit(trx, by, {
      action: "UPDATE",
      objectType: AUDIT_TYPE,
      objectId: id,
      objectName: after.name,
      location: { id: state.id, name: state.name },
      before: audited(current),
      after,
    });
  });
  state.owners.delete(current.extension);
  state.owners.set(after.extension, { type: OWNER, id, name: after.name });
}

export async function deleteCallParkExtension(db: Db, locationId: string, id: string, by: Writer) {
  const current = await currentOf(db, locationId, id, by);
  const state = await stateFor(db, locationId, by, []);
  const gateway = upstreamFor(db, by);
  if (gateway) {
    const params = { locationId, callParkExtensionId: id };
    await gateway.send(
      api.callParkExtensions.delete,
      { params, trackingId: (by as Actor).trackingId },
      {
        locationId,
        notFound: "callParkExtensionNotFound",
        verify: async () => {
          try {
            await gateway.upstream.call(api.callParkExtensions.get, { params });
            return undefined;
          } catch (error) {
            if (error instanceof UpstreamError && error.kind === "notFound") return { answer: undefined };
            throw error;
          }
        },
      },
    );
  }
  await write(db, by, locationId, undefined, async (trx) => {
    await repo.releaseNumber(trx, OWNER, id);
    // Only the delete that removed the row moves the count; a concurrent repeat is a 404.
    if ((await repo.deleteCallParkExtension(trx, id)) === 0) throw new HttpError("callParkExtensionNotFound", { id });
    await repo.adjustCount(trx, locationId, -1);
    const before = audited(current);
    const location = { id: state.id, name: state.name };
    await audit(trx, by, { action: "DELETE", objectType: AUDIT_TYPE, objectId: id, objectName: current.name, location, before });
  });
  state.count -= 1;
  state.owners.delete(current.extension);
}

/** Webex's validateExtensions: each candidate's state in the location's numbering plan. */
export async function validateExtensions(
  db: Db,
  locationId: string,
  extensions: string[],
): Promise<ValidateExtensionsResult> {
  await requireLocation(db, locationId);
  // Webex knows the whole numbering plan (the mirror holds only what call park needs).
  const gateway = gatewayOf(db);
  if (gateway) {
    return gateway.read(api.callParkExtensions.validateExtensions, { params: { locationId }, body: { extensions } }, { locationId, notFound: "locationNotFound" }) as Promise<ValidateExtensionsResult>;
  }
  const candidates = extensions.map((e) => e.trim());
  const owners = await repo.findNumberOwners(db, locationId, candidates);
  const checks = classifyExtensions(candidates, owners);
  return {
    status: checks.every((c) => c.state === "VALID") ? "OK" : "ERRORS",
    extensionStatus: checks.map((c) => ({
      extension: c.extension,
      state: c.state,
      ...(c.owner ? { owner: c.owner } : {}),
    })),
  };
}

import { MAX_CALL_PARK_EXTENSIONS_PER_LOCATION } from "@domain/rules/limits";
import { classifyExtensions, esn, type NumberOwner } from "@domain/rules/numbering-plan";
import { searchKey } from "@domain/rules/text";
import type {
  CallParkExtensionCreate,
  CallParkExtensionUpdate,
  SortKey,
  ValidateExtensionsResult,
} from "@domain/schemas/call-park-extension";
import type { Db } from "@server/db/database";
import { constraintViolation } from "@server/db/constraint-error";
import { HttpError } from "@server/http/errors";
import { newId } from "@server/lib/ids";
import { recordAudit } from "@server/features/audit-events/audit-events.repository";
import type { Actor } from "@server/features/auth/principal";
import { locationOf, requireLocation } from "@server/features/locations/locations.service";
import * as repo from "./call-park-extensions.repository";

const OWNER = "CALL_PARK_EXTENSION" as const;
const AUDIT_TYPE = "callParkExtension" as const;

function extensionTaken(extension: string, owner: NumberOwner | undefined) {
  const params = { extension, ownerName: owner?.name ?? "", context: owner?.type ?? "UNKNOWN" };
  return new HttpError("extensionTaken", params, [{ path: ["extension"], code: "extensionTaken", params }]);
}

function locationFull() {
  const params = { max: MAX_CALL_PARK_EXTENSIONS_PER_LOCATION };
  return new HttpError("callParkExtensionLimit", params, [{ path: ["locationId"], code: "locationFull", params }]);
}

/**
 * Runs a write in one transaction and turns the database's own refusals into the
 * same errors the checks before it give, for the request that loses a race.
 */
async function write<T>(db: Db, locationId: string, extension: string | undefined, work: (trx: Db) => Promise<T>) {
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

async function assertFree(db: Db, locationId: string, extension: string) {
  const owners = await repo.findNumberOwners(db, locationId, [extension]);
  if (owners.has(extension)) throw extensionTaken(extension, owners.get(extension));
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
function audited({ name, extension }: { name: string; extension: string }) {
  return { name, extension };
}

export async function createCallParkExtension(db: Db, locationId: string, input: CallParkExtensionCreate, actor: Actor) {
  const location = await locationOf(db, locationId);
  // Checked first for a clear answer; the transaction's constraints decide a race.
  if ((await repo.countInLocation(db, locationId)) >= MAX_CALL_PARK_EXTENSIONS_PER_LOCATION) throw locationFull();
  await assertFree(db, locationId, input.extension);
  const id = newId(OWNER);
  await write(db, locationId, input.extension, async (trx) => {
    await repo.adjustCount(trx, locationId, +1);
    await repo.claimNumber(trx, locationId, input.extension, OWNER, id);
    await repo.insertCallParkExtension(trx, {
      id,
      location_id: locationId,
      name: input.name,
      name_key: searchKey(input.name),
      extension: input.extension,
    });
    const after = audited(input);
    await recordAudit(trx, actor, { action: "CREATE", objectType: AUDIT_TYPE, objectId: id, objectName: input.name, location, after });
  });
  return { id };
}

export async function updateCallParkExtension(
  db: Db,
  locationId: string,
  id: string,
  input: CallParkExtensionUpdate,
  actor: Actor,
) {
  const location = await locationOf(db, locationId);
  const current = await getCallParkExtension(db, locationId, id);
  const newExtension = input.extension !== undefined && input.extension !== current.extension ? input.extension : undefined;
  if (newExtension) await assertFree(db, locationId, newExtension);
  await write(db, locationId, newExtension, async (trx) => {
    if (newExtension) {
      await repo.releaseNumber(trx, OWNER, id);
      await repo.claimNumber(trx, locationId, newExtension, OWNER, id);
    }
    const changes = {
      ...(input.name !== undefined ? { name: input.name, name_key: searchKey(input.name) } : {}),
      ...(newExtension ? { extension: newExtension } : {}),
    };
    // A concurrent delete may have won since the check above: claim nothing for a row that is gone.
    if (Object.keys(changes).length && (await repo.updateCallParkExtension(trx, id, changes)) === 0) {
      throw new HttpError("callParkExtensionNotFound", { id });
    }
    const after = audited({ name: input.name ?? current.name, extension: newExtension ?? current.extension });
    await recordAudit(trx, actor, {
      action: "UPDATE",
      objectType: AUDIT_TYPE,
      objectId: id,
      objectName: after.name,
      location,
      before: audited(current),
      after,
    });
  });
}

export async function deleteCallParkExtension(db: Db, locationId: string, id: string, actor: Actor) {
  const location = await locationOf(db, locationId);
  const current = await getCallParkExtension(db, locationId, id);
  await write(db, locationId, undefined, async (trx) => {
    await repo.releaseNumber(trx, OWNER, id);
    // Only the delete that removed the row moves the count; a concurrent repeat is a 404.
    if ((await repo.deleteCallParkExtension(trx, id)) === 0) throw new HttpError("callParkExtensionNotFound", { id });
    await repo.adjustCount(trx, locationId, -1);
    const before = audited(current);
    await recordAudit(trx, actor, { action: "DELETE", objectType: AUDIT_TYPE, objectId: id, objectName: current.name, location, before });
  });
}

/** Webex's validateExtensions: each candidate's state in the location's numbering plan. */
export async function validateExtensions(
  db: Db,
  locationId: string,
  extensions: string[],
): Promise<ValidateExtensionsResult> {
  await requireLocation(db, locationId);
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

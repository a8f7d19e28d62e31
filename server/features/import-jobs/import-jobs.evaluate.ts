import { sql } from "kysely";
import { type CallParkExtensionCsvRow, checkCsvRow } from "@domain/csv/call-park-extension-csv";
import { MAX_CALL_PARK_EXTENSIONS_PER_LOCATION } from "@domain/rules/limits";
import type { NumberOwner } from "@domain/rules/numbering-plan";
import { searchKey } from "@domain/rules/text";
import type { ImportRowOutcome } from "@domain/schemas/import-job";
import type { FieldIssue } from "@domain/schemas/issues";
import { constraintViolation } from "@server/db/constraint-error";
import type { Db } from "@server/db/database";
import { newId } from "@server/lib/ids";
import * as extensions from "@server/features/call-park-extensions/call-park-extensions.repository";
import * as repo from "./import-jobs.repository";

// The one code path that decides and applies rows, used by the preview (in a
// transaction it then rolls back) and by the runner (in the transactions that also
// mark the rows done). Rows are taken in file order, each against the data as the
// rows before it left it, read inside the applying transaction; every write goes
// through the call park extension repository, so the database's own guards (the
// numbering plan's key, the cap's CHECK) still decide, and a row they refuse
// becomes an ERROR instead of failing its batch.

const OWNER = "CALL_PARK_EXTENSION" as const;

export interface RowResult extends repo.RowRecord {
  row?: CallParkExtensionCsvRow;
  /** The stored name an UPDATE replaces or a DELETE removes. */
  previousName?: string;
}

/**
 * What the whole file says, whichever rows are being evaluated: the rows that repeat
 * the row before them for the same location and extension (ADD after ADD, DELETE after
 * DELETE), each with the row it repeats. ADD, DELETE, ADD of one extension is no repeat.
 */
export interface FileContext {
  repeats: Map<number, number>;
  /**
   * The locations the rows may touch (a location administrator's); undefined for all.
   * A row naming any other location is refused as naming no location at all.
   */
  locationIds?: readonly string[];
}

function entryOf(values: repo.RowValues): { key: string; action: string } | undefined {
  const location = searchKey(values.location);
  const extension = values.extension.trim();
  if (!location || !extension) return undefined;
  return { key: `${location}\u0000${extension}`, action: values.action.trim().toUpperCase() || "ADD" };
}

export function fileContext(rows: repo.StoredRow[], locationIds?: readonly string[]): FileContext {
  const last = new Map<string, { action: string; itemNumber: number }>();
  const repeats = new Map<number, number>();
  for (const { itemNumber, values } of [...rows].sort((a, b) => a.itemNumber - b.itemNumber)) {
    const entry = entryOf(values);
    if (!entry) continue;
    const before = last.get(entry.key);
    if (before?.action === entry.action) repeats.set(itemNumber, before.itemNumber);
    else last.set(entry.key, { action: entry.action, itemNumber });
  }
  return { repeats, ...(locationIds ? { locationIds } : {}) };
}

interface LocationState {
  id: string;
  name: string;
  count: number;
  owners: Map<string, NumberOwner>;
}

type Plan =
  | { outcome: "CREATE" }
  | { outcome: "UPDATE" | "DELETE"; target: NumberOwner }
  | { outcome: "UNCHANGED"; target: NumberOwner }
  | { outcome: "ERROR"; issues: FieldIssue[] };

/** The decision for one valid row against its location as it stands. */
function decide(row: CallParkExtensionCsvRow, location: LocationState): Plan {
  const owner = location.owners.get(row.extension);
  const ownsIt = owner?.type === OWNER;
  if (row.action === "DELETE") {
    if (ownsIt) return { outcome: "DELETE", target: owner };
    const params = { extension: row.extension };
    return { outcome: "ERROR", issues: [{ path: ["extension"], code: "callParkExtensionNotFound", params }] };
  }
  if (ownsIt) return owner.name === row.name ? { outcome: "UNCHANGED", target: owner } : { outcome: "UPDATE", target: owner };
  if (owner) return { outcome: "ERROR", issues: [extensionTaken(row.extension, owner)] };
  if (location.count >= MAX_CALL_PARK_EXTENSIONS_PER_LOCATION) return { outcome: "ERROR", issues: [locationFull()] };
  return { outcome: "CREATE" };
}

function extensionTaken(extension: string, owner: NumberOwner | undefined): FieldIssue {
  const params = { extension, ownerName: owner?.name ?? "", context: owner?.type ?? "UNKNOWN" };
  return { path: ["extension"], code: "extensionTaken", params };
}

function locationFull(): FieldIssue {
  return { path: ["location"], code: "locationFull", params: { max: MAX_CALL_PARK_EXTENSIONS_PER_LOCATION } };
}

/** Writes one row's change and keeps the location's state in step. */
async function write(trx: Db, row: CallParkExtensionCsvRow, location: LocationState, plan: Plan) {
  if (plan.outcome === "CREATE") {
    const id = newId(OWNER);
    await extensions.adjustCount(trx, location.id, +1);
    await extensions.claimNumber(trx, location.id, row.extension, OWNER, id);
    await extensions.insertCallParkExtension(trx, {
      id,
      location_id: location.id,
      name: row.name,
      name_key: searchKey(row.name),
      extension: row.extension,
    });
    location.owners.set(row.extension, { type: OWNER, id, name: row.name });
    location.count += 1;
  } else if (plan.outcome === "UPDATE") {
    await extensions.updateCallParkExtension(trx, plan.target.id, { name: row.name, name_key: searchKey(row.name) });
    location.owners.set(row.extension, { ...plan.target, name: row.name });
  } else if (plan.outcome === "DELETE") {
    await extensions.releaseNumber(trx, OWNER, plan.target.id);
    await extensions.deleteCallParkExtension(trx, plan.target.id);
    await extensions.adjustCount(trx, location.id, -1);
    location.owners.delete(row.extension);
    location.count -= 1;
  }
}

/**
 * Writes one row's change. Guarded, in a savepoint, so that a refusal by the database
 * undoes only this row and becomes its issue; unguarded, a refusal goes up to processRows.
 */
async function apply(trx: Db, row: CallParkExtensionCsvRow, location: LocationState, plan: Plan, guarded: boolean) {
  if (!guarded) {
    await write(trx, row, location, plan);
    return [];
  }
  await sql`savepoint import_row`.execute(trx);
  try {
    await write(trx, row, location, plan);
    await sql`release savepoint import_row`.execute(trx);
    return [];
  } catch (error) {
    await sql`rollback to savepoint import_row`.execute(trx);
    await sql`release savepoint import_row`.execute(trx);
    const violation = constraintViolation(error);
    if (!violation) throw error;
    // Someone else changed the location under us: read it again for this row and the next.
    const owners = await extensions.findNumberOwners(trx, location.id, [row.extension]);
    const owner = owners.get(row.extension);
    if (owner) location.owners.set(row.extension, owner);
    else location.owners.delete(row.extension);
    location.count = await extensions.countInLocation(trx, location.id);
    if (violation.kind === "check") return [locationFull()];
    if (violation.kind === "unique") return [extensionTaken(row.extension, owner)];
    return [{ path: ["location"], code: "locationNotFound", params: { location: location.name } } satisfies FieldIssue];
  }
}

/** The locations the rows name, with their counts and the owners of the extensions the rows touch. */
async function loadLocations(trx: Db, rows: CallParkExtensionCsvRow[], scope: readonly string[] | undefined) {
  const keys = [...new Set(rows.map((r) => searchKey(r.location)))];
  const found = await repo.locationsByKey(trx, keys, scope);
  const states = new Map<string, LocationState>();
  const resolve = (name: string) => {
    const key = searchKey(name);
    const candidates = found.filter((l) => l.name_key === key);
    // Exact spelling first; otherwise the match must be unambiguous.
    const match = candidates.find((l) => l.name === name) ?? (candidates.length === 1 ? candidates[0] : undefined);
    if (!match) return undefined;
    let state = states.get(match.id);
    if (!state) {
      state = { id: match.id, name: match.name, count: match.call_park_extension_count, owners: new Map() };
      states.set(match.id, state);
    }
    return state;
  };
  const byRow = rows.map((r) => resolve(r.location));
  for (const state of states.values()) {
    const wanted = rows.filter((_, i) => byRow[i] === state).map((r) => r.extension);
    state.owners = await extensions.findNumberOwners(trx, state.id, wanted);
  }
  return byRow;
}

async function evaluate(trx: Db, rows: repo.StoredRow[], file: FileContext, guarded: boolean): Promise<RowResult[]> {
  const checked = rows.map((stored) => ({ ...stored, ...checkCsvRow(stored.values) }));
  const valid = checked.filter((c) => c.row).map((c) => c.row!);
  const locations = await loadLocations(trx, valid, file.locationIds);
  const results: RowResult[] = [];
  let v = 0;
  for (const { itemNumber, values, row, issues: cellIssues } of checked) {
    const location = row ? locations[v++] : undefined;
    const issues = [...cellIssues];
    const repeated = file.repeats.get(itemNumber);
    if (repeated !== undefined) {
      issues.push({ path: ["extension"], code: "extensionRepeated", params: { extension: values.extension.trim(), row: repeated } });
    }
    if (row && !location) issues.push({ path: ["location"], code: "locationNotFound", params: { location: row.location } });
    if (!row || !location || issues.length) {
      results.push({ itemNumber, values, row, outcome: "ERROR", issues });
      continue;
    }
    const plan = decide(row, location);
    const refused =
      plan.outcome === "ERROR" ? plan.issues : plan.outcome === "UNCHANGED" ? [] : await apply(trx, row, location, plan, guarded);
    const outcome: ImportRowOutcome = refused.length ? "ERROR" : plan.outcome;
    const previousName =
      !refused.length && (plan.outcome === "UPDATE" || plan.outcome === "DELETE") ? plan.target.name : undefined;
    results.push({ itemNumber, values, row, outcome, issues: refused, ...(previousName !== undefined ? { previousName } : {}) });
  }
  return results;
}

/**
 * Decides and applies these rows, in order, inside the caller's transaction. The rows
 * were judged on data read in this same transaction, so the database refuses one only
 * when another writer got in between; then the batch is undone and run again with each
 * row in its own savepoint, the refused row becoming an ERROR. (A savepoint per row
 * always would cost a third of the import's time for a case that is rare.)
 */
export async function processRows(trx: Db, rows: repo.StoredRow[], file: FileContext): Promise<RowResult[]> {
  await sql`savepoint import_batch`.execute(trx);
  try {
    const results = await evaluate(trx, rows, file, false);
    await sql`release savepoint import_batch`.execute(trx);
    return results;
  } catch (error) {
    await sql`rollback to savepoint import_batch`.execute(trx);
    await sql`release savepoint import_batch`.execute(trx);
    if (!constraintViolation(error)) throw error;
    return evaluate(trx, rows, file, true);
  }
}

/** The counts a set of evaluated rows adds to its job. */
export function tally(results: RowResult[]): Required<repo.CountDeltas> {
  const n = (outcome: RowResult["outcome"]) => results.filter((r) => r.outcome === outcome).length;
  return {
    processed: results.length,
    created: n("CREATE"),
    updated: n("UPDATE"),
    deleted: n("DELETE"),
    unchanged: n("UNCHANGED"),
    failed: n("ERROR"),
  };
}

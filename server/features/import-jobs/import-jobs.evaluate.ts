import { sql } from "kysely";
import { type CallParkExtensionCsvRow, checkCsvRow } from "@domain/csv/call-park-extension-csv";
import type { LocationScope } from "@domain/rules/access";
import { MAX_CALL_PARK_EXTENSIONS_PER_LOCATION } from "@domain/rules/limits";
import type { NumberOwner } from "@domain/rules/numbering-plan";
import { searchKey } from "@domain/rules/text";
import type { ImportRowOutcome } from "@domain/schemas/import-job";
import type { FieldIssue } from "@domain/schemas/issues";
import { constraintViolation } from "@server/db/constraint-error";
import type { Db } from "@server/db/database";
import { HttpError } from "@server/http/errors";
import * as extensions from "@server/features/call-park-extensions/call-park-extensions.repository";
import {
  createCallParkExtension,
  deleteCallParkExtension,
  type LocationState,
  refusals,
  updateCallParkExtension,
} from "@server/features/call-park-extensions/call-park-extensions.service";
import * as repo from "./import-jobs.repository";

// The one code path that decides and applies rows, used by the preview (in a
// transaction it then rolls back) and by the runner (in the transactions that also
// mark the rows done). Rows are taken in file order, each against the data as the
// rows before it left it, read inside the applying transaction; each row is applied
// by the call park extension service, as a request would be (its checks, its writes),
// in this transaction. The database's own guards (the numbering plan's key, the cap's
// CHECK) still decide, and a row they refuse becomes an ERROR instead of failing its batch.

const OWNER = "CALL_PARK_EXTENSION" as const;

export interface RowResult extends repo.RowRecord {
  row?: CallParkExtensionCsvRow;
  /** The stored name an UPDATE replaces or a DELETE removes. */
  previousName?: string;
  /** The location the row names, when it names one (Webex mode's preview asks Webex about it). */
  locationId?: string;
  /** The call park extension a DELETE removes (the preview says which group it leaves). */
  targetId?: string;
}

/**
 * What the whole file says, whichever rows are being evaluated: the rows that repeat
 * the row before them for the same location and extension (ADD after ADD, DELETE after
 * DELETE), each with the row it repeats. ADD, DELETE, ADD of one extension is no repeat.
 */
export interface FileContext {
  repeats: Map<number, number>;
  /**
   * The locations the rows may touch (those of the administrator who sent the file). A
   * row naming any other location is refused as naming no location at all.
   */
  scope: LocationScope;
}

function entryOf(values: repo.RowValues): { key: string; action: string } | undefined {
  const location = searchKey(values.location);
  const extension = values.extension.trim();
  if (!location || !extension) return undefined;
  return { key: `${location}\u0000${extension}`, action: values.action.trim().toUpperCase() || "ADD" };
}

export function fileContext(rows: repo.StoredRow[], scope: LocationScope): FileContext {
  const last = new Map<string, { action: string; itemNumber: number }>();
  const repeats = new Map<number, number>();
  for (const { itemNumber, values } of [...rows].sort((a, b) => a.itemNumber - b.itemNumber)) {
    const entry = entryOf(values);
    if (!entry) continue;
    const before = last.get(entry.key);
    if (before?.action === entry.action) repeats.set(itemNumber, before.itemNumber);
    else last.set(entry.key, { action: entry.action, itemNumber });
  }
  return { repeats, scope };
}

type Plan =
  | { outcome: "CREATE" }
  | { outcome: "UPDATE" | "DELETE"; target: NumberOwner }
  | { outcome: "UNCHANGED"; target: NumberOwner }
  | { outcome: "ERROR"; issues: FieldIssue[] };

/** A refusal said of the file's columns: the service's `locationId` is the row's `location`. */
export function fileIssues(error: HttpError): FieldIssue[] {
  return error.issues.map((issue) => (issue.path[0] === "locationId" ? { ...issue, path: ["location", ...issue.path.slice(1)] } : issue));
}

/**
 * What a valid row asks of the service, by who holds its extension in the location: an
 * ADD creates a free one and renames (or leaves) a call park extension; one held by
 * anything else it can do neither with, the service's own refusal, given before the
 * location's count as the import always has. A DELETE needs a call park extension.
 */
function decide(row: CallParkExtensionCsvRow, location: LocationState): Plan {
  const owner = location.owners.get(row.extension);
  const ownsIt = owner?.type === OWNER;
  if (row.action === "DELETE") {
    if (ownsIt) return { outcome: "DELETE", target: owner };
    const params = { extension: row.extension };
    return { outcome: "ERROR", issues: [{ path: ["extension"], code: "callParkExtensionNotFound", params }] };
  }
  if (ownsIt) return owner.name === row.name ? { outcome: "UNCHANGED", target: owner } : { outcome: "UPDATE", target: owner };
  if (owner) return { outcome: "ERROR", issues: fileIssues(refusals.extensionTaken(row.extension, owner)) };
  // The service refuses the same (Webex mode decides before sending, so it is said here too).
  if (location.count >= MAX_CALL_PARK_EXTENSIONS_PER_LOCATION) return { outcome: "ERROR", issues: fileIssues(refusals.locationFull()) };
  return { outcome: "CREATE" };
}

/** Applies one row's change through the service, which checks it and keeps the location's state in step. */
async function write(trx: Db, row: CallParkExtensionCsvRow, location: LocationState, plan: Plan) {
  const by = { location, audit: false } as const;
  const input = { name: row.name, extension: row.extension };
  if (plan.outcome === "CREATE") await createCallParkExtension(trx, location.id, input, by);
  else if (plan.outcome === "UPDATE") await updateCallParkExtension(trx, location.id, plan.target.id, input, by);
  else if (plan.outcome === "DELETE") await deleteCallParkExtension(trx, location.id, plan.target.id, by);
}

/**
 * Writes one row's change. The service's checks refuse before it writes anything: the
 * row's issues. Guarded, in a savepoint, so that a refusal by the database undoes only
 * this row and becomes its issue; unguarded, a refusal goes up to processRows.
 */
async function apply(trx: Db, row: CallParkExtensionCsvRow, location: LocationState, plan: Plan, guarded: boolean) {
  if (guarded) await sql`savepoint import_row`.execute(trx);
  try {
    await write(trx, row, location, plan);
    if (guarded) await sql`release savepoint import_row`.execute(trx);
    return [];
  } catch (error) {
    if (guarded) {
      await sql`rollback to savepoint import_row`.execute(trx);
      await sql`release savepoint import_row`.execute(trx);
    }
    if (error instanceof HttpError && error.issues.length) return fileIssues(error);
    const violation = guarded ? constraintViolation(error) : undefined;
    if (!violation) throw error;
    // Someone else changed the location under us: read it again for this row and the next.
    const owners = await extensions.findNumberOwners(trx, location.id, [row.extension]);
    const owner = owners.get(row.extension);
    if (owner) location.owners.set(row.extension, owner);
    else location.owners.delete(row.extension);
    location.count = await extensions.countInLocation(trx, location.id);
    if (violation.kind === "check") return fileIssues(refusals.locationFull());
    if (violation.kind === "unique") return fileIssues(refusals.extensionTaken(row.extension, owner));
    return [{ path: ["location"], code: "locationNotFound", params: { location: location.name } } satisfies FieldIssue];
  }
}

/** The locations the rows name, with their counts and the owners of the extensions the rows touch. */
async function loadLocations(trx: Db, rows: CallParkExtensionCsvRow[], scope: LocationScope) {
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

/** A stored row with its cells checked, its location found and the file's own problems with it. */
interface CheckedRow extends repo.StoredRow {
  row?: CallParkExtensionCsvRow;
  location?: LocationState;
  issues: FieldIssue[];
}

async function check(trx: Db, rows: repo.StoredRow[], file: FileContext): Promise<CheckedRow[]> {
  const checked = rows.map((stored) => ({ ...stored, ...checkCsvRow(stored.values) }));
  const valid = checked.filter((c) => c.row).map((c) => c.row!);
  const locations = await loadLocations(trx, valid, file.scope);
  let v = 0;
  return checked.map(({ itemNumber, values, row, issues: cellIssues }) => {
    const location = row ? locations[v++] : undefined;
    const issues = [...cellIssues];
    const repeated = file.repeats.get(itemNumber);
    if (repeated !== undefined) {
      issues.push({ path: ["extension"], code: "extensionRepeated", params: { extension: values.extension.trim(), row: repeated } });
    }
    if (row && !location) issues.push({ path: ["location"], code: "locationNotFound", params: { location: row.location } });
    return { itemNumber, values, row, location, issues };
  });
}

async function evaluate(trx: Db, rows: repo.StoredRow[], file: FileContext, guarded: boolean): Promise<RowResult[]> {
  const results: RowResult[] = [];
  for (const { itemNumber, values, row, location, issues } of await check(trx, rows, file)) {
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
    const targetId = outcome === "DELETE" && plan.outcome === "DELETE" ? { targetId: plan.target.id } : {};
    results.push({ itemNumber, values, row, outcome, issues: refused, locationId: location.id, ...(previousName !== undefined ? { previousName } : {}), ...targetId });
  }
  return results;
}

/** One row decided against the data as it now is, and nothing written. */
export interface RowPlan {
  /** What the row does: ERROR and UNCHANGED are final; CREATE, UPDATE and DELETE are to be applied. */
  result: RowResult;
  row?: CallParkExtensionCsvRow;
  /** The location the row names, as the data now has it (also for a row in error, when it names one). */
  location?: LocationState;
  /** The call park extension an UPDATE, DELETE or UNCHANGED row is about. */
  target?: NumberOwner;
}

/**
 * Webex mode: a row's decision, by the same checks and rules as processRows, without
 * applying it (Webex is asked first; the mirror follows). The location's state is read
 * now, with the owner of the row's extension.
 */
export async function planRow(db: Db, stored: repo.StoredRow, file: FileContext): Promise<RowPlan> {
  const [{ itemNumber, values, row, location, issues }] = await check(db, [stored], file);
  if (!row || !location || issues.length) return { result: { itemNumber, values, row, outcome: "ERROR", issues }, row, location };
  const plan = decide(row, location);
  const base = { itemNumber, values, row, locationId: location.id };
  if (plan.outcome === "ERROR") return { result: { ...base, outcome: "ERROR", issues: plan.issues }, row, location };
  if (plan.outcome === "CREATE") return { result: { ...base, outcome: "CREATE", issues: [] }, row, location };
  const previousName = plan.outcome === "UNCHANGED" ? {} : { previousName: plan.target.name };
  return { result: { ...base, outcome: plan.outcome, issues: [], ...previousName }, row, location, target: plan.target };
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
export function tally(results: Pick<RowResult, "outcome">[]): Required<repo.CountDeltas> {
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

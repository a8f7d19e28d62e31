import { sql } from "kysely";
import { type CallParkCsvField, type CallParkCsvRow, checkCallParkCsvRow } from "@domain/csv/call-park-csv";
import type { LocationScope } from "@domain/rules/access";
import { recallHuntGroupId } from "@domain/rules/call-park";
import { needsHuntGroup } from "@domain/rules/recall";
import { searchKey } from "@domain/rules/text";
import type { CallParkCreate } from "@domain/schemas/call-park";
import type { FieldIssue } from "@domain/schemas/issues";
import { constraintViolation } from "@server/db/constraint-error";
import type { Db } from "@server/db/database";
import { HttpError } from "@server/http/errors";
import type { Actor } from "@server/features/auth/principal";
import * as parks from "@server/features/call-parks/call-parks.repository";
import {
  createCallPark,
  deleteCallPark,
  getCallPark,
  type ImportWrite,
  updateCallPark,
} from "@server/features/call-parks/call-parks.service";
import * as repo from "./import-jobs.repository";
import { rowIssues as upstreamRowIssues } from "./import-jobs.upstream";

// The call park group rows of an import: each row is decided against the data as the rows
// before it left it, then applied by the call park group service, as a request would be (its
// rules: one group per member, members and extensions of the group's location, the hunt
// group of the location, a unique name). The preview runs this in a transaction it rolls
// back; the runner in the transactions that also mark the rows done. In Webex mode the
// runner decides a row here and applies it through the service as its starter, so that
// Webex takes the change first.

export type GroupValues = Record<CallParkCsvField, string>;
export type GroupStoredRow = repo.StoredRow<GroupValues>;

export interface GroupRowResult extends repo.RowRecord<GroupValues> {
  row?: CallParkCsvRow;
  locationId?: string;
  /** An UPDATE: the columns whose values change. */
  changes?: CallParkCsvField[];
  /** A DELETE: the group's members now. */
  members?: string[];
}

/** The locations a file's rows may touch; a row naming any other is refused as naming no location. */
export interface GroupFile {
  scope: LocationScope;
  /** Rows about a group an earlier row is already about, with that row. */
  repeats: Map<number, number>;
}

export function groupFile(rows: GroupStoredRow[], scope: LocationScope): GroupFile {
  const first = new Map<string, number>();
  const repeats = new Map<number, number>();
  for (const { itemNumber, values } of [...rows].sort((a, b) => a.itemNumber - b.itemNumber)) {
    const location = searchKey(values.location);
    const name = searchKey(values.name);
    if (!location || !name) continue;
    const key = `${location}\u0000${name}`;
    const before = first.get(key);
    if (before !== undefined) repeats.set(itemNumber, before);
    else first.set(key, itemNumber);
  }
  return { scope, repeats };
}

/** What a location holds that rows name: its members, hunt groups and call park extensions, read once. */
interface Place {
  id: string;
  name: string;
  members?: { id: string; email: string | null; display_name: string }[];
  huntGroups?: { id: string; name: string }[];
}

/** The one that has this exact spelling, else the only one with the same search key. */
function pick<T>(items: T[], text: string, label: (item: T) => string): T | undefined {
  const key = searchKey(text);
  const same = items.filter((i) => searchKey(label(i)) === key);
  return same.find((i) => label(i) === text) ?? (same.length === 1 ? same[0] : undefined);
}

async function placesOf(db: Db, rows: CallParkCsvRow[], scope: LocationScope): Promise<(Place | undefined)[]> {
  const found = await repo.locationsByKey(db, [...new Set(rows.map((r) => searchKey(r.location)))], scope);
  const places = new Map<string, Place>();
  return rows.map((r) => {
    const match = pick(found, r.location, (l) => l.name);
    if (!match) return undefined;
    const place = places.get(match.id) ?? { id: match.id, name: match.name };
    places.set(match.id, place);
    return place;
  });
}

/** A group's row as the service takes it, with the ids its names and extensions stand for. */
interface Resolved {
  recall: CallParkCreate["recall"];
  agents: string[];
  parkOnAgentsEnabled: boolean;
  callParkExtensions: string[];
}

async function resolve(db: Db, row: CallParkCsvRow, place: Place): Promise<{ resolved?: Resolved; issues: FieldIssue[] }> {
  const issues: FieldIssue[] = [];
  place.members ??= await db.selectFrom("members").select(["id", "email", "display_name"]).where("location_id", "=", place.id).execute();
  const agents: string[] = [];
  row.members.forEach((m, index) => {
    const member =
      m.kind === "email"
        ? place.members!.find((p) => p.email !== null && p.email.toLowerCase() === m.text.toLowerCase())
        : pick(place.members!, m.text, (p) => p.display_name);
    if (member) agents.push(member.id);
    else issues.push({ path: ["members", index], code: "memberNamedNotFound", params: { member: m.text } });
  });
  let huntGroupId: string | undefined;
  if (needsHuntGroup(row.recallOption)) {
    place.huntGroups ??= await parks.huntGroupsIn(db, place.id);
    huntGroupId = pick(place.huntGroups, row.huntGroup, (h) => h.name)?.id;
    if (!huntGroupId) issues.push({ path: ["huntGroup"], code: "huntGroupNamedNotFound", params: { name: row.huntGroup } });
  }
  const extensions = row.extensions.length
    ? await db
        .selectFrom("call_park_extensions")
        .select(["id", "extension"])
        .where("location_id", "=", place.id)
        .where("extension", "in", row.extensions)
        .execute()
    : [];
  const byExtension = new Map(extensions.map((e) => [e.extension, e.id]));
  row.extensions.forEach((extension, index) => {
    if (!byExtension.has(extension)) issues.push({ path: ["extensions", index], code: "destinationExtensionNotFound", params: { extension } });
  });
  if (issues.length) return { issues };
  return {
    resolved: {
      recall: { option: row.recallOption, ...(huntGroupId ? { huntGroupId } : {}) },
      agents,
      parkOnAgentsEnabled: row.parkOnAgentsEnabled,
      callParkExtensions: row.extensions.map((e) => byExtension.get(e)!),
    },
    issues: [],
  };
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/** The columns of a row that would change the group as it stands. */
async function changedColumns(db: Db, locationId: string, id: string, want: Resolved): Promise<CallParkCsvField[]> {
  const now = await getCallPark(db, locationId, id);
  const changes: CallParkCsvField[] = [];
  if (now.recall.option !== want.recall.option) changes.push("recallTo");
  if ((recallHuntGroupId(now.recall) ?? "") !== (recallHuntGroupId(want.recall) ?? "")) changes.push("huntGroup");
  if (!sameList(now.agents.map((a) => a.id), want.agents)) changes.push("members");
  if (now.parkOnAgentsEnabled !== want.parkOnAgentsEnabled) changes.push("membersAsDestinations");
  if (!sameList(now.callParkExtensions.map((c) => c.id), want.callParkExtensions)) changes.push("extensions");
  return changes;
}

/** The service's refusal, said of the file's columns. */
const COLUMN_OF: Record<string, CallParkCsvField> = {
  name: "name",
  locationId: "location",
  recall: "huntGroup",
  agents: "members",
  parkOnAgentsEnabled: "membersAsDestinations",
  callParkExtensions: "extensions",
};
export function rowIssues(error: HttpError, row: CallParkCsvRow): FieldIssue[] {
  if (error.key === "callParkNotFound") return [{ path: ["name"], code: "callParkNamedNotFound", params: { name: row.name } }];
  // Webex's refusals (unavailable, unclear, denied, refused) and a location gone: said as the extension rows say them.
  if (!error.issues.length) return upstreamRowIssues(error, { location: row.location, extension: "" });
  return error.issues.map((issue) => {
    const column = COLUMN_OF[String(issue.path[0])] ?? "name";
    const index = column === "members" || column === "extensions" ? issue.path.slice(1, 2) : [];
    return { ...issue, path: [column, ...index] };
  });
}

/** A row decided and not yet applied: what it does and what the service is to be given. */
export type GroupPlan =
  | { outcome: "ERROR" | "UNCHANGED"; result: GroupRowResult }
  | { outcome: "CREATE"; result: GroupRowResult; locationId: string; create: CallParkCreate }
  | { outcome: "UPDATE"; result: GroupRowResult; locationId: string; id: string; update: Resolved }
  | { outcome: "DELETE"; result: GroupRowResult; locationId: string; id: string };

async function decide(db: Db, stored: GroupStoredRow, row: CallParkCsvRow, place: Place): Promise<GroupPlan> {
  const base = { itemNumber: stored.itemNumber, values: stored.values, row, locationId: place.id };
  const error = (issues: FieldIssue[]): GroupPlan => ({ outcome: "ERROR", result: { ...base, outcome: "ERROR", issues } });
  const existing = await parks.findCallParkByNameKey(db, place.id, searchKey(row.name));
  if (row.action === "DELETE") {
    if (!existing) return error([{ path: ["name"], code: "callParkNamedNotFound", params: { name: row.name } }]);
    const members = (await parks.agentsOf(db, existing.id)).map((m) => m.display_name);
    return { outcome: "DELETE", result: { ...base, outcome: "DELETE", issues: [], members }, locationId: place.id, id: existing.id };
  }
  if (row.action === "ADD" && existing) return error([{ path: ["name"], code: "callParkExists", params: { name: existing.name } }]);
  if (row.action === "UPDATE" && !existing) return error([{ path: ["name"], code: "callParkNamedNotFound", params: { name: row.name } }]);
  const { resolved, issues } = await resolve(db, row, place);
  if (!resolved) return error(issues);
  if (!existing) {
    const create = { name: row.name, ...resolved };
    return { outcome: "CREATE", result: { ...base, outcome: "CREATE", issues: [] }, locationId: place.id, create };
  }
  const changes = await changedColumns(db, place.id, existing.id, resolved);
  if (!changes.length) return { outcome: "UNCHANGED", result: { ...base, outcome: "UNCHANGED", issues: [] } };
  return { outcome: "UPDATE", result: { ...base, outcome: "UPDATE", issues: [], changes }, locationId: place.id, id: existing.id, update: resolved };
}

/** Each row's cells checked, its location found, and its place in the file (a repeat is refused). */
async function check(db: Db, rows: GroupStoredRow[], file: GroupFile) {
  const checked = rows.map((stored) => ({ stored, ...checkCallParkCsvRow(stored.values) }));
  const places = await placesOf(db, checked.filter((c) => c.row).map((c) => c.row!), file.scope);
  let p = 0;
  return checked.map(({ stored, row, issues: cellIssues }) => {
    const place = row ? places[p++] : undefined;
    const issues = [...cellIssues];
    const repeated = file.repeats.get(stored.itemNumber);
    if (repeated !== undefined) issues.push({ path: ["name"], code: "callParkRepeated", params: { row: repeated } });
    if (row && !place) issues.push({ path: ["location"], code: "locationNotFound", params: { location: row.location } });
    return { stored, row, place, issues };
  });
}

/**
 * What applying a row came to: nothing refused ([]), the row's issues, or "again" when the
 * database refused it because another writer changed the data since the row was decided.
 */
export type Applied = FieldIssue[] | "again";

/** The rows decided, in file order, each against the data as the rows before it were left, and applied by `apply`. */
export async function planGroupRows(db: Db, rows: GroupStoredRow[], file: GroupFile, apply?: (plan: GroupPlan) => Promise<Applied>) {
  const results: GroupRowResult[] = [];
  for (const { stored, row, place, issues } of await check(db, rows, file)) {
    if (!row || !place || issues.length) {
      results.push({ itemNumber: stored.itemNumber, values: stored.values, row, outcome: "ERROR", issues });
      continue;
    }
    let plan = await decide(db, stored, row, place);
    let refused: Applied = [];
    if (apply) {
      // Decided again, once, on the data as the other writer left it: the row's answer is then as if it came second.
      for (let attempt = 0; attempt < 2 && plan.outcome !== "ERROR" && plan.outcome !== "UNCHANGED"; attempt++) {
        refused = await apply(plan);
        if (refused !== "again") break;
        plan = await decide(db, stored, row, place);
      }
      if (refused === "again") throw new Error(`import row ${stored.itemNumber}: refused twice by the database`);
    }
    results.push(refused.length ? { itemNumber: stored.itemNumber, values: stored.values, row, locationId: place.id, outcome: "ERROR", issues: refused } : plan.result);
  }
  return results;
}

/** Applies a decided row through the service: as an import (in `db`, the job's transaction), or as its starter (Webex mode). */
export async function applyGroupPlan(db: Db, plan: GroupPlan, by: ImportWrite | Actor): Promise<void> {
  if (plan.outcome === "CREATE") await createCallPark(db, plan.locationId, plan.create, by);
  else if (plan.outcome === "UPDATE") await updateCallPark(db, plan.locationId, plan.id, plan.update, by);
  else if (plan.outcome === "DELETE") await deleteCallPark(db, plan.locationId, plan.id, by);
}

/**
 * Decides and applies these rows, in order, inside the caller's transaction, each row in its
 * own savepoint: a refusal undoes that row alone. (The call park extension rows save the
 * savepoints for the rare batch a concurrent writer disturbs; a group row's writes are several
 * statements whose later ones can refuse, so each row keeps its own.)
 */
export async function processGroupRows(trx: Db, rows: GroupStoredRow[], file: GroupFile): Promise<GroupRowResult[]> {
  const by: ImportWrite = { scope: file.scope, audit: false };
  return planGroupRows(trx, rows, file, async (plan) => {
    await sql`savepoint import_row`.execute(trx);
    try {
      await applyGroupPlan(trx, plan, by);
      await sql`release savepoint import_row`.execute(trx);
      return [];
    } catch (error) {
      await sql`rollback to savepoint import_row`.execute(trx);
      await sql`release savepoint import_row`.execute(trx);
      if (constraintViolation(error)) return "again";
      if (error instanceof HttpError && plan.result.row) return rowIssues(error, plan.result.row);
      throw error;
    }
  });
}

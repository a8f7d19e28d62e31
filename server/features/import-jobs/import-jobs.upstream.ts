import type { FastifyBaseLogger } from "fastify";
import { sql } from "kysely";
import pLimit from "p-limit";
import { api } from "@domain/api/endpoints";
import type { CallParkExtensionCsvRow } from "@domain/csv/call-park-extension-csv";
import { searchKey } from "@domain/rules/text";
import type { ValidateExtensionsResult } from "@domain/schemas/call-park-extension";
import type { FieldIssue } from "@domain/schemas/issues";
import { constraintViolation } from "@server/db/constraint-error";
import type { Db } from "@server/db/database";
import { HttpError } from "@server/http/errors";
import { translate } from "@server/http/messages";
import * as extensions from "@server/features/call-park-extensions/call-park-extensions.repository";
import {
  createCallParkExtension,
  deleteCallParkExtension,
  type ImportWrite,
  refusals,
  updateCallParkExtension,
} from "@server/features/call-park-extensions/call-park-extensions.service";
import type { Gateway } from "@server/features/gateway/gateway";
import { UpstreamError } from "@server/features/gateway/upstream";
import { type FileContext, fileIssues, planRow, type RowPlan, type RowResult, tally } from "./import-jobs.evaluate";
import * as repo from "./import-jobs.repository";

// Webex mode's import: the organisation lives in Webex, so each row is applied there
// first, one row at a time, and the mirror follows Webex's answer. Webex has no
// transaction across calls, so there is no all-or-nothing mode, and a row is made
// durable in three steps, none of which holds a database transaction open while Webex
// is called (the database is one connection):
//
//   (a) the row is decided against the mirror, by the standalone import's own checks and
//       rules (planRow); an ERROR or UNCHANGED row is recorded at once;
//   (b) the row is marked as sent (upstream_started_at, and upstream_id: the call park
//       extension an UPDATE or DELETE acts on), committed BEFORE Webex is called;
//   (c) Webex is called through the gateway; an unclear failure (a 5xx, a connection
//       lost after sending) is settled by looking at Webex, never by sending again;
//   (d) in ONE transaction: the mirror takes the change (with Webex's id for a create),
//       the row its outcome and upstream_id, the job its counts, and the job is finished
//       after its last row.
//
// A row marked sent without an outcome was in flight when the server stopped: on the
// next start Webex is looked at first (a create: the location's call park extension with
// that extension and name; an update: the target's name; a delete: the target gone), and
// the row is sent only when it was not applied. So each row is applied once.

const OWNER = "CALL_PARK_EXTENSION" as const;

type Change = "CREATE" | "UPDATE" | "DELETE";

/** A change Webex applied: what it was and the id of the call park extension it made or acted on. */
interface Applied {
  outcome: Change;
  id: string;
}

/** Points of the row's life a test may hold, to stop the runner there as a crash would. */
export interface UpstreamSeams {
  /** After (b) committed, before Webex is called. */
  beforeSend?: (itemNumber: number) => Promise<void> | void;
  /** After Webex answered (c), before (d). */
  afterSend?: (itemNumber: number) => Promise<void> | void;
}

export interface UpstreamRun {
  db: Db;
  gateway: Gateway;
  jobId: string;
  file: FileContext;
  /** Checked before each row: the row in flight always completes its step (d). */
  stopping: () => boolean;
  log?: FastifyBaseLogger;
  seams?: UpstreamSeams;
}

interface PendingRow extends repo.StoredRow {
  /** Set: the row was sent (or about to be) when the server last stopped. */
  startedAt: string | null;
  /** The call park extension an in-flight UPDATE or DELETE acted on. */
  upstreamId: string | null;
}

const now = () => new Date().toISOString();

// ---- The rows' upstream columns ---------------------------------------------------

/** The job's rows still to apply, in file order. */
async function pendingRows(db: Db, jobId: string): Promise<PendingRow[]> {
  const rows = await db
    .selectFrom("import_job_rows")
    .select(["item_number", "row_values", "upstream_started_at", "upstream_id"])
    .where("job_id", "=", jobId)
    .where("state", "=", "pending")
    .orderBy("item_number")
    .execute();
  return rows.map((row) => ({
    itemNumber: row.item_number,
    values: JSON.parse(row.row_values) as repo.RowValues,
    startedAt: row.upstream_started_at,
    upstreamId: row.upstream_id,
  }));
}

/** Step (b): committed on its own before Webex is called. */
async function markSent(db: Db, jobId: string, itemNumber: number, targetId: string | null) {
  await db
    .updateTable("import_job_rows")
    .set({ upstream_started_at: now(), upstream_id: targetId })
    .where("job_id", "=", jobId)
    .where("item_number", "=", itemNumber)
    .where("state", "=", "pending")
    .execute();
}

async function isPending(trx: Db, jobId: string, itemNumber: number) {
  const row = await trx
    .selectFrom("import_job_rows")
    .select("state")
    .where("job_id", "=", jobId)
    .where("item_number", "=", itemNumber)
    .executeTakeFirst();
  return row?.state === "pending";
}

async function saveUpstreamId(trx: Db, jobId: string, itemNumber: number, id: string) {
  await trx.updateTable("import_job_rows").set({ upstream_id: id }).where("job_id", "=", jobId).where("item_number", "=", itemNumber).execute();
}

// ---- The job ----------------------------------------------------------------------

/**
 * Locations applied at once. Rows of one location go one by one, in file order (each is
 * decided on what the rows before it left: its count, its extensions); different locations
 * share nothing, so a distant Webex's latency is paid a few locations at a time.
 */
const PARALLEL_LOCATIONS = 6;

/** Applies the job's pending rows, each location's in file order, until none is left or the runner stops. */
export async function runUpstreamJob(run: UpstreamRun) {
  const job = await repo.findJob(run.db, run.jobId);
  if (job?.status !== "STARTED") return;
  const lanes = new Map<string, PendingRow[]>();
  for (const row of await pendingRows(run.db, run.jobId)) {
    const key = searchKey(row.values.location);
    lanes.set(key, [...(lanes.get(key) ?? []), row]);
  }
  const limit = pLimit(PARALLEL_LOCATIONS);
  await Promise.all(
    [...lanes.values()].map((lane) =>
      limit(async () => {
        for (const pending of lane) {
          if (run.stopping()) return;
          // The job's tracking id (its upload's) names each of its calls, row by row (kept within Webex's 200 characters).
          await applyRow(run, `${job.tracking_id.slice(0, 180)}_${pending.itemNumber}`, pending);
        }
      }),
    ),
  );
  if (!run.stopping()) await run.db.transaction().execute((trx) => finishIfDone(trx, run.jobId));
}

async function applyRow(run: UpstreamRun, trackingId: string, pending: PendingRow) {
  const plan = await planRow(run.db, pending, run.file);
  if (pending.startedAt) {
    // In flight when the server stopped: Webex may have applied it already.
    let applied: Applied | undefined;
    try {
      applied = await appliedEarlier(run.gateway, pending, plan);
    } catch (error) {
      if (!(error instanceof UpstreamError)) throw error;
      run.log?.warn({ err: error, jobId: run.jobId, itemNumber: pending.itemNumber }, "import row in flight could not be checked upstream");
      return record(run, { ...plan.result, outcome: "ERROR", issues: [{ path: [], code: "upstreamUnclear" }] });
    }
    if (applied) return settle(run, pending, applied);
  }
  const { result, row, location, target } = plan;
  if (result.outcome === "ERROR" || result.outcome === "UNCHANGED" || !row || !location) return record(run, result);

  await markSent(run.db, run.jobId, pending.itemNumber, target?.id ?? null);
  await run.seams?.beforeSend?.(pending.itemNumber);
  let id: string;
  try {
    id = await send(run.gateway, result.outcome, row, location.id, target?.id, trackingId);
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    return record(run, { ...result, outcome: "ERROR", issues: rowIssues(error, row) });
  }
  await run.seams?.afterSend?.(pending.itemNumber);
  await settle(run, pending, { outcome: result.outcome, id });
}

/** Step (c): the row's change sent to Webex; answers the id of the call park extension it made or acted on. */
async function send(gateway: Gateway, outcome: Change, row: CallParkExtensionCsvRow, locationId: string, targetId: string | undefined, trackingId: string) {
  if (outcome === "CREATE") {
    const { id } = await gateway.send(
      api.callParkExtensions.create,
      { params: { locationId }, body: { name: row.name, extension: row.extension }, trackingId },
      {
        locationId,
        notFound: "locationNotFound",
        verify: async () => {
          const made = await findCreated(gateway, locationId, row);
          return made ? { answer: { id: made } } : undefined;
        },
      },
    );
    return id;
  }
  const id = targetId!;
  const params = { locationId, callParkExtensionId: id };
  if (outcome === "UPDATE") {
    await gateway.send(
      api.callParkExtensions.update,
      { params, body: { name: row.name }, trackingId },
      {
        locationId,
        notFound: "callParkExtensionNotFound",
        verify: async () => ((await upstreamName(gateway, locationId, id)) === row.name ? { answer: undefined } : undefined),
      },
    );
  } else {
    await gateway.send(
      api.callParkExtensions.delete,
      { params, trackingId },
      {
        locationId,
        notFound: "callParkExtensionNotFound",
        verify: async () => ((await upstreamName(gateway, locationId, id)) === undefined ? { answer: undefined } : undefined),
      },
    );
  }
  return id;
}

/** Webex's call park extension of this location with the row's extension and name: the one a create made. */
async function findCreated(gateway: Gateway, locationId: string, row: CallParkExtensionCsvRow) {
  const found = await gateway.upstream.listAll(api.callParkExtensions.list, { query: { locationId, extension: row.extension } });
  return found.find((c) => c.extension === row.extension && c.name === row.name)?.id;
}

/** The name Webex has for a call park extension, undefined when it has none (404). */
async function upstreamName(gateway: Gateway, locationId: string, id: string) {
  try {
    return (await gateway.upstream.call(api.callParkExtensions.get, { params: { locationId, callParkExtensionId: id } })).name;
  } catch (error) {
    if (error instanceof UpstreamError && error.kind === "notFound") return undefined;
    throw error;
  }
}

/**
 * A row in flight when the server stopped: what Webex shows of it. Its kind follows from
 * step (b): a DELETE row acted on upstream_id; an ADD row with one renamed it; an ADD
 * row without one created a call park extension. Undefined: not applied (or no location
 * to look in), so the row is decided and sent as any other.
 */
async function appliedEarlier(gateway: Gateway, pending: PendingRow, plan: RowPlan): Promise<Applied | undefined> {
  const { row, location } = plan;
  if (!row || !location) return undefined;
  const targetId = pending.upstreamId;
  if (row.action === "DELETE") {
    if (!targetId) return undefined;
    return (await upstreamName(gateway, location.id, targetId)) === undefined ? { outcome: "DELETE", id: targetId } : undefined;
  }
  if (targetId) return (await upstreamName(gateway, location.id, targetId)) === row.name ? { outcome: "UPDATE", id: targetId } : undefined;
  const made = await findCreated(gateway, location.id, row);
  return made ? { outcome: "CREATE", id: made } : undefined;
}

/**
 * Step (d): the mirror, the row and the job in one transaction. The row's outcome is
 * Webex's: should the mirror not take the change (a synchronisation moved it meanwhile),
 * the row is still recorded and a synchronisation is started to set the mirror right.
 */
async function settle(run: UpstreamRun, pending: PendingRow, applied: Applied) {
  let resync = false;
  await run.db.transaction().execute(async (trx) => {
    const job = await repo.findJob(trx, run.jobId);
    if (job?.status !== "STARTED" || !(await isPending(trx, run.jobId, pending.itemNumber))) return;
    resync = !(await mirror(trx, run.file, pending, applied));
    await saveUpstreamId(trx, run.jobId, pending.itemNumber, applied.id);
    await saveAndCount(trx, run.jobId, [{ itemNumber: pending.itemNumber, values: pending.values, outcome: applied.outcome, issues: [] }]);
  });
  run.log?.debug({ jobId: run.jobId, itemNumber: pending.itemNumber, ...applied }, "import row applied upstream");
  if (resync) {
    run.log?.warn({ jobId: run.jobId, itemNumber: pending.itemNumber }, "the mirror did not take an import row Webex applied: synchronising");
    void run.gateway.sync();
  }
}

/** A row decided without Webex (ERROR, UNCHANGED), or refused by it. */
async function record(run: UpstreamRun, result: RowResult) {
  await run.db.transaction().execute(async (trx) => {
    const job = await repo.findJob(trx, run.jobId);
    if (job?.status !== "STARTED" || !(await isPending(trx, run.jobId, result.itemNumber))) return;
    await saveAndCount(trx, run.jobId, [result]);
  });
}

async function saveAndCount(trx: Db, jobId: string, results: repo.RowRecord[]) {
  await repo.saveResults(trx, jobId, results);
  await repo.addCounts(trx, jobId, tally(results), now());
  await finishIfDone(trx, jobId);
}

async function finishIfDone(trx: Db, jobId: string) {
  if ((await repo.pendingRows(trx, jobId, 1)).length) return;
  const job = await repo.findJob(trx, jobId);
  if (job) await repo.finishJob(trx, jobId, "COMPLETED", job.failed > 0 ? "COMPLETED_WITH_ERRORS" : "COMPLETED", now());
}

/**
 * The mirror takes what Webex applied, through the call park extension service (its
 * checks and writes, as an import row), unless it already has it. False when it
 * disagrees or refuses: the change is then left to a synchronisation.
 */
async function mirror(trx: Db, file: FileContext, stored: repo.StoredRow, applied: Applied): Promise<boolean> {
  const { row, location } = await planRow(trx, stored, file);
  if (!row || !location) return false;
  const owner = location.owners.get(row.extension);
  const ours = owner?.type === OWNER && owner.id === applied.id;
  const by: ImportWrite = { location, audit: false };
  const input = { name: row.name, extension: row.extension };
  let write: (() => Promise<unknown>) | undefined;
  if (applied.outcome === "CREATE") {
    if (ours && owner.name === row.name) return true;
    if (owner) return false;
    write = () => createCallParkExtension(trx, location.id, input, { ...by, upstreamId: applied.id });
  } else if (applied.outcome === "UPDATE") {
    if (!ours) return false;
    if (owner.name === row.name) return true;
    write = () => updateCallParkExtension(trx, location.id, applied.id, input, by);
  } else {
    if (!owner) return true;
    if (!ours) return false;
    write = () => deleteCallParkExtension(trx, location.id, applied.id, by);
  }
  await sql`savepoint import_mirror`.execute(trx);
  try {
    await write();
    await sql`release savepoint import_mirror`.execute(trx);
    return true;
  } catch (error) {
    await sql`rollback to savepoint import_mirror`.execute(trx);
    await sql`release savepoint import_mirror`.execute(trx);
    if (error instanceof HttpError || constraintViolation(error)) return false;
    throw error;
  }
}

// ---- Refusals as row issues -------------------------------------------------------

/** A refusal by Webex (through the gateway) as the row's issues, which the Tasks page and the errors list say. */
export function rowIssues(error: HttpError, row: Pick<CallParkExtensionCsvRow, "location" | "extension">): FieldIssue[] {
  if (error.issues.length) return fileIssues(error);
  switch (error.key) {
    case "callParkExtensionNotFound":
      return [{ path: ["extension"], code: "callParkExtensionNotFound", params: { extension: row.extension } }];
    case "locationNotFound":
      return [{ path: ["location"], code: "locationNotFound", params: { location: row.location } }];
    case "upstreamUnavailable":
      return [{ path: [], code: "upstreamUnavailable" }];
    case "upstreamUnclear":
      return [{ path: [], code: "upstreamUnclear" }];
    case "upstreamCredential":
    case "upstreamScopeMissing":
      return [{ path: [], code: "upstreamDenied" }];
    case "upstreamRefused":
    case "upstreamConflict":
      return [{ path: [], code: "upstreamRefused", params: error.params }];
    default: {
      const upstreamMessage = translate("en", "errors", error.key, error.params);
      return [{ path: [], code: "upstreamRefused", params: { upstreamMessage, upstreamTrackingId: "-" } }];
    }
  }
}

// ---- The preview ------------------------------------------------------------------

type ExtensionStatus = ValidateExtensionsResult["extensionStatus"][number];

/** Webex takes at most this many extensions a validateExtensions call. */
const VALIDATE_MAX = 500;

function verdictIssues(status: ExtensionStatus, extension: string): FieldIssue[] {
  if (status.state === "DUPLICATE") return fileIssues(refusals.extensionTaken(extension, status.owner));
  if (status.state === "INVALID") return [{ path: ["extension"], code: "extensionInvalid", params: { extension } }];
  return [{ path: ["extension"], code: "duplicateInList" }];
}

/**
 * Webex mode's preview: the rows that would create a call park extension, checked with
 * Webex's validateExtensions (one call per location), since Webex knows the whole
 * numbering plan and the mirror only what call park needs. An extension the mirror
 * knows a holder of is left out: the file's own rows free it, as the preview decided.
 */
export async function checkCreatesUpstream(db: Db, gateway: Gateway, results: RowResult[]): Promise<RowResult[]> {
  const candidates = new Map<string, Set<string>>();
  for (const r of results) {
    if (r.outcome !== "CREATE" || !r.locationId || !r.row) continue;
    const set = candidates.get(r.locationId) ?? new Set<string>();
    set.add(r.row.extension);
    candidates.set(r.locationId, set);
  }
  const refused = new Map<string, ExtensionStatus>();
  for (const [locationId, set] of candidates) {
    const held = await extensions.findNumberOwners(db, locationId, [...set]);
    const asked = [...set].filter((e) => !held.has(e));
    for (let i = 0; i < asked.length; i += VALIDATE_MAX) {
      const answer = await gateway.read(
        api.callParkExtensions.validateExtensions,
        { params: { locationId }, body: { extensions: asked.slice(i, i + VALIDATE_MAX) } },
        { locationId, notFound: "locationNotFound" },
      );
      for (const status of answer.extensionStatus) if (status.state !== "VALID") refused.set(`${locationId}\u0000${status.extension}`, status);
    }
  }
  if (!refused.size) return results;
  return results.map((r) => {
    const status = r.outcome === "CREATE" && r.row ? refused.get(`${r.locationId}\u0000${r.row.extension}`) : undefined;
    return status ? { ...r, outcome: "ERROR", issues: verdictIssues(status, r.row!.extension) } : r;
  });
}

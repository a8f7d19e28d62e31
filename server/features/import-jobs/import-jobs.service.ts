import type { LocationScope } from "@domain/rules/access";
import {
  IMPORT_JOB_NAME,
  type ImportJob,
  type ImportJobListQuery,
  type ImportMode,
  type ImportPreview,
} from "@domain/schemas/import-job";
import type { CallParkUse } from "@domain/schemas/call-park-extension-usage";
import { CALL_PARK_IMPORT_JOB_NAME, type CallParkImportPreview } from "@domain/schemas/call-park-import";
import type { ImportJobKind } from "@server/db/schema";
import { type GroupStoredRow, groupFile, processGroupRows } from "./call-park-rows";
import type { Db } from "@server/db/database";
import { HttpError } from "@server/http/errors";
import { type Language, translate } from "@server/http/messages";
import { newId } from "@server/lib/ids";
import { recordAudit } from "@server/features/audit-events/audit-events.repository";
import type { Actor, Viewer } from "@server/features/auth/principal";
import { gatewayOf } from "@server/features/gateway/gateway";
import { groupsUsing } from "@server/features/call-park-extensions/call-park-extensions.where-used";
import { fileContext, processRows, type RowResult, tally } from "./import-jobs.evaluate";
import * as repo from "./import-jobs.repository";
import { checkCreatesUpstream } from "./import-jobs.upstream";

// Who asks about jobs: an administrator limited to some locations sees the jobs they
// started, whose rows could only touch their locations; other administrators see all.

/** Each kind's job name, as Webex names its jobs (`name` of a job). */
const JOB_NAMES = { callParkExtensions: IMPORT_JOB_NAME, callParks: CALL_PARK_IMPORT_JOB_NAME } as const;

type JobOf<K extends ImportJobKind> = Omit<ImportJob, "name"> & { name: (typeof JOB_NAMES)[K] };

export function toJob<K extends ImportJobKind = "callParkExtensions">(record: repo.JobRecord): JobOf<K> {
  return {
    id: record.id,
    name: JOB_NAMES[record.kind as K],
    fileName: record.file_name,
    mode: record.mode,
    createdBy: record.created_by,
    created: record.created_at,
    updated: record.updated_at,
    ...(record.finished_at ? { finished: record.finished_at } : {}),
    latestExecutionStatus: record.status,
    latestExecutionExitCode: record.exit_code,
    counts: {
      total: record.total,
      processed: record.processed,
      created: record.created,
      updated: record.updated,
      deleted: record.deleted,
      unchanged: record.unchanged,
      failed: record.failed,
    },
    trackingId: record.tracking_id,
  };
}

/** Webex mode has no all-or-nothing import: Webex applies each change on its own, with no transaction across calls. */
function assertModeAvailable(db: Db, mode: ImportMode) {
  if (mode === "atomic" && gatewayOf(db)) throw new HttpError("atomicImportUnavailable");
}

/**
 * Stores the job, every row and its one audit entry in one transaction; the runner
 * applies the rows afterwards, within the locations its starter may change.
 */
export async function createJob<K extends ImportJobKind = "callParkExtensions">(
  db: Db,
  input: { kind?: K; rows: repo.StoredRow<Record<string, string>>[]; fileName: string; mode: ImportMode },
  actor: Actor,
) {
  assertModeAvailable(db, input.mode);
  const id = newId("JOB_ID");
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    await repo.insertJob(trx, {
      id,
      kind: input.kind,
      fileName: input.fileName,
      mode: input.mode,
      createdBy: actor.displayName,
      createdById: actor.id,
      scope: actor.scope,
      trackingId: actor.trackingId,
      total: input.rows.length,
      now,
    });
    await repo.insertRows(trx, id, input.rows);
    await recordAudit(trx, actor, {
      action: "IMPORT",
      objectType: "importJob",
      objectId: id,
      objectName: input.fileName,
      after: { fileName: input.fileName, mode: input.mode, rows: input.rows.length, kind: input.kind ?? "callParkExtensions" },
      taskId: id,
    });
  });
  return getJob<K>(db, id, undefined, input.kind);
}

class DryRun<T> extends Error {
  constructor(readonly results: T) {
    super("dry run");
  }
}

/** `work` run for real against current data in a transaction, then rolled back: what it would do. */
async function dryRun<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  try {
    await db.transaction().execute(async (trx) => {
      throw new DryRun(await work(trx));
    });
    throw new Error("unreachable: a dry run always rolls back");
  } catch (error) {
    if (!(error instanceof DryRun)) throw error;
    return error.results as T;
  }
}

/** A dry run's counts by outcome, and whether its mode would apply anything. */
function outcomeOf(results: Pick<RowResult, "outcome">[], mode: ImportMode) {
  const counts = tally(results);
  return {
    counts: {
      create: counts.created,
      update: counts.updated,
      delete: counts.deleted,
      unchanged: counts.unchanged,
      error: counts.failed,
      total: results.length,
    },
    wouldApply: mode === "partial" || counts.failed === 0,
  };
}

/**
 * The group each DELETE row's call park extension is a park destination of, by the
 * extension's id: read after the dry run has rolled back, so as the data stands before the
 * import (an extension the file itself creates, then deletes, is in no group and is not found).
 */
async function groupsLosing(db: Db, results: RowResult[]): Promise<Map<string, CallParkUse>> {
  const byLocation = new Map<string, string[]>();
  for (const r of results) {
    if (r.outcome === "DELETE" && r.locationId && r.targetId) byLocation.set(r.locationId, [...(byLocation.get(r.locationId) ?? []), r.targetId]);
  }
  const losing = new Map<string, CallParkUse>();
  for (const [locationId, ids] of byLocation) {
    for (const [id, [use]] of await groupsUsing(db, locationId, ids)) if (use) losing.set(id, use);
  }
  return losing;
}

/**
 * The import run for real against current data, then rolled back: what the job would do.
 * In Webex mode, against the mirror, and the extensions it would create asked of Webex.
 */
export async function previewImport(
  db: Db,
  rows: repo.StoredRow[],
  mode: ImportMode,
  scope: LocationScope,
): Promise<ImportPreview> {
  assertModeAvailable(db, mode);
  let results = await dryRun(db, (trx) => processRows(trx, rows, fileContext(rows, scope)));
  const gateway = gatewayOf(db);
  if (gateway) results = await checkCreatesUpstream(db, gateway, results);
  const losing = await groupsLosing(db, results);
  return {
    mode,
    rows: results.map((r) => ({
      itemNumber: r.itemNumber,
      location: r.row?.location ?? r.values.location,
      ...(r.locationId ? { locationId: r.locationId } : {}),
      name: r.row?.name ?? r.values.name,
      extension: r.row?.extension ?? r.values.extension,
      action: r.row?.action ?? r.values.action,
      outcome: r.outcome,
      ...(r.previousName !== undefined ? { previousName: r.previousName } : {}),
      ...(r.targetId && losing.has(r.targetId) ? { usedBy: losing.get(r.targetId) } : {}),
      ...(r.issues.length ? { issues: r.issues } : {}),
    })),
    ...outcomeOf(results, mode),
  };
}

/** A job of this kind (each kind's endpoints see only their own jobs), or a 404. */
export async function getJob<K extends ImportJobKind = "callParkExtensions">(db: Db, id: string, viewer?: Viewer, kind?: K) {
  const record = await repo.findJob(db, id);
  const hidden = !record || record.kind !== (kind ?? "callParkExtensions") || (viewer && !viewer.scope.all && record.created_by_id !== viewer.id);
  if (hidden) throw new HttpError("jobNotFound", { id });
  return toJob<K>(record);
}

export async function listJobs<K extends ImportJobKind = "callParkExtensions">(db: Db, viewer: Viewer, query: ImportJobListQuery, kind?: K) {
  const { status, start, max, order } = query;
  const { rows, total } = await repo.listJobs(db, kind ?? "callParkExtensions", status, start, max, viewer.scope.all ? undefined : viewer.id, order);
  return { items: rows.map((r) => toJob<K>(r)), total };
}

/** The job's rows in error, each with its messages in the request's language. */
export async function listJobErrors<V extends Record<string, string> = repo.RowValues>(
  db: Db,
  viewer: Viewer,
  id: string,
  language: Language,
  page: { start: number; max: number },
  kind: ImportJobKind = "callParkExtensions",
) {
  await getJob(db, id, viewer, kind);
  const { rows, total } = await repo.errorRows<V>(db, id, page.start, page.max);
  const items = rows.map(
    (r) => ({
      itemNumber: r.itemNumber,
      values: r.values,
      error: {
        key: r.issues[0]?.code ?? "invalidValue",
        message: r.issues.map((issue) => ({
          description: translate(language, "validation", issue.code, issue.params),
          code: issue.code,
        })),
      },
      issues: r.issues,
    }),
  );
  return { items, total };
}

/** The group import's dry run: every row decided and applied against current data, then rolled back. */
export async function previewGroupImport(
  db: Db,
  rows: GroupStoredRow[],
  mode: ImportMode,
  scope: LocationScope,
): Promise<CallParkImportPreview> {
  assertModeAvailable(db, mode);
  const results = await dryRun(db, (trx) => processGroupRows(trx, rows, groupFile(rows, scope)));
  return {
    mode,
    rows: results.map((r) => ({
      itemNumber: r.itemNumber,
      name: r.row?.name ?? r.values.name,
      location: r.row?.location ?? r.values.location,
      ...(r.locationId ? { locationId: r.locationId } : {}),
      action: r.values.action.trim().toUpperCase(),
      outcome: r.outcome,
      ...(r.changes ? { changes: r.changes } : {}),
      ...(r.members ? { members: r.members } : {}),
      ...(r.issues.length ? { issues: r.issues } : {}),
    })),
    ...outcomeOf(results, mode),
  };
}

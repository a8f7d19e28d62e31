import type { FastifyBaseLogger } from "fastify";
import type { Db } from "@server/db/database";
import { dialectOf } from "@server/db/dialect";
import { acquireLease, INSTANCE_ID, liveLeases, releaseLease, renewLease } from "@server/db/leases";
import { gatewayOf } from "@server/features/gateway/gateway";
import { fileContext, processRows, tally } from "./import-jobs.evaluate";
import { applyGroupPlan, type GroupStoredRow, type GroupValues, groupFile, planGroupRows, processGroupRows, rowIssues } from "./call-park-rows";
import { HttpError } from "@server/http/errors";
import type { Actor } from "@server/features/auth/principal";
import * as repo from "./import-jobs.repository";
import { runUpstreamJob, type UpstreamSeams } from "./import-jobs.upstream";

// Applies stored jobs in the background, one job at a time, oldest first.
//
// Partial mode: rows go in batches, each batch in ONE transaction that applies its
// rows, marks them done and moves the job's counts. A crash loses at most the batch
// in flight, which rolled back whole, and a restart carries on with the rows still
// pending: no row is ever applied twice.
//
// Atomic mode: every row in ONE transaction, committed only when no row is in error
// (and the job marked COMPLETED in it). A crash leaves nothing applied and the job
// STARTED; on the next start the job is re-run from scratch against the data as it
// then is, which is what an upload at that moment would have done.
//
// Webex mode (the database mirrors a Webex organisation): rows go to Webex one by one,
// each made durable around its call (import-jobs.upstream.ts); there is no atomic mode.
//
// Several instances on one database: a job is run by the instance holding its lease
// (`import:<jobId>`, server/db/leases.ts), renewed as it works; an instance finding the
// lease held by another leaves the job to it. Each partial batch (and the atomic
// transaction) renews the lease inside its own transaction and rolls back when the lease
// is no longer this instance's: an instance that was paused past its lease and taken over
// cannot apply a batch its successor applies too. Every instance looks now and then for
// STARTED jobs whose lease has expired (their instance died) and takes them over.

export interface RunnerSettings {
  /** Rows a batch (a transaction, in partial mode) takes. */
  batchSize: number;
  /** A pause between batches, for tests that stop a server in the middle of a job. */
  batchDelayMs: number;
  /**
   * How long a job's lease lasts unless renewed: how long a job whose instance died waits
   * before another instance takes it over. Renewed far more often than that while it runs.
   */
  leaseTtlMs: number;
}

export const DEFAULT_BATCH_SIZE = 200;
export const DEFAULT_LEASE_TTL_MS = 30_000;

function whole(name: string, value: string | undefined, fallback: number, min: number) {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`Invalid configuration: ${name}=${JSON.stringify(value)}: expected a whole number ≥ ${min}`);
  return n;
}

/** IMPORT_BATCH_SIZE, IMPORT_BATCH_DELAY_MS and IMPORT_LEASE_TTL_MS (documented in the README). */
export function runnerSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): RunnerSettings {
  return {
    batchSize: whole("IMPORT_BATCH_SIZE", env.IMPORT_BATCH_SIZE, DEFAULT_BATCH_SIZE, 1),
    batchDelayMs: whole("IMPORT_BATCH_DELAY_MS", env.IMPORT_BATCH_DELAY_MS, 0, 0),
    leaseTtlMs: whole("IMPORT_LEASE_TTL_MS", env.IMPORT_LEASE_TTL_MS, DEFAULT_LEASE_TTL_MS, 100),
  };
}

/** The lease of one job, held by the instance running it. */
export const jobLease = (jobId: string) => `import:${jobId}`;

const pause = (ms: number) => new Promise((resolve) => (ms > 0 ? setTimeout(resolve, ms) : setImmediate(resolve)));
const now = () => new Date().toISOString();

type AnyRow = repo.StoredRow<Record<string, string>>;
/** How a job's rows are decided and applied in a transaction: call park extensions' or groups'. */
type Process = (trx: Db, rows: AnyRow[]) => Promise<repo.RowRecord<Record<string, string>>[]>;

/** Thrown inside the atomic transaction to roll it back. */
class Rollback extends Error {
  constructor(readonly results?: repo.RowRecord<Record<string, string>>[]) {
    super("rollback");
  }
}

/** Thrown inside a job's transaction when another instance has taken the job over: it rolls back, and this instance leaves the job. */
class LeaseLost extends Error {
  constructor() {
    super("lease lost");
  }
}

export class ImportJobRunner {
  readonly settings: RunnerSettings;
  private readonly queue: string[] = [];
  private loop: Promise<void> | undefined;
  private stopping = false;
  /** The job being run, and whether its lease has been lost meanwhile. */
  private running: { jobId: string; leaseLost: boolean } | undefined;
  private watchTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Db,
    settings: Partial<RunnerSettings> = {},
    private readonly log?: FastifyBaseLogger,
    /** Webex mode: points in a row's life where a test holds the runner, as a crash would stop it. */
    readonly seams: UpstreamSeams = {},
    /** Whom the jobs' leases name: this process, unless a test runs two instances in one. */
    readonly instanceId: string = INSTANCE_ID,
  ) {
    this.settings = { ...runnerSettingsFromEnv(), ...settings };
  }

  enqueue(jobId: string) {
    if (this.stopping || this.queue.includes(jobId) || this.running?.jobId === jobId) return;
    this.queue.push(jobId);
    this.kick();
  }

  /**
   * Picks up the jobs a previous run of the server left unfinished (those another live
   * instance runs are left to it), and from then on, every half lease, the jobs whose
   * instance died (their lease expired) until stop().
   */
  async resumeUnfinished(): Promise<string[]> {
    if (dialectOf(this.db) === "sqlite") {
      // SQLite serves one server process (several instances need PostgreSQL): a lease found
      // at start is this server's own before it stopped (killed), not a live instance's, and
      // its jobs carry on now rather than once it expires.
      await this.db.deleteFrom("leases").where("name", "like", "import:%").where("owner", "!=", this.instanceId).execute();
    }
    const ids = await this.orphanedJobIds();
    for (const id of ids) this.enqueue(id);
    if (ids.length) this.log?.info({ jobs: ids }, "resuming unfinished import jobs");
    this.watchOrphanedJobs();
    return ids;
  }

  /** STARTED jobs that no live instance holds the lease of. */
  private async orphanedJobIds(): Promise<string[]> {
    const ids = await repo.unfinishedJobIds(this.db);
    const held = await liveLeases(this.db, ids.map(jobLease));
    return ids.filter((id) => !held.has(jobLease(id)) || held.get(jobLease(id)) === this.instanceId);
  }

  /** From now until stop(), every half lease: takes over the STARTED jobs whose instance died (their lease expired). */
  watchOrphanedJobs() {
    if (this.watchTimer || this.stopping) return;
    this.watchTimer = setInterval(() => {
      void this.orphanedJobIds()
        .then((ids) => {
          const taken = ids.filter((id) => !this.queue.includes(id) && this.running?.jobId !== id);
          if (taken.length) this.log?.info({ jobs: taken }, "taking over import jobs whose instance stopped");
          for (const id of taken) this.enqueue(id);
        })
        .catch((error: unknown) => this.log?.warn({ err: error }, "could not look for import jobs to take over"));
    }, Math.max(50, Math.floor(this.settings.leaseTtlMs / 2)));
    this.watchTimer.unref();
  }

  /** Resolves once every queued job has finished. */
  async idle() {
    while (this.loop) await this.loop;
  }

  /** Lets the batch (Webex mode: the row) in flight commit, then stops; unfinished jobs stay STARTED for the next start. */
  async stop() {
    this.stopping = true;
    if (this.watchTimer) clearInterval(this.watchTimer);
    this.watchTimer = undefined;
    await this.idle();
  }

  private kick() {
    if (this.loop) return;
    this.loop = this.drain().finally(() => {
      this.loop = undefined;
      if (this.queue.length && !this.stopping) this.kick();
    });
  }

  private async drain() {
    await pause(0);
    while (!this.stopping && this.queue.length) {
      const jobId = this.queue.shift()!;
      try {
        await this.runLeased(jobId);
      } catch (error) {
        this.log?.error({ err: error, jobId }, "import job failed");
        await repo.finishJob(this.db, jobId, "FAILED", "FAILED", now()).catch(() => undefined);
      }
    }
  }

  /**
   * Runs the job while holding its lease, renewed in the background (and by each batch's
   * transaction); a job whose lease another live instance holds is left to it. The lease
   * is given up when the job ends or this instance stops, so another may carry on at once.
   */
  private async runLeased(jobId: string) {
    const { leaseTtlMs } = this.settings;
    const lease = jobLease(jobId);
    if (!(await acquireLease(this.db, lease, this.instanceId, leaseTtlMs))) {
      this.log?.info({ jobId }, "import job run by another instance");
      return;
    }
    const running = { jobId, leaseLost: false };
    this.running = running;
    const renewal = setInterval(() => {
      void renewLease(this.db, lease, this.instanceId, leaseTtlMs)
        .then((held) => {
          if (!held) running.leaseLost = true;
        })
        .catch((error: unknown) => this.log?.warn({ err: error, jobId }, "could not renew an import job's lease"));
    }, Math.max(20, Math.floor(leaseTtlMs / 3)));
    try {
      await this.run(jobId);
    } catch (error) {
      if (!(error instanceof LeaseLost)) throw error;
      running.leaseLost = true;
    } finally {
      clearInterval(renewal);
      this.running = undefined;
    }
    if (running.leaseLost) this.log?.warn({ jobId }, "import job taken over by another instance: left to it");
    else await releaseLease(this.db, lease, this.instanceId).catch(() => undefined);
  }

  /**
   * Inside a job's transaction: renews the lease, or rolls the transaction back when
   * another instance has taken the job over. On PostgreSQL the renewal holds the lease's
   * row until the transaction ends, so nobody can take the job over meanwhile.
   */
  private async holdLease(trx: Db, jobId: string) {
    if (!(await renewLease(trx, jobLease(jobId), this.instanceId, this.settings.leaseTtlMs))) throw new LeaseLost();
  }

  /** Whether this instance should stop working on the job: it stops, or lost the job's lease. */
  private interrupted() {
    return this.stopping || this.running?.leaseLost === true;
  }

  private async run(jobId: string) {
    const job = await repo.findJob(this.db, jobId);
    if (job?.status !== "STARTED") return;
    const gateway = gatewayOf(this.db);
    // Refused at upload in Webex mode; one stored before the server turned to Webex cannot run.
    if (gateway && job.mode === "atomic") {
      this.log?.warn({ jobId }, "an all-or-nothing import cannot run against Webex: failed");
      await repo.finishJob(this.db, jobId, "FAILED", "FAILED", now());
      return;
    }
    const scope = repo.jobScope(job);
    let process: Process;
    let rows: AnyRow[];
    if (job.kind === "callParks") {
      const groupRows = await repo.allRows<GroupValues>(this.db, jobId);
      const file = groupFile(groupRows, scope);
      if (gateway) return this.runGroupsUpstream(job, file);
      process = (trx, batch) => processGroupRows(trx, batch as GroupStoredRow[], file);
      rows = groupRows;
    } else {
      const extensionRows = await repo.allRows(this.db, jobId);
      const file = fileContext(extensionRows, scope);
      if (gateway) {
        await runUpstreamJob({ db: this.db, gateway, jobId, file, stopping: () => this.interrupted(), log: this.log, seams: this.seams });
        return;
      }
      process = (trx, batch) => processRows(trx, batch as repo.StoredRow[], file);
      rows = extensionRows;
    }
    if (job.mode === "atomic") await this.runAtomic(jobId, rows, process);
    else await this.runPartial(jobId, process);
  }

  /**
   * Webex mode, call park groups: each row decided against the mirror, then sent through the
   * call park group service as the job's starter (Webex first, the mirror after, an audit entry
   * per change, as the same change made on screen), then marked done. A server stopped between
   * Webex's answer and the mark decides that row again on its next start, against the mirror
   * that already has it: an add or update is then unchanged, and a delete says the group is gone.
   */
  private async runGroupsUpstream(job: repo.JobRecord, file: ReturnType<typeof groupFile>) {
    const actor: Actor = {
      id: job.created_by_id ?? "",
      scope: file.scope,
      displayName: job.created_by,
      email: "",
      sourceIp: "",
      trackingId: job.tracking_id,
    };
    for (;;) {
      if (this.interrupted()) return;
      const [pending] = await repo.pendingRows<GroupValues>(this.db, job.id, 1);
      if (!pending) break;
      const results = await planGroupRows(this.db, [pending], file, async (plan) => {
        try {
          await applyGroupPlan(this.db, plan, actor);
          return [];
        } catch (error) {
          if (error instanceof HttpError && plan.result.row) return rowIssues(error, plan.result.row);
          throw error;
        }
      });
      await this.db.transaction().execute(async (trx) => {
        await this.holdLease(trx, job.id);
        await repo.saveResults(trx, job.id, results);
        await repo.addCounts(trx, job.id, tally(results), now());
      });
    }
    const done = await repo.findJob(this.db, job.id);
    await repo.finishJob(this.db, job.id, "COMPLETED", done && done.failed > 0 ? "COMPLETED_WITH_ERRORS" : "COMPLETED", now());
  }

  private async runPartial(jobId: string, process: Process) {
    const { batchSize, batchDelayMs } = this.settings;
    for (let finished = false; !finished; ) {
      if (this.interrupted()) return;
      finished = await this.db.transaction().execute(async (trx) => {
        await this.holdLease(trx, jobId);
        // Read inside the transaction: another runner on this database may have moved the job on.
        const job = await repo.findJob(trx, jobId);
        if (job?.status !== "STARTED") return true;
        const batch = await repo.pendingRows<Record<string, string>>(trx, jobId, batchSize);
        const results = await process(trx, batch);
        const counts = tally(results);
        await repo.saveResults(trx, jobId, results);
        await repo.addCounts(trx, jobId, counts, now());
        const done = (await repo.pendingRows(trx, jobId, 1)).length === 0;
        if (done) await repo.finishJob(trx, jobId, "COMPLETED", (job.failed + counts.failed) > 0 ? "COMPLETED_WITH_ERRORS" : "COMPLETED", now());
        this.log?.debug({ jobId, processed: job.processed + counts.processed, total: job.total }, "import job batch applied");
        return done;
      });
      if (!finished) await pause(batchDelayMs);
    }
  }

  private async runAtomic(jobId: string, rows: AnyRow[], process: Process) {
    const { batchSize, batchDelayMs } = this.settings;
    try {
      await this.db.transaction().execute(async (trx) => {
        await this.holdLease(trx, jobId);
        const job = await repo.findJob(trx, jobId);
        if (job?.status !== "STARTED") return;
        const results: repo.RowRecord<Record<string, string>>[] = [];
        for (let i = 0; i < rows.length; i += batchSize) {
          if (i > 0) {
            this.log?.debug({ jobId, evaluated: i, total: rows.length }, "import job rows evaluated");
            // The pause (a testing knob) holds the transaction, and so the database, open.
            if (batchDelayMs > 0) await pause(batchDelayMs);
            if (this.interrupted()) throw new Rollback();
          }
          results.push(...(await process(trx, rows.slice(i, i + batchSize))));
        }
        if (results.some((r) => r.outcome === "ERROR")) throw new Rollback(results);
        await repo.saveResults(trx, jobId, results);
        await repo.addCounts(trx, jobId, tally(results), now());
        await repo.finishJob(trx, jobId, "COMPLETED", "COMPLETED", now());
      });
    } catch (error) {
      if (!(error instanceof Rollback)) throw error;
      if (error.results) await this.refuseAtomic(jobId, error.results);
    }
  }

  /** An atomic job with a row in error: nothing applied, the job FAILED, its rows kept with what each would have done. */
  private async refuseAtomic(jobId: string, results: repo.RowRecord<Record<string, string>>[]) {
    await this.db.transaction().execute(async (trx) => {
      await repo.saveResults(trx, jobId, results);
      await repo.addCounts(trx, jobId, { processed: results.length, failed: tally(results).failed }, now());
      await repo.finishJob(trx, jobId, "FAILED", "FAILED", now());
    });
  }
}

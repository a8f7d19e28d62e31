import type { FastifyBaseLogger } from "fastify";
import type { Db } from "@server/db/database";
import { gatewayOf } from "@server/features/gateway/gateway";
import { fileContext, type FileContext, processRows, type RowResult, tally } from "./import-jobs.evaluate";
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

export interface RunnerSettings {
  /** Rows a batch (a transaction, in partial mode) takes. */
  batchSize: number;
  /** A pause between batches, for tests that stop a server in the middle of a job. */
  batchDelayMs: number;
}

export const DEFAULT_BATCH_SIZE = 200;

function whole(name: string, value: string | undefined, fallback: number, min: number) {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`Invalid configuration: ${name}=${JSON.stringify(value)}: expected a whole number ≥ ${min}`);
  return n;
}

/** IMPORT_BATCH_SIZE and IMPORT_BATCH_DELAY_MS (testing knobs, documented in the README). */
export function runnerSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): RunnerSettings {
  return {
    batchSize: whole("IMPORT_BATCH_SIZE", env.IMPORT_BATCH_SIZE, DEFAULT_BATCH_SIZE, 1),
    batchDelayMs: whole("IMPORT_BATCH_DELAY_MS", env.IMPORT_BATCH_DELAY_MS, 0, 0),
  };
}

const pause = (ms: number) => new Promise((resolve) => (ms > 0 ? setTimeout(resolve, ms) : setImmediate(resolve)));
const now = () => new Date().toISOString();

/** Thrown inside the atomic transaction to roll it back. */
class Rollback extends Error {
  constructor(readonly results?: RowResult[]) {
    super("rollback");
  }
}

export class ImportJobRunner {
  readonly settings: RunnerSettings;
  private readonly queue: string[] = [];
  private loop: Promise<void> | undefined;
  private stopping = false;

  constructor(
    private readonly db: Db,
    settings: Partial<RunnerSettings> = {},
    private readonly log?: FastifyBaseLogger,
    /** Webex mode: points in a row's life where a test holds the runner, as a crash would stop it. */
    readonly seams: UpstreamSeams = {},
  ) {
    this.settings = { ...runnerSettingsFromEnv(), ...settings };
  }

  enqueue(jobId: string) {
    if (this.stopping || this.queue.includes(jobId)) return;
    this.queue.push(jobId);
    this.kick();
  }

  /** Picks up the jobs a previous run of the server left unfinished. */
  async resumeUnfinished(): Promise<string[]> {
    const ids = await repo.unfinishedJobIds(this.db);
    for (const id of ids) this.enqueue(id);
    if (ids.length) this.log?.info({ jobs: ids }, "resuming unfinished import jobs");
    return ids;
  }

  /** Resolves once every queued job has finished. */
  async idle() {
    while (this.loop) await this.loop;
  }

  /** Lets the batch (Webex mode: the row) in flight commit, then stops; unfinished jobs stay STARTED for the next start. */
  async stop() {
    this.stopping = true;
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
        await this.run(jobId);
      } catch (error) {
        this.log?.error({ err: error, jobId }, "import job failed");
        await repo.finishJob(this.db, jobId, "FAILED", "FAILED", now()).catch(() => undefined);
      }
    }
  }

  private async run(jobId: string) {
    const job = await repo.findJob(this.db, jobId);
    if (job?.status !== "STARTED") return;
    const rows = await repo.allRows(this.db, jobId);
    const file = fileContext(rows, repo.jobScope(job));
    const gateway = gatewayOf(this.db);
    if (gateway) {
      // Refused at upload in Webex mode; one stored before the server turned to Webex cannot run.
      if (job.mode === "atomic") {
        this.log?.warn({ jobId }, "an all-or-nothing import cannot run against Webex: failed");
        await repo.finishJob(this.db, jobId, "FAILED", "FAILED", now());
        return;
      }
      await runUpstreamJob({ db: this.db, gateway, jobId, file, stopping: () => this.stopping, log: this.log, seams: this.seams });
      return;
    }
    if (job.mode === "atomic") await this.runAtomic(jobId, rows, file);
    else await this.runPartial(jobId, file);
  }

  private async runPartial(jobId: string, file: FileContext) {
    const { batchSize, batchDelayMs } = this.settings;
    for (let finished = false; !finished; ) {
      if (this.stopping) return;
      finished = await this.db.transaction().execute(async (trx) => {
        // Read inside the transaction: another runner on this database may have moved the job on.
        const job = await repo.findJob(trx, jobId);
        if (job?.status !== "STARTED") return true;
        const batch = await repo.pendingRows(trx, jobId, batchSize);
        const results = await processRows(trx, batch, file);
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

  private async runAtomic(jobId: string, rows: repo.StoredRow[], file: FileContext) {
    const { batchSize, batchDelayMs } = this.settings;
    try {
      await this.db.transaction().execute(async (trx) => {
        const job = await repo.findJob(trx, jobId);
        if (job?.status !== "STARTED") return;
        const results: RowResult[] = [];
        for (let i = 0; i < rows.length; i += batchSize) {
          if (i > 0) {
            this.log?.debug({ jobId, evaluated: i, total: rows.length }, "import job rows evaluated");
            // The pause (a testing knob) holds the transaction, and so the database, open.
            if (batchDelayMs > 0) await pause(batchDelayMs);
            if (this.stopping) throw new Rollback();
          }
          results.push(...(await processRows(trx, rows.slice(i, i + batchSize), file)));
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
  private async refuseAtomic(jobId: string, results: RowResult[]) {
    await this.db.transaction().execute(async (trx) => {
      await repo.saveResults(trx, jobId, results);
      await repo.addCounts(trx, jobId, { processed: results.length, failed: tally(results).failed }, now());
      await repo.finishJob(trx, jobId, "FAILED", "FAILED", now());
    });
  }
}

import fs from "node:fs";
import http from "node:http";
import { describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { type ImportJob, importJobSchema, importPreviewSchema } from "@domain/schemas/import-job";
import { DEMO_LOCATIONS } from "@server/db/seed";
import { addRows, callParkState, csvOf, type CsvRow, expectConsistent } from "@server/features/import-jobs/test-helpers";
import { asAdmin, inspect, type Lab, lab, type ServerProcess, sleep, startServer, until } from "@server/test/server-process";

// The real server in a real process, stopped with SIGTERM while a request and an import
// are in flight: the request gets its answer, the import's batch in flight commits and
// its job carries on at the next start, the database is closed, the exit code is 0.
// A second signal ends the process at once.

/** 500 rows: every location filled to 100 (94 new each) and its 6 seeded ones renamed. */
function bigFile(): CsvRow[] {
  return DEMO_LOCATIONS.flatMap(({ name }) => [
    ...addRows(name, 94, 7000, (i) => `Imported ${i}`),
    ...Array.from({ length: 6 }, (_, i) => ({ location: name, name: `Renamed ${i + 1}`, extension: String(5001 + i) })),
  ]);
}

async function jobOf(server: ServerProcess, id: string): Promise<ImportJob> {
  return importJobSchema.parse(await (await fetch(server.base + urlOf(api.importJobs.get, { jobId: id }), { headers: asAdmin })).json());
}

/**
 * A CSV preview whose body arrives in two parts: the first now, the rest when `finish`
 * is called. Until then the request is in flight on the server.
 */
async function slowPreview(server: ServerProcess, csv: string) {
  const body = Buffer.from(csv);
  const half = Math.floor(body.length / 2);
  const request = http.request({
    host: "127.0.0.1",
    port: server.port,
    method: "POST",
    path: urlOf(api.importJobs.preview, {}, { mode: "partial" }),
    headers: { ...asAdmin, "content-type": "text/csv", "content-length": body.length },
  });
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request.on("response", (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    request.on("error", reject);
  });
  // Headers and half the body out; once the server logs the request, it has it and waits for the rest.
  const logged = () => server.output().split("\n").filter((line) => line.includes("incoming request") && line.includes("/preview/")).length;
  const before = logged();
  request.write(body.subarray(0, half));
  await until("the server to receive the request", async () => (logged() > before ? true : undefined));
  return { answer, finish: () => request.end(body.subarray(half)) };
}

const slow = { IMPORT_BATCH_SIZE: "50", IMPORT_BATCH_DELAY_MS: "200", LOG_LEVEL: "debug" };

/** `processed` of the last batch the server logged as applied. */
function lastLoggedBatch(output: string): number | undefined {
  const batches = output.split("\n").filter((line) => line.includes("import job batch applied"));
  return batches.length ? (JSON.parse(batches[batches.length - 1]) as { processed: number }).processed : undefined;
}

async function restartAndExpectFinished(place: Lab, id: string) {
  const second = await startServer(place);
  const finished = await until("the job to finish", async () => {
    const job = await jobOf(second, id);
    return job.latestExecutionStatus === "STARTED" ? undefined : job;
  }).catch((error: Error) => {
    throw new Error(`${error.message}:\n${second.output()}`);
  });
  expect(finished).toMatchObject({
    latestExecutionStatus: "COMPLETED",
    latestExecutionExitCode: "COMPLETED",
    counts: { total: 500, processed: 500, created: 470, updated: 30, failed: 0 },
  });
  second.child.kill("SIGTERM");
  expect(await second.exited).toEqual({ code: 0, signal: null });
  await inspect(place.file, async (db) => {
    const { rows } = await callParkState(db);
    expect(rows.filter((r) => r.name.startsWith("Imported "))).toHaveLength(470);
    await expectConsistent(db);
  });
}

describe("a server stopped with SIGTERM", { timeout: 90_000 }, () => {
  it("answers the request in flight, commits the import batch in flight, closes the database and exits 0", async () => {
    const place = lab();
    const server = await startServer(place, slow);
    const upload = await fetch(server.base + urlOf(api.importJobs.create, {}, { mode: "partial", fileName: "big.csv" }), {
      method: "POST",
      headers: { ...asAdmin, "content-type": "text/csv" },
      body: csvOf(bigFile()),
    });
    expect(upload.status).toBe(201);
    const { id } = importJobSchema.parse(await upload.json());
    await until("the job under way", async () => ((await jobOf(server, id)).counts.processed > 0 ? true : undefined));

    const inFlight = await slowPreview(server, csvOf(addRows(DEMO_LOCATIONS[0].name, 20, 8000)));
    server.child.kill("SIGTERM");
    await until("the server to start stopping", async () => (server.output().includes("stopping:") ? true : undefined));
    // No new request is served once the server stops (the connection refused, or a 503 if it slipped in)...
    const fresh = await fetch(`${server.base}/healthz`).then((res) => res.status, () => "refused");
    expect(["refused", 503]).toContain(fresh);
    // ...but the request in flight still is answered, in full.
    inFlight.finish();
    const answer = await inFlight.answer;
    expect(answer.status, answer.body).toBe(200);
    expect(importPreviewSchema.parse(JSON.parse(answer.body)).rows).toHaveLength(20);

    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.output()).toContain('"msg":"stopped"');
    // SQLite folds its write-ahead log back into the file when the last connection closes.
    expect(fs.existsSync(`${place.file}-wal`), "the database was closed").toBe(false);

    await inspect(place.file, async (db) => {
      const job = await db.selectFrom("import_jobs").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
      // Stopped between batches, before the end: whole batches applied, the last one logged among them.
      expect(job.status).toBe("STARTED");
      expect(job.processed % 50).toBe(0);
      expect(job.processed).toBeGreaterThan(0);
      expect(job.processed).toBeLessThan(500);
      expect(job.processed).toBe(lastLoggedBatch(server.output()));
      const done = await db.selectFrom("import_job_rows").select("item_number").where("state", "=", "done").execute();
      expect(done).toHaveLength(job.processed);
      const { rows } = await callParkState(db);
      expect(rows.filter((r) => r.name.startsWith("Imported "))).toHaveLength(job.created);
      await expectConsistent(db);
    });

    await restartAndExpectFinished(place, id);
  });

  it("ends at once on a second signal, without waiting for the request in flight", async () => {
    const place = lab();
    const server = await startServer(place);
    const inFlight = await slowPreview(server, csvOf(addRows(DEMO_LOCATIONS[0].name, 20, 8000)));
    inFlight.answer.catch(() => undefined);
    server.child.kill("SIGTERM");
    await until("the server to start stopping", async () => (server.output().includes("stopping:") ? true : undefined));
    // The first signal waits for the request, which never finishes...
    const early = await Promise.race([server.exited, sleep(1_000).then(() => "still running")]);
    expect(early).toBe("still running");
    // ...the second does not.
    const sent = Date.now();
    server.child.kill("SIGTERM");
    expect(await server.exited).toEqual({ code: 1, signal: null });
    expect(Date.now() - sent).toBeLessThan(2_000);
    expect(server.output()).toContain("second signal: stopping at once");
  });
});

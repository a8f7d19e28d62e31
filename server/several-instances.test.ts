import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { gatewayStatusSchema, type SyncRun } from "@domain/schemas/gateway-status";
import { type ImportJob, importJobSchema } from "@domain/schemas/import-job";
import { type Db, openDatabase } from "@server/db/database";
import { DEMO_ADMINS, DEMO_PASSWORD, DEMO_LOCATIONS } from "@server/db/seed";
import { jobLease } from "@server/features/import-jobs/import-jobs.runner";
import { addRows, csvOf, expectConsistent } from "@server/features/import-jobs/test-helpers";
import { SYNC_LEASE } from "@server/features/gateway/sync";
import { type FaultProxy, type ProxiedRequest, startFaultProxy } from "@server/test/fault-proxy";
import { asAdmin, type Lab, type ServerProcess, startServer, until } from "@server/test/server-process";
import { type StandIn, startStandIn } from "@server/test/standin";
import { createPostgresDatabase, dropPostgresDatabase, TEST_DATABASE_URL, testDatabaseUrl } from "@server/test/test-database";
// eslint-disable-next-line no-restricted-imports -- scripts/ has no alias: the build of the server, as npm start makes it
import { BUILDS, buildServer, root, staleBuilds } from "../scripts/build-server.mjs";

// Two real server processes (the compiled server) on one PostgreSQL database behave as
// one: sessions, the sign-in limiter, import jobs (one instance at a time, taken over
// when it dies) and every change, seen through either at once; in Webex mode, the
// synchronisation with Webex runs on one instance at a time. PostgreSQL only: several
// instances need it (SQLite serves one process).

let compiling: Promise<string> | undefined;

/**
 * The compiled server: dist-server/ when up to date, else a build of its own (not to disturb
 * one in use), made once for every describe of this file.
 */
function compiledServer(): Promise<string> {
  compiling ??= (async () => {
    if (!staleBuilds(root).includes("server")) return path.join(root, BUILDS.server.output);
    const outdir = path.join(root, "node_modules/.cache/cpa-several-instances");
    await buildServer({ outdir });
    return path.join(outdir, "index.js");
  })();
  return compiling;
}

/** Rows per batch, the pause between batches and the lease: an import of a few seconds, taken over within two. */
const SLOW_IMPORT = { IMPORT_BATCH_SIZE: "4", IMPORT_BATCH_DELAY_MS: "100", IMPORT_LEASE_TTL_MS: "1500" };
const IMPORTED_ROWS = 60;

describe.skipIf(!TEST_DATABASE_URL)(
  "two server instances on one PostgreSQL database (skipped without TEST_DATABASE_URL: npm test's PostgreSQL leg sets it)",
  { timeout: 60_000 },
  () => {
    const place: Lab = { file: "", children: new Set() };
    let name = "";
    let db: Db;
    let a: ServerProcess;
    let b: ServerProcess;

    beforeAll(async () => {
      const [compiled, database] = await Promise.all([compiledServer(), createPostgresDatabase()]);
      name = database;
      const env = { DATABASE_URL: testDatabaseUrl(name), ...SLOW_IMPORT };
      // Both at once on an empty database: both migrate and seed it, which must come out as one.
      [a, b] = await Promise.all([startServer(place, env, { compiled }), startServer(place, env, { compiled })]);
      db = await openDatabase(testDatabaseUrl(name), { poolSize: 2 });
    }, 90_000);

    afterAll(async () => {
      for (const child of place.children) child.kill("SIGKILL");
      await db?.destroy();
      if (name) await dropPostgresDatabase(name);
    });

    const call = (server: ServerProcess, e: { method: string }, url: string, init: { headers?: Record<string, string>; body?: unknown } = {}) =>
      fetch(server.base + url, {
        method: e.method,
        headers: { ...(init.body === undefined ? {} : { "content-type": "application/json" }), ...init.headers },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });

    const signIn = (server: ServerProcess, email: string, password: string) =>
      call(server, api.session.signIn, urlOf(api.session.signIn), { body: { email, password } });

    it("seeded the database once, both starting on it at the same moment", async () => {
      expect(await db.selectFrom("organizations").select("id").execute()).toHaveLength(1);
      expect(await db.selectFrom("locations").select("id").execute()).toHaveLength(DEMO_LOCATIONS.length);
      expect(await db.selectFrom("admins").select("email").execute()).toHaveLength(Object.keys(DEMO_ADMINS).length);
    });

    it("takes a session opened on one on the other, and a sign-out on one ends it on the other at once", async () => {
      const res = await signIn(a, DEMO_ADMINS.full.email, DEMO_PASSWORD);
      expect(res.status).toBe(201);
      const cookie = /cpa_session=[^;]+/.exec(res.headers.get("set-cookie") ?? "")?.[0];
      expect(cookie).toBeDefined();
      const { csrfToken } = (await res.json()) as { csrfToken: string };
      const me = await call(b, api.people.me, urlOf(api.people.me), { headers: { cookie: cookie! } });
      expect(me.status).toBe(200);
      expect(await me.json()).toMatchObject({ emails: [DEMO_ADMINS.full.email] });

      const out = await call(a, api.session.signOut, urlOf(api.session.signOut), { headers: { cookie: cookie!, "x-csrf-token": csrfToken } });
      expect(out.status).toBe(204);
      const after = await call(b, api.people.me, urlOf(api.people.me), { headers: { cookie: cookie! } });
      expect(after.status).toBe(401);
    });

    it("refuses a personal access token revoked on one on the other at once", async () => {
      const res = await signIn(a, DEMO_ADMINS.full.email, DEMO_PASSWORD);
      const cookie = /cpa_session=[^;]+/.exec(res.headers.get("set-cookie") ?? "")![0];
      const { csrfToken } = (await res.json()) as { csrfToken: string };
      const session = { cookie, "x-csrf-token": csrfToken };
      const created = await call(a, api.people.createAccessToken, urlOf(api.people.createAccessToken), { headers: session, body: { name: "Script" } });
      expect(created.status).toBe(201);
      const { id, token } = (await created.json()) as { id: string; token: string };
      const bearer = { authorization: `Bearer ${token}` };
      // Used on B (and so known to it) before it is revoked on A.
      expect((await call(b, api.people.me, urlOf(api.people.me), { headers: bearer })).status).toBe(200);
      const revoked = await call(a, api.people.revokeAccessToken, urlOf(api.people.revokeAccessToken, { tokenId: id }), { headers: session });
      expect(revoked.status).toBe(204);
      expect((await call(b, api.people.me, urlOf(api.people.me), { headers: bearer })).status).toBe(401);
    });

    it("counts failed sign-ins across both: failures alternated between them reach the limit, refused on either", async () => {
      const email = DEMO_ADMINS.readOnly.email;
      // The default limit: 5 failures for one account.
      for (let i = 0; i < 5; i++) expect((await signIn(i % 2 ? b : a, email, `guess ${i}`)).status).toBe(401);
      for (const server of [a, b]) {
        const refused = await signIn(server, email, DEMO_PASSWORD);
        expect(refused.status).toBe(429);
        expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
        expect(await refused.json()).toMatchObject({ code: "tooManySignInAttempts" });
      }
    });

    it("shows a change made through one through the other at once", async () => {
      const location = await db.selectFrom("locations").select("id").where("name", "=", DEMO_LOCATIONS[1].name).executeTakeFirstOrThrow();
      const created = await call(a, api.callParkExtensions.create, urlOf(api.callParkExtensions.create, { locationId: location.id }), {
        headers: asAdmin,
        body: { name: "Made on A", extension: "6901" },
      });
      expect(created.status).toBe(201);
      const { id } = (await created.json()) as { id: string };
      const address = urlOf(api.callParkExtensions.get, { locationId: location.id, callParkExtensionId: id });
      const onB = await call(b, api.callParkExtensions.get, address, { headers: asAdmin });
      expect(onB.status).toBe(200);
      expect(await onB.json()).toMatchObject({ name: "Made on A", extension: "6901" });
      const list = await call(b, api.callParkExtensions.list, urlOf(api.callParkExtensions.list, {}, { name: "Made on A" }), { headers: asAdmin });
      expect((await list.json()) as unknown).toMatchObject({ callParkExtensions: [{ id, name: "Made on A" }] });
    });

    it("runs an import on one instance at a time; when it is killed, the other takes the job over and applies every row exactly once", async () => {
      const locationName = DEMO_LOCATIONS[0].name;
      const rows = addRows(locationName, IMPORTED_ROWS, 7000, (i) => `Imported ${i}`);
      const uploaded = await fetch(a.base + urlOf(api.importJobs.create, {}, { mode: "partial", fileName: "instances.csv" }), {
        method: "POST",
        headers: { ...asAdmin, "content-type": "text/csv" },
        body: csvOf(rows),
      });
      expect(uploaded.status).toBe(201);
      const { id } = importJobSchema.parse(await uploaded.json());
      const jobOn = async (server: ServerProcess): Promise<ImportJob> =>
        importJobSchema.parse(await (await fetch(server.base + urlOf(api.importJobs.get, { jobId: id }), { headers: asAdmin })).json());

      // Under way: a few batches in, and one instance holding the job's lease.
      const lease = await until("the job under way", async () => {
        const job = await jobOn(b);
        const held = await db.selectFrom("leases").selectAll().where("name", "=", jobLease(id)).executeTakeFirst();
        return job.counts.processed >= 8 && held ? held : undefined;
      });
      // The instance running it (the one it was uploaded to, unless the other's watch was quicker) dies.
      const [running, other] = lease.owner.startsWith(`${a.child.pid}-`) ? [a, b] : [b, a];
      expect(lease.owner.startsWith(`${running.child.pid}-`)).toBe(true);
      const killed = running.exited;
      running.child.kill("SIGKILL");
      await killed;
      const left = await db.selectFrom("import_jobs").select(["status", "processed"]).where("id", "=", id).executeTakeFirstOrThrow();
      expect(left.status).toBe("STARTED");
      expect(left.processed).toBeLessThan(IMPORTED_ROWS);

      const finished = await until("the other instance to finish the job", async () => {
        const job = await jobOn(other);
        return job.latestExecutionStatus === "STARTED" ? undefined : job;
      });
      expect(other.output()).toContain("taking over import jobs whose instance stopped");
      expect(finished).toMatchObject({
        latestExecutionStatus: "COMPLETED",
        latestExecutionExitCode: "COMPLETED",
        counts: { total: IMPORTED_ROWS, processed: IMPORTED_ROWS, created: IMPORTED_ROWS, updated: 0, failed: 0 },
      });

      // Every row applied exactly once: each extension there once, each row done once, one audit entry.
      const extensions = await db
        .selectFrom("call_park_extensions")
        .select(["name", "extension"])
        .where("name", "like", "Imported %")
        .orderBy("extension")
        .execute();
      expect(extensions).toEqual(rows.map((r) => ({ name: r.name, extension: r.extension })));
      const outcomes = await db.selectFrom("import_job_rows").select(["state", "outcome"]).where("job_id", "=", id).execute();
      expect(outcomes).toHaveLength(IMPORTED_ROWS);
      expect(outcomes.every((r) => r.state === "done" && r.outcome === "CREATE")).toBe(true);
      const audit = await db.selectFrom("audit_events").select(["action"]).where("object_id", "=", id).execute();
      expect(audit).toEqual([{ action: "IMPORT" }]);
      await expectConsistent(db);
    });
  },
);

/** Added to every call to Webex: a synchronisation then takes a second or two, long enough for two to overlap if they could. */
const WEBEX_LATENCY_MS = 200;
/** How the gateway names a synchronisation's calls to Webex (their TrackingID): one id per run. */
const SYNC_TRACKING_PREFIX = "CPA_SYNC_";

type ExtensionList = { callParkExtensions: { id: string; name: string; extension: string }[] };

interface SyncSpan {
  trackingId: string;
  /** When Webex received its first call. */
  from: number;
  /** When its last call ended. */
  to: number;
  calls: number;
}

/** Each synchronisation as Webex saw it, in the order they began: from its first call's arrival to its last call's end. */
function syncSpans(requests: readonly ProxiedRequest[]): SyncSpan[] {
  const spans = new Map<string, SyncSpan>();
  for (const r of requests) {
    if (!r.trackingId?.startsWith(SYNC_TRACKING_PREFIX)) continue;
    const span = spans.get(r.trackingId) ?? { trackingId: r.trackingId, from: r.receivedAt, to: r.receivedAt, calls: 0 };
    span.from = Math.min(span.from, r.receivedAt);
    // A call still in flight has not ended: its run lasts until now at least.
    span.to = Math.max(span.to, r.endedAt ?? Date.now());
    span.calls += 1;
    spans.set(r.trackingId, span);
  }
  return [...spans.values()].sort((x, y) => x.from - y.from);
}

/** Pairs of synchronisations Webex saw at the same time (sorted by start: each must end before the next begins). */
function overlapping(spans: SyncSpan[]) {
  return spans.slice(1).flatMap((next, i) => (spans[i].to > next.from ? [{ first: spans[i], second: next }] : []));
}

describe.skipIf(!TEST_DATABASE_URL)(
  "two gateway instances (Webex mode) on one PostgreSQL database (skipped without TEST_DATABASE_URL: npm test's PostgreSQL leg sets it)",
  { timeout: 60_000 },
  () => {
    const place: Lab = { file: "", children: new Set() };
    let name = "";
    let db: Db;
    let standin: StandIn;
    let webex: FaultProxy;
    let a: ServerProcess;
    let b: ServerProcess;

    beforeAll(async () => {
      const [compiled, database, started] = await Promise.all([compiledServer(), createPostgresDatabase(), startStandIn()]);
      name = database;
      standin = started;
      // Every call of both instances to Webex goes through it, slowed down, and is recorded.
      webex = await startFaultProxy({ target: standin.url });
      webex.latencyMs = WEBEX_LATENCY_MS;
      // No scheduled synchronisation: only the one at start and those asked for.
      const env = { DATABASE_URL: testDatabaseUrl(name), WEBEX_API_URL: webex.url, WEBEX_ACCESS_TOKEN: standin.token, WEBEX_SYNC_INTERVAL: "0" };
      [a, b] = await Promise.all([startServer(place, env, { compiled }), startServer(place, env, { compiled })]);
      db = await openDatabase(testDatabaseUrl(name), { poolSize: 2 });
    }, 90_000);

    afterAll(async () => {
      for (const child of place.children) child.kill("SIGKILL");
      await webex?.close();
      await standin?.close();
      await db?.destroy();
      if (name) await dropPostgresDatabase(name);
    });

    const statusOf = async (server: ServerProcess) =>
      gatewayStatusSchema.parse(await (await fetch(server.base + urlOf(api.gateway.status), { headers: asAdmin })).json());

    /** The instance's own last synchronisation, once one begun at `since` or later has ended. */
    const synchronizedSince = (server: ServerProcess, since: number) =>
      until(`the synchronisation of the instance on port ${server.port}`, async () => {
        const status = await statusOf(server);
        const run = status.lastSync;
        return !status.syncing && run?.finishedAt && Date.parse(run.startedAt) >= since ? run : undefined;
      }, 30_000);

    /** Each instance's run, one ending before the other begins. */
    const expectOneAfterTheOther = (runs: SyncRun[]) => {
      for (const run of runs) expect(run).toMatchObject({ outcome: "succeeded", errors: [] });
      const [first, second] = [...runs].sort((x, y) => Date.parse(x.startedAt) - Date.parse(y.startedAt));
      expect(Date.parse(first.finishedAt!)).toBeLessThanOrEqual(Date.parse(second.startedAt));
    };

    const listOn = async (server: ServerProcess) => {
      const res = await fetch(server.base + urlOf(api.callParkExtensions.list), { headers: asAdmin });
      expect(res.status).toBe(200);
      return (await res.json()) as ExtensionList;
    };

    it("synchronises at start on one instance, then the other, both starting at the same moment", async () => {
      const runs = await Promise.all([synchronizedSince(a, 0), synchronizedSince(b, 0)]);
      expectOneAfterTheOther(runs);
      const spans = syncSpans(webex.requests);
      expect(spans).toHaveLength(2);
      expect(overlapping(spans)).toEqual([]);
    });

    it("runs a synchronisation asked of both at the same moment on one at a time, and both answer the mirror Webex now holds", async () => {
      // A change made in Webex (Control Hub, another tool) since the synchronisations at start.
      const sanJose = await standin.db.selectFrom("locations").select("id").where("name", "=", DEMO_LOCATIONS[0].name).executeTakeFirstOrThrow();
      const made = await standin.app.inject({
        method: api.callParkExtensions.create.method,
        url: urlOf(api.callParkExtensions.create, { locationId: sanJose.id }),
        headers: asAdmin,
        payload: { name: "Made in Webex", extension: "6951" },
      });
      expect(made.statusCode).toBe(201);
      const { id } = made.json<{ id: string }>();
      const before = webex.requests.length;

      const asked = Date.now();
      const answers = await Promise.all(
        [a, b].map(async (server) => {
          const res = await fetch(server.base + urlOf(api.gateway.sync), { method: api.gateway.sync.method, headers: asAdmin });
          expect(res.status).toBe(200);
          return gatewayStatusSchema.parse(await res.json());
        }),
      );
      // Both took the request: one runs it, the other waits for it to end to run its own.
      for (const answer of answers) expect(answer.syncing).toBe(true);
      expectOneAfterTheOther(await Promise.all([synchronizedSince(a, asked), synchronizedSince(b, asked)]));

      // As Webex saw them: two runs (none left over from the runs at start), each of many
      // calls, never at the same time.
      const spans = syncSpans(webex.requests.slice(before));
      expect(spans).toHaveLength(2);
      for (const span of spans) expect(span.calls).toBeGreaterThan(DEMO_LOCATIONS.length);
      expect(overlapping(spans)).toEqual([]);
      expect(await db.selectFrom("leases").selectAll().where("name", "=", SYNC_LEASE).executeTakeFirst()).toBeUndefined();

      // One mirror, answered the same by both, and what Webex holds; the change found once.
      const [onA, onB] = await Promise.all([listOn(a), listOn(b)]);
      expect(onB).toEqual(onA);
      const inWebex = await standin.app.inject({ method: "GET", url: urlOf(api.callParkExtensions.list), headers: asAdmin });
      const essentials = ({ callParkExtensions }: ExtensionList) =>
        callParkExtensions.map((c) => ({ id: c.id, name: c.name, extension: c.extension })).sort((x, y) => x.id.localeCompare(y.id));
      expect(essentials(onA)).toEqual(essentials(inWebex.json<ExtensionList>()));
      expect(onA.callParkExtensions).toContainEqual(expect.objectContaining({ id, name: "Made in Webex", extension: "6951" }));
      const found = await db.selectFrom("audit_events").select(["action", "origin"]).where("object_id", "=", id).execute();
      expect(found).toEqual([{ action: "CREATE", origin: "upstream" }]);
    });
  },
);

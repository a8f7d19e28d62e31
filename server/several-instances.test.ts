import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { type ImportJob, importJobSchema } from "@domain/schemas/import-job";
import { type Db, openDatabase } from "@server/db/database";
import { DEMO_ADMINS, DEMO_PASSWORD, DEMO_LOCATIONS } from "@server/db/seed";
import { jobLease } from "@server/features/import-jobs/import-jobs.runner";
import { addRows, csvOf, expectConsistent } from "@server/features/import-jobs/test-helpers";
import { asAdmin, type Lab, type ServerProcess, startServer, until } from "@server/test/server-process";
import { createPostgresDatabase, dropPostgresDatabase, TEST_DATABASE_URL, testDatabaseUrl } from "@server/test/test-database";
// eslint-disable-next-line no-restricted-imports -- scripts/ has no alias: the build of the server, as npm start makes it
import { BUILDS, buildServer, root, staleBuilds } from "../scripts/build-server.mjs";

// Two real server processes (the compiled server) on one PostgreSQL database behave as
// one: sessions, the sign-in limiter, import jobs (one instance at a time, taken over
// when it dies) and every change, seen through either at once. PostgreSQL only: several
// instances need it (SQLite serves one process).

/** The compiled server: dist-server/ when up to date, else a build of its own (not to disturb one in use). */
async function compiledServer(): Promise<string> {
  if (!staleBuilds(root).includes("server")) return path.join(root, BUILDS.server.output);
  const outdir = path.join(root, "node_modules/.cache/cpa-several-instances");
  await buildServer({ outdir });
  return path.join(outdir, "index.js");
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

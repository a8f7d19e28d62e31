import os from "node:os";
import path from "node:path";
import fs from "node:fs";
import { performance } from "node:perf_hooks";
import type { FastifyInstance } from "fastify";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { buildApp } from "@server/app";
import { type Db, openDatabase } from "@server/db/database";
import { DEMO_ADMINS, DEMO_PASSWORD, demoAdminId, insertOrganization, seedDemoAdministrators, seedDemoOrganization } from "@server/db/seed";
import { sha256 } from "@server/features/auth/secrets";
import type { BenchPostgres, Figure } from "./bench-support";
import { asAdmin, BENCH_TOKEN, buildLargeOrganization } from "./large-org";

const LOCATIONS = 1000;
const PER_LOCATION = 100;
const CALLS = 51;

/** Each budgeted call, at 1,000 × 100: at most this long, and at most this many times the same call on the demo organisation. */
const BUDGET_MS = 5;
const BUDGET_RATIO = 1.5;

/** A location administrator's access token (the demo one, of one location), to time a scoped list. */
const LOCATION_ADMIN_TOKEN = "bench-location-admin-token-not-a-secret";
const asLocationAdmin = { authorization: `Bearer ${LOCATION_ADMIN_TOKEN}` };

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

interface Case {
  label: string;
  url: string;
  /** The call on the demo organisation, when not the same. */
  demoUrl?: string;
  /**
   * A page at this fraction of each organisation's list: the full page holding the row there
   * (start = that row, or the list's last full page when fewer than `max` rows follow it).
   * `url` and `demoUrl` are worked out from each organisation's total.
   */
  at?: number;
  headers?: Record<string, string>;
  /** Held to BUDGET_MS and BUDGET_RATIO. */
  budgeted?: boolean;
}

const extensions = api.callParkExtensions.list;
const PAGE = 25;
/** The first row of the full page at `fraction` of a list of `total` rows. */
const startAt = (fraction: number, total: number) => Math.max(0, Math.min(Math.floor(total * fraction), total - PAGE));
const CASES: Case[] = [
  { label: "first page (max=25)", url: urlOf(extensions, {}, { max: PAGE }), budgeted: true },
  // The page at 90% of each list, 25 rows on both (start=90000 of the 100,000; of the demo's
  // 30, the last full page, start=5, holding row 27): the cost of a deep page, not of its rows.
  { label: "page at 90%", url: "", at: 0.9, budgeted: true },
  // The same URL on both: the demo's answer is an empty page, past its end; shown, not budgeted.
  { label: "start=90000 on both (demo's: empty)", url: urlOf(extensions, {}, { max: PAGE, start: 90000 }) },
  { label: "name search (q=park 0)", url: urlOf(extensions, {}, { max: PAGE, q: "park 0" }), budgeted: true },
  { label: "extension search (q=5004)", url: urlOf(extensions, {}, { max: PAGE, q: "5004" }), budgeted: true },
  { label: "card count (max=1)", url: urlOf(extensions, {}, { max: 1 }), budgeted: true },
  { label: "sort by location (locationName-desc)", url: urlOf(extensions, {}, { max: PAGE, order: "locationName-desc" }) },
  {
    label: "sort by location, SPA order, page 100",
    url: urlOf(extensions, {}, { max: PAGE, start: 2475, order: "locationName-asc,name-asc" }),
  },
  { label: "short name search (q=pa)", url: urlOf(extensions, {}, { max: PAGE, q: "pa" }) },
  { label: "name filter (name=estacionamento 1)", url: urlOf(extensions, {}, { max: PAGE, name: "estacionamento 1" }) },
  { label: "location admin, first page", url: urlOf(extensions, {}, { max: PAGE }), headers: asLocationAdmin },
  { label: "call park groups card count (max=1)", url: urlOf(api.callParks.orgList, {}, { max: 1 }) },
  { label: "locations with counts (max=1000)", url: urlOf(api.locations.list, {}, { max: 1000, include: "callParkCounts" }) },
];

/** A new database holding an organisation, an app on it and the tokens the cases use. */
async function benchServer(databaseUrl: string, name: string, fill: (db: Db) => Promise<unknown>) {
  const db = await openDatabase(databaseUrl);
  await fill(db);
  await seedDemoAdministrators(db);
  await db
    .insertInto("access_tokens")
    .values({
      id: `bench-${name}`,
      admin_id: demoAdminId(DEMO_ADMINS.location.email),
      name: "bench",
      token_hash: sha256(LOCATION_ADMIN_TOKEN),
      hint: "bench",
      created_at: new Date().toISOString(),
      last_used_at: new Date().toISOString(),
    })
    .execute();
  // The lists' answers are read each time (none kept: these figures are of the queries);
  // a second app on the same database keeps them as the server does.
  const app = await buildApp({ db, adminToken: BENCH_TOKEN, keepListAnswers: false });
  const keeping = await buildApp({ db, adminToken: BENCH_TOKEN });
  return { db, app, keeping };
}

async function call(app: FastifyInstance, { url, headers = asAdmin }: { url: string; headers?: Record<string, string> }) {
  const t = performance.now();
  const res = await app.inject({ method: "GET", url, headers });
  const elapsed = performance.now() - t;
  if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}: ${res.body}`);
  return elapsed;
}

/** Median times of a case on both organisations, their calls taken in turns so that both meet the same load of the machine. */
async function compare(large: Bench, demo: Bench, c: Case, kept = false) {
  const onLarge: number[] = [];
  const onDemo: number[] = [];
  // The first calls warm the caches (statements, pages, checkpoints, the token's administrator).
  const onDemoCase = { ...c, url: c.demoUrl ?? c.url };
  const [onLargeApp, onDemoApp] = kept ? [large.keeping, demo.keeping] : [large.app, demo.app];
  for (let i = 0; i < 3; i++) await Promise.all([call(onLargeApp, c), call(onDemoApp, onDemoCase)]);
  for (let i = 0; i < CALLS; i++) {
    onLarge.push(await call(onLargeApp, c));
    onDemo.push(await call(onDemoApp, onDemoCase));
  }
  return { onLarge: median(onLarge), onDemo: median(onDemo) };
}

type Bench = Awaited<ReturnType<typeof benchServer>>;

/** The case's page at `fraction` of each organisation's list, from each one's total (X-Total-Count). */
async function atFraction(large: Bench, demo: Bench, c: Case, fraction: number): Promise<Case> {
  const totalOf = async ({ app }: Bench) => {
    const res = await app.inject({ method: "GET", url: urlOf(extensions, {}, { max: 1 }), headers: c.headers ?? asAdmin });
    return Number(res.headers["x-total-count"]);
  };
  const [onLarge, onDemo] = [startAt(fraction, await totalOf(large)), startAt(fraction, await totalOf(demo))];
  return {
    ...c,
    label: `${c.label} (start=${onLarge}, demo ${onDemo})`,
    url: urlOf(extensions, {}, { max: PAGE, start: onLarge }),
    demoUrl: urlOf(extensions, {}, { max: PAGE, start: onDemo }),
  };
}
const SECTION = "list API";
const ms = (v: number) => `${v.toFixed(2)} ms`.padStart(9);

/**
 * Every case on one database (`databaseUrl` gives a new, empty one for each organisation):
 * the large organisation and the demo one written, then each case's medians on both, the
 * first page asked again unchanged (kept), and signing in.
 */
async function onDatabase(label: string, databaseUrl: (name: "large" | "demo") => Promise<string>) {
  let t = performance.now();
  const large = await benchServer(await databaseUrl("large"), "large", (db) => insertOrganization(db, buildLargeOrganization(LOCATIONS, PER_LOCATION)));
  console.log(`  ${label}: seeded ${LOCATIONS} locations × ${PER_LOCATION} call park extensions in ${(performance.now() - t).toFixed(0)} ms`);
  const demo = await benchServer(await databaseUrl("demo"), "demo", seedDemoOrganization);
  try {
    const cases: { onLarge: number; onDemo: number; label: string }[] = [];
    for (const c of CASES) {
      const resolved = c.at === undefined ? c : await atFraction(large, demo, c, c.at);
      cases.push({ ...(await compare(large, demo, resolved)), label: resolved.label });
    }
    const kept = await compare(large, demo, CASES[0], true);
    // Signing in costs one scrypt hash (N=2^17, 128 MiB): slow on purpose, against guessing.
    const signIn = api.session.signIn;
    const signIns: number[] = [];
    for (let i = 0; i < 5; i++) {
      t = performance.now();
      const payload = { email: DEMO_ADMINS.full.email, password: DEMO_PASSWORD };
      const res = await large.app.inject({ method: signIn.method, url: urlOf(signIn), payload });
      if (res.statusCode !== signIn.status) throw new Error(`sign-in answered ${res.statusCode}`);
      signIns.push(performance.now() - t);
    }
    return { cases, kept, signInMs: median(signIns) };
  } finally {
    for (const { app, keeping, db } of [large, demo]) {
      await app.close();
      await keeping.close();
      await db.destroy();
    }
  }
}

/**
 * Times the list calls in-process against 1,000 locations × 100 call park extensions and the
 * demo organisation, each read anew (the database changed just before it), on SQLite and, when
 * given, on PostgreSQL too; returns the budgeted cases' figures for the summary table.
 */
export async function benchListApi(postgres?: BenchPostgres): Promise<Figure[]> {
  const figures: Figure[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cpa-bench-"));
  const drops: (() => Promise<void>)[] = [];
  let sqlite: Awaited<ReturnType<typeof onDatabase>>;
  let onPostgres: typeof sqlite | undefined;
  try {
    sqlite = await onDatabase("SQLite", async (name) => `sqlite:${path.join(dir, `${name}.sqlite`)}`);
    if (postgres) {
      onPostgres = await onDatabase("PostgreSQL", async (name) => {
        const database = await postgres.createDatabase(`api_${name}`);
        drops.push(database.drop);
        return database.url;
      });
    }
  } finally {
    for (const drop of drops) await drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }

  console.log(`  GET, median of ${CALLS} calls, each read from the database (no answer kept); budget at ${LOCATIONS} × ${PER_LOCATION}: ≤ ${BUDGET_MS} ms and ≤ ${BUDGET_RATIO}× demo (SQLite's)`);
  const columns = (name: string) => `${`${name} large`.padStart(16)} ${"demo".padStart(9)} ${"ratio".padStart(6)}`;
  console.log(`  ${"case".padEnd(40)} ${columns("SQLite")}${onPostgres ? ` ${columns("PostgreSQL")}` : ""}  budget`);
  const cells = ({ onLarge, onDemo }: { onLarge: number; onDemo: number }) =>
    `${ms(onLarge).padStart(16)} ${ms(onDemo)} ${`${(onLarge / onDemo).toFixed(2)}×`.padStart(6)}`;
  CASES.forEach((c, i) => {
    const { onLarge, onDemo, label } = sqlite.cases[i];
    const pg = onPostgres?.cases[i];
    const ratio = onLarge / onDemo;
    const verdict = !c.budgeted
      ? "(not budgeted)"
      : onLarge <= BUDGET_MS && ratio <= BUDGET_RATIO
        ? "within"
        : `OVER (≤ ${BUDGET_MS} ms and ≤ ${BUDGET_RATIO}×)`;
    console.log(`  ${label.padEnd(40)} ${cells(sqlite.cases[i])}${pg ? ` ${cells(pg)}` : ""}  ${verdict}`);
    if (c.budgeted) {
      const at = `${LOCATIONS} × ${PER_LOCATION}`;
      figures.push(
        { section: SECTION, name: `${label}, ${at}`, value: onLarge, unit: "ms", max: BUDGET_MS, digits: 2, postgres: pg?.onLarge },
        { section: SECTION, name: `${label}, ${at} ÷ demo`, value: ratio, unit: "×", max: BUDGET_RATIO, digits: 2, postgres: pg && pg.onLarge / pg.onDemo },
      );
    }
  });
  // The same first page asked again with nothing written between: the answer kept.
  const keptCells = ({ onLarge, onDemo }: { onLarge: number; onDemo: number }) => `${ms(onLarge).padStart(16)} ${ms(onDemo)} ${"".padStart(6)}`;
  console.log(`  ${`${CASES[0].label}, asked again unchanged (kept)`.padEnd(40)} ${keptCells(sqlite.kept)}${onPostgres ? ` ${keptCells(onPostgres.kept)}` : ""}`);
  const signIn = api.session.signIn;
  const onPostgresSignIn = onPostgres ? `; PostgreSQL ${onPostgres.signInMs.toFixed(0)} ms` : "";
  console.log(`  ${signIn.method} ${urlOf(signIn)} (sign-in): median of 5 calls, SQLite ${sqlite.signInMs.toFixed(0)} ms${onPostgresSignIn}`);
  return figures;
}

// Run alone: node --import tsx scripts/bench-api.ts
if (import.meta.url === `file://${process.argv[1]}`) {
  benchListApi().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { freePort } from "@server/test/free-port";
import { type BenchPostgres, describe, type Figure, formatValue, median, root, rssOf, startBuiltServer } from "./bench-support";
import { asAdmin } from "./large-org";

// The compiled server in a process of its own, as it runs in production: its throughput
// under 200 concurrent clients next to a bare Fastify server answering the same bytes, and
// how fast it starts and how much memory it holds once started.

const CONNECTIONS = 200;
const WARM_UP_S = 1;
const DURATION_S = 5;
const LARGE = { locations: 1000, perLocation: 100 };
const THROUGHPUT_BUDGET_PERCENT = 40;
const P99_BUDGET_MS = 50;
const START_BUDGET_MS = 600;
const MEMORY_BUDGET_MB = 110;
const STARTS = 3;
/** Turns of (bare, ours) per organisation: the machine is shared, so each is measured right beside the bare server. */
const ROUNDS = 2;
const IDLE_MS = 2000;
// The limiter stays on the requests' path, as in production, but far above what the bench sends.
const RATE_LIMIT = 1_000_000;
const SECTION = "server";
const FIRST_PAGE = urlOf(api.callParkExtensions.list, {}, { max: 25 });

interface Load {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  timeouts: number;
  errors: number;
  non2xx: number;
}

/**
 * A warm-up (a few clients for a second, then one request that waits behind any still in
 * flight, so no backlog is left), then `DURATION_S` seconds of `CONNECTIONS` clients asking
 * for the first page. p99 is over the answered requests; none answered counts as infinite.
 * Several origins (instances of the server on one database): the clients are shared out
 * evenly, one autocannon run per origin, all at once; req/s summed, the worst p50 and p99.
 */
async function load(...origins: string[]): Promise<Load> {
  const headers = { ...asAdmin };
  const each = await Promise.all(
    origins.map(async (origin) => {
      const url = `${origin}${FIRST_PAGE}`;
      await autocannon({ url, headers, connections: Math.ceil(10 / origins.length), duration: WARM_UP_S });
      await fetch(url, { headers }).then((r) => r.arrayBuffer());
    }),
  ).then(() => Promise.all(origins.map((origin) => autocannon({ url: `${origin}${FIRST_PAGE}`, headers, connections: CONNECTIONS / origins.length, duration: DURATION_S }))));
  const answered = each.every((result) => result.requests.total > 0);
  const sum = (pick: (result: Awaited<ReturnType<typeof autocannon>>) => number) => each.reduce((total, result) => total + pick(result), 0);
  return {
    requestsPerSecond: sum((result) => result.requests.average),
    p50: answered ? Math.max(...each.map((result) => result.latency.p50)) : Number.POSITIVE_INFINITY,
    p99: answered ? Math.max(...each.map((result) => result.latency.p99)) : Number.POSITIVE_INFINITY,
    timeouts: sum((result) => result.timeouts),
    errors: sum((result) => result.errors),
    non2xx: sum((result) => result.non2xx),
  };
}

const BARE_SERVER = `
import fs from "node:fs";
import Fastify from "fastify";
const body = fs.readFileSync(process.env.BODY_FILE);
const app = Fastify();
app.get(process.env.ROUTE, (_request, reply) => reply.type(process.env.CONTENT_TYPE).send(body));
await app.listen({ port: Number(process.env.PORT), host: "127.0.0.1" });
`;

/** A bare Fastify server in its own process answering `body` on the first page's route, nothing else. */
async function startBareServer(body: Buffer, contentType: string, dir: string) {
  const bodyFile = path.join(dir, "first-page.json");
  fs.writeFileSync(bodyFile, body);
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["--input-type=module", "-e", BARE_SERVER], {
    cwd: root,
    env: { ...process.env, PORT: String(port), BODY_FILE: bodyFile, ROUTE: FIRST_PAGE.split("?")[0], CONTENT_TYPE: contentType },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  for (let ready = false; !ready; ) {
    if (child.exitCode !== null) throw new Error("the bare server exited");
    ready = await fetch(`${origin}${FIRST_PAGE}`).then((r) => r.ok, () => false);
    if (!ready) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { origin, stop: async () => (kill(child), await exited) };
}

function kill(child: ChildProcess) {
  if (child.exitCode === null) child.kill("SIGTERM");
}

/** `npm run seed:large`'s own script writes the large organisation, in its own process. */
function writeLargeOrganization(databaseUrl: string) {
  return new Promise<void>((resolve, reject) => {
    const args = ["--import", "tsx", "scripts/generate-large-org.ts", "--locations", String(LARGE.locations), "--per-location", String(LARGE.perLocation), "--database", databaseUrl];
    const child = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`seed:large exited with ${code}`))));
  });
}

const ms = (value: number) => (Number.isFinite(value) ? `${String(value).padStart(4)} ms` : "none answered");

/**
 * `ROUNDS` turns of the bare server then ours, one right after the other, so both meet the
 * same load of the machine: req/s summed over the turns, the worst p99, errors summed.
 */
async function beside(bareOrigin: string, ...origins: string[]): Promise<{ bare: Load; ours: Load }> {
  const bare: Load[] = [];
  const ours: Load[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    bare.push(await load(bareOrigin));
    ours.push(await load(...origins));
  }
  return { bare: combined(bare), ours: combined(ours) };
}

function combined(loads: Load[]): Load {
  const sum = (pick: (l: Load) => number) => loads.reduce((total, l) => total + pick(l), 0);
  return {
    requestsPerSecond: sum((l) => l.requestsPerSecond) / loads.length,
    p50: median(loads.map((l) => l.p50)),
    p99: Math.max(...loads.map((l) => l.p99)),
    timeouts: sum((l) => l.timeouts),
    errors: sum((l) => l.errors),
    non2xx: sum((l) => l.non2xx),
  };
}

function printLoad(label: string, l: Load, bare?: Load) {
  const share = bare ? ` (${((100 * l.requestsPerSecond) / bare.requestsPerSecond).toFixed(0)}% of bare)` : "";
  console.log(
    `  ${label.padEnd(42)} ${l.requestsPerSecond.toFixed(0).padStart(6)} req/s${share.padEnd(16)} p50 ${ms(l.p50)}  p99 ${ms(l.p99)}  ` +
      `timeouts ${l.timeouts}, errors ${l.errors}, non-2xx ${l.non2xx}`,
  );
}

function loadFigures(org: string, l: Load, bare: Load): Figure[] {
  return [
    { section: SECTION, name: `req/s under ${CONNECTIONS} clients, ${org}, % of bare`, value: (100 * l.requestsPerSecond) / bare.requestsPerSecond, unit: "%", min: THROUGHPUT_BUDGET_PERCENT, digits: 0 },
    { section: SECTION, name: `p99 latency under ${CONNECTIONS} clients, ${org}`, value: l.p99, unit: "ms", max: P99_BUDGET_MS, digits: 0 },
    { section: SECTION, name: `timeouts + errors + non-2xx, ${org}`, value: l.timeouts + l.errors + l.non2xx, unit: "", max: 0, digits: 0 },
  ];
}

/** From spawn to the first 200 on /healthz, then the resident memory after `IDLE_MS` idle; median of `STARTS`. */
async function startAndMemory(databaseUrl: string) {
  const starts: number[] = [];
  const rss: number[] = [];
  for (let i = 0; i < STARTS; i++) {
    const server = await startBuiltServer({ databaseUrl, seed: "demo" });
    starts.push(server.startMs);
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    rss.push(await rssOf(server.child.pid!));
    await server.stop();
  }
  return { startMs: median(starts), rssMb: median(rss) / 1024 / 1024, starts, rss };
}

/** The PostgreSQL runs: one instance on each organisation, then two on the large one. */
interface OnPostgres {
  demo: { bare: Load; ours: Load };
  large: { bare: Load; ours: Load };
  twoInstances: { bare: Load; ours: Load };
  start: Awaited<ReturnType<typeof startAndMemory>>;
}

/**
 * The same runs on PostgreSQL, beside the same bare server: the compiled server on a new demo
 * database and on a new 1,000 × 100 one, then two instances of it on that one database with the
 * clients shared out between them; then its start and idle memory on the demo database.
 */
async function onPostgres(postgres: BenchPostgres, bareOrigin: string): Promise<OnPostgres> {
  const demoDb = await postgres.createDatabase("load_demo");
  const largeDb = await postgres.createDatabase("load_large");
  try {
    await writeLargeOrganization(largeDb.url);
    const demo = await startBuiltServer({ databaseUrl: demoDb.url, seed: "demo", apiRateLimit: RATE_LIMIT });
    const onDemo = await beside(bareOrigin, demo.origin).finally(() => demo.stop());
    const first = await startBuiltServer({ databaseUrl: largeDb.url, seed: "none", apiRateLimit: RATE_LIMIT });
    try {
      const onLarge = await beside(bareOrigin, first.origin);
      const second = await startBuiltServer({ databaseUrl: largeDb.url, seed: "none", apiRateLimit: RATE_LIMIT });
      const twoInstances = await beside(bareOrigin, first.origin, second.origin).finally(() => second.stop());
      return { demo: onDemo, large: onLarge, twoInstances, start: await startAndMemory(demoDb.url) };
    } finally {
      await first.stop();
    }
  } finally {
    await demoDb.drop();
    await largeDb.drop();
  }
}

/** The SQLite figures with PostgreSQL's beside them, when measured. */
const withPostgres = (figures: Figure[], onPostgres: Figure[] | undefined) => figures.map((f, i) => ({ ...f, postgres: onPostgres?.[i].value }));

/**
 * Throughput of GET the first page of call park extensions under 200 concurrent clients
 * (autocannon) on the demo organisation and on 1,000 × 100, beside a bare Fastify server;
 * then start time and idle memory of the compiled server. On SQLite, and on PostgreSQL too
 * when given (with two instances on one database besides). Needs `npm run build` done.
 */
export async function benchLoad(postgres?: BenchPostgres): Promise<Figure[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cpa-bench-load-"));
  const demoUrl = `sqlite:${path.join(dir, "demo.sqlite")}`;
  const largeUrl = `sqlite:${path.join(dir, "large.sqlite")}`;
  const figures: Figure[] = [];
  try {
    console.log(`  GET ${FIRST_PAGE} with ADMIN_TOKEN, ${CONNECTIONS} concurrent clients (autocannon, no Accept-Encoding; a timeout is no answer in 10 s), after a warm-up, for ${DURATION_S} s;`);
    console.log(`  ${ROUNDS} turns of the bare server then ours, each organisation right beside the bare server (the ratio is what counts on a shared machine; load average at start ${os.loadavg()[0].toFixed(1)} on ${os.availableParallelism()} cores);`);
    console.log(`  API_RATE_LIMIT=${RATE_LIMIT.toLocaleString("en-US")}: the limiter stays on every request's path, as in production, far above what the bench sends.`);
    if (postgres) console.log(`  Two instances: two server processes on one PostgreSQL database, ${CONNECTIONS / 2} clients on each (two autocannon runs at once), req/s summed, the worse p50 and p99.`);
    const t = performance.now();
    await writeLargeOrganization(largeUrl);
    const seededS = (performance.now() - t) / 1000;

    const demo = await startBuiltServer({ databaseUrl: demoUrl, seed: "demo", apiRateLimit: RATE_LIMIT });
    const firstStartMs = demo.startMs;
    const captured = await fetch(`${demo.origin}${FIRST_PAGE}`, { headers: asAdmin });
    if (captured.status !== 200) throw new Error(`${FIRST_PAGE} answered ${captured.status}`);
    const body = Buffer.from(await captured.arrayBuffer());
    const contentType = captured.headers.get("content-type") ?? "application/json";
    const bareServer = await startBareServer(body, contentType, dir);
    let onDemo: { bare: Load; ours: Load };
    let onLarge: { bare: Load; ours: Load };
    let pg: OnPostgres | undefined;
    try {
      onDemo = await beside(bareServer.origin, demo.origin).finally(() => demo.stop());
      const large = await startBuiltServer({ databaseUrl: largeUrl, seed: "none", apiRateLimit: RATE_LIMIT });
      onLarge = await beside(bareServer.origin, large.origin).finally(() => large.stop());
      if (postgres) pg = await onPostgres(postgres, bareServer.origin);
    } finally {
      await bareServer.stop();
    }

    const largeOrg = `${LARGE.locations.toLocaleString("en-US")} × ${LARGE.perLocation} organisation`;
    printLoad(`bare Fastify, the same ${body.length}-byte body`, onDemo.bare);
    printLoad("compiled server, demo organisation", onDemo.ours, onDemo.bare);
    printLoad(`bare Fastify, the same body`, onLarge.bare);
    printLoad(`compiled server, ${largeOrg}`, onLarge.ours, onLarge.bare);
    if (pg) {
      console.log("  on PostgreSQL:");
      printLoad("bare Fastify, the same body", pg.demo.bare);
      printLoad("compiled server, demo organisation", pg.demo.ours, pg.demo.bare);
      printLoad("bare Fastify, the same body", pg.large.bare);
      printLoad(`compiled server, ${largeOrg}`, pg.large.ours, pg.large.bare);
      printLoad("bare Fastify, the same body", pg.twoInstances.bare);
      printLoad(`two instances, ${largeOrg}`, pg.twoInstances.ours, pg.twoInstances.bare);
    }
    console.log(`  (the ${largeOrg} written by npm run seed:large's script in ${seededS.toFixed(0)} s)`);
    const demoOrg = "demo org";
    const large = `${LARGE.locations} × ${LARGE.perLocation} org`;
    const demoFigures = withPostgres(loadFigures(demoOrg, onDemo.ours, onDemo.bare), pg && loadFigures(demoOrg, pg.demo.ours, pg.demo.bare));
    const largeFigures = withPostgres(loadFigures(large, onLarge.ours, onLarge.bare), pg && loadFigures(large, pg.large.ours, pg.large.bare));
    // Two instances on one database is PostgreSQL's alone: SQLite's column says n/a, and no budget.
    const twoFigures = pg
      ? loadFigures(`${large}, two instances`, pg.twoInstances.ours, pg.twoInstances.bare).map(({ max: _max, min: _min, ...f }) => ({ ...f, value: Number.NaN, postgres: f.value }))
      : [];
    for (const f of [...demoFigures, ...largeFigures]) {
      console.log(`    ${f.name}: ${describe(f)}${f.postgres === undefined ? "" : `; PostgreSQL ${formatValue({ ...f, value: f.postgres })}`}`);
    }
    for (const f of twoFigures) console.log(`    ${f.name}: PostgreSQL ${formatValue({ ...f, value: f.postgres })}`);
    figures.push(...demoFigures, ...largeFigures, ...twoFigures);

    const started = await startAndMemory(demoUrl);
    const start: Figure = { section: SECTION, name: "start, spawn to first 200 on /healthz", value: started.startMs, unit: "ms", max: START_BUDGET_MS, digits: 0, postgres: pg?.start.startMs };
    const memory: Figure = { section: SECTION, name: `idle memory (RSS ${IDLE_MS / 1000} s after start)`, value: started.rssMb, unit: "MB", max: MEMORY_BUDGET_MB, digits: 1, postgres: pg?.start.rssMb };
    const runs = (s: Awaited<ReturnType<typeof startAndMemory>>) => ({
      starts: s.starts.map((v) => v.toFixed(0)).join(", "),
      rss: s.rss.map((r) => (r / 1024 / 1024).toFixed(1)).join(", "),
    });
    console.log(`\n  compiled server (node dist-server/index.js) on the demo database, median of ${STARTS} starts:`);
    console.log(`    start: ${describe(start)}   (runs: ${runs(started).starts} ms; the first start, creating and seeding the database: ${firstStartMs.toFixed(0)} ms)`);
    console.log(`    idle memory: ${describe(memory)}   (runs: ${runs(started).rss} MB)`);
    if (pg) {
      console.log(`    on PostgreSQL: start ${pg.start.startMs.toFixed(0)} ms (runs: ${runs(pg.start).starts} ms), idle memory ${pg.start.rssMb.toFixed(1)} MB (runs: ${runs(pg.start).rss} MB)`);
    }
    figures.push(start, memory);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}

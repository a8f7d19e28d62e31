import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { freePort } from "@server/test/free-port";
import { BENCH_TOKEN } from "./large-org";
import { startThrowawayCluster } from "./pg-cluster.mjs";

// What the bench's parts share: its figures with their budgets (the final table), and the
// compiled server (dist-server/index.js, as `npm run build` makes it) in a process of its own.

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** A figure and its budget: `max` (at most) or `min` (at least). */
export interface Figure {
  section: string;
  name: string;
  /** NaN when it could not be measured. */
  value: number;
  unit: string;
  max?: number;
  min?: number;
  /** Digits after the point when printed. */
  digits?: number;
  /** The same figure on PostgreSQL (NaN: not measured), printed beside; the budget is SQLite's. */
  postgres?: number;
}

export function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export const kb = (bytes: number) => bytes / 1024;

export function formatValue(figure: Pick<Figure, "value" | "unit" | "digits">) {
  if (Number.isNaN(figure.value)) return "n/a";
  if (figure.value === Number.POSITIVE_INFINITY) return "no answer";
  const number = figure.value.toLocaleString("en-US", { minimumFractionDigits: figure.digits ?? 1, maximumFractionDigits: figure.digits ?? 1 });
  return figure.unit ? `${number} ${figure.unit}` : number;
}

export function budgetOf(figure: Figure) {
  const limit = figure.max ?? figure.min;
  if (limit === undefined) return "(none)";
  const shown = formatValue({ value: limit, unit: figure.unit, digits: Number.isInteger(limit) ? 0 : figure.digits });
  return `${figure.max !== undefined ? "≤" : "≥"} ${shown}`;
}

/** OK when the figure keeps its budget, OVER when it does not (too high, or too low for a minimum). */
export function verdictOf(figure: Figure) {
  if (figure.max === undefined && figure.min === undefined) return "";
  if (Number.isNaN(figure.value)) return "n/a";
  if (figure.max !== undefined && figure.value > figure.max) return "OVER";
  if (figure.min !== undefined && figure.value < figure.min) return "OVER";
  return "OK";
}

/** One line: the figure beside its budget and verdict. */
export function describe(figure: Figure) {
  return `${formatValue(figure)} — budget ${budgetOf(figure)}: ${verdictOf(figure)}`;
}

export function printSummary(figures: Figure[]) {
  // A PostgreSQL column only when some figure was measured there too.
  const onPostgres = figures.some((f) => f.postgres !== undefined);
  const postgresCell = (f: Figure) => (f.postgres === undefined ? "" : formatValue({ ...f, value: f.postgres }));
  const rows = figures.map((f) => [f.section, f.name, formatValue(f), ...(onPostgres ? [postgresCell(f)] : []), budgetOf(f), verdictOf(f)]);
  const head = ["part", "figure", onPostgres ? "SQLite" : "measured", ...(onPostgres ? ["PostgreSQL"] : []), "budget", ""];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const numeric = onPostgres ? [2, 3] : [2];
  const line = (cells: string[]) => cells.map((c, i) => (numeric.includes(i) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join("  ").trimEnd();
  console.log(line(head));
  console.log(widths.map((w) => "─".repeat(w)).join("  "));
  for (const row of rows) console.log(line(row));
  const over = figures.filter((f) => verdictOf(f) === "OVER").length;
  const missing = figures.filter((f) => verdictOf(f) === "n/a").length;
  const ok = figures.filter((f) => verdictOf(f) === "OK").length;
  console.log(`\n${ok} OK, ${over} OVER budget${missing ? `, ${missing} not measured` : ""} (OVER: misses its budget, above a maximum or below a minimum)`);
  if (onPostgres) console.log("The budgets and verdicts are SQLite's; PostgreSQL's figures are beside them for comparison.");
}

/** A PostgreSQL server the bench may create databases on, each dropped when done. */
export interface BenchPostgres {
  url: string;
  /** A new, empty database (collation C, as the server asks): its URL, and how to drop it. */
  createDatabase(label: string): Promise<{ url: string; drop(): Promise<void> }>;
  /** Closes the bench's own connection, and stops the throwaway cluster if it started one. */
  stop(): Promise<void>;
}

/**
 * `measure` on a throwaway SQLite file (given its URL and path), then, when there is a PostgreSQL,
 * on a throwaway database of it (given its URL); each removed afterwards. SQLite's result first.
 */
export async function onEachDatabase<T>(
  label: string,
  postgres: BenchPostgres | undefined,
  measure: (url: string, sqliteFile?: string) => Promise<T>,
): Promise<{ sqlite: T; postgres?: T }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `cpa-bench-${label}-`));
  try {
    const file = path.join(dir, "bench.sqlite");
    const sqlite = await measure(`sqlite:${file}`, file);
    if (!postgres) return { sqlite };
    const database = await postgres.createDatabase(label.replace(/-/g, "_"));
    try {
      return { sqlite, postgres: await measure(database.url) };
    } finally {
      await database.drop();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The PostgreSQL the bench measures on: TEST_DATABASE_URL's when it names one, else a throwaway
 * cluster (scripts/pg-cluster.mjs), else `{ skipped }` saying why there is none.
 */
export async function benchPostgres(): Promise<BenchPostgres | { skipped: string }> {
  const given = process.env.TEST_DATABASE_URL;
  let url: string;
  let stopCluster = () => {};
  if (given && /^postgres(ql)?:\/\//i.test(given)) url = given;
  else {
    const cluster = await startThrowawayCluster();
    if ("skipped" in cluster && cluster.skipped) return { skipped: cluster.skipped };
    ({ url } = cluster as { url: string });
    stopCluster = () => (cluster as { stop(): void }).stop();
  }
  const admin = new pg.Pool({ connectionString: url, max: 1 });
  let counter = 0;
  return {
    url,
    async createDatabase(label) {
      const name = `cpa_bench_${label}_${process.pid}_${++counter}`;
      await admin.query(`create database "${name}" template template0 locale 'C' encoding 'UTF8'`);
      const at = new URL(url);
      at.pathname = `/${name}`;
      return { url: at.toString(), drop: async () => void (await admin.query(`drop database if exists "${name}" with (force)`)) };
    },
    async stop() {
      await admin.end();
      stopCluster();
    },
  };
}

export interface BuiltServer {
  origin: string;
  child: ChildProcess;
  /** From spawn to the first 200 on /healthz. */
  startMs: number;
  stop(): Promise<void>;
}

export interface BuiltServerOptions {
  databaseUrl: string;
  seed: "demo" | "none";
  /** Requests a minute per token before 429 (the server's API_RATE_LIMIT); 0 turns the limiter off. */
  apiRateLimit?: number;
}

/**
 * The compiled server (dist-server/index.js, run by plain `node` as `npm start` runs it) on
 * a free port, with the bench's ADMIN_TOKEN; resolves at its first 200 on /healthz.
 */
export async function startBuiltServer({ databaseUrl, seed, apiRateLimit = 0 }: BuiltServerOptions): Promise<BuiltServer> {
  const entry = path.join(root, "dist-server/index.js");
  if (!fs.existsSync(entry)) throw new Error("dist-server/index.js is missing: run `npm run build` first");
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    DATABASE_URL: databaseUrl,
    SEED: seed,
    LOG_LEVEL: "warn",
    ADMIN_TOKEN: BENCH_TOKEN,
    API_RATE_LIMIT: String(apiRateLimit),
  };
  for (const name of Object.keys(env)) if (name.startsWith("WEBEX_") || name === "METRICS_TOKEN" || name === "PUBLIC_URL") delete env[name as keyof typeof env];
  const t = performance.now();
  const child = spawn(process.execPath, [entry], { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let alive = true;
  void exited.then(() => (alive = false));
  for (;;) {
    if (!alive) throw new Error(`the compiled server exited before answering /healthz (${databaseUrl})`);
    const ok = await fetch(`${origin}/healthz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const startMs = performance.now() - t;
  return {
    origin,
    child,
    startMs,
    async stop() {
      if (alive) child.kill("SIGTERM");
      await exited;
    },
  };
}

/** A process's resident set size in bytes (Linux: /proc; elsewhere `ps`). */
export async function rssOf(pid: number): Promise<number> {
  const status = `/proc/${pid}/status`;
  if (fs.existsSync(status)) {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(fs.readFileSync(status, "utf8"));
    if (match) return Number(match[1]) * 1024;
  }
  const { execFileSync } = await import("node:child_process");
  return Number(execFileSync("ps", ["-o", "rss=", "-p", String(pid)], { encoding: "utf8" }).trim()) * 1024;
}

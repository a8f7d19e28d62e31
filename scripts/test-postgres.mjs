// `npm run test:postgres`: the server tests (those under server/, Vitest projects `node` and `node-isolated`) on
// PostgreSQL — the database TEST_DATABASE_URL points at, else a throwaway cluster of the
// PostgreSQL installed here (scripts/pg-cluster.mjs). `npm test` runs the same step through
// the functions below, between the SQLite run and the end-to-end tests. Arguments go to Vitest
// (`npm run test:postgres -- server/db`).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startThrowawayCluster } from "./pg-cluster.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const POSTGRES_URL = /^postgres(ql)?:\/\//i;

/**
 * The PostgreSQL the server tests run on: `{ url, stop }` — TEST_DATABASE_URL when it is a
 * postgres:// URL (stop does nothing), else a throwaway cluster (stop removes it) — or
 * `{ skipped }`, one line saying why there is none and how to have one. Rejects when an
 * installed PostgreSQL fails to start (the message says why).
 */
export async function postgresForTests({ log = (line) => console.log(line) } = {}) {
  const given = process.env.TEST_DATABASE_URL;
  if (given && POSTGRES_URL.test(given)) {
    log("Server tests on the PostgreSQL of TEST_DATABASE_URL.");
    return { url: given, stop: () => {} };
  }
  if (given) log("TEST_DATABASE_URL is not a postgres:// URL: ignored.");
  const cluster = await startThrowawayCluster({ log });
  if (!cluster.skipped) return cluster;
  return {
    skipped:
      `PostgreSQL leg skipped: ${cluster.skipped}. To run it, install PostgreSQL ` +
      "(Debian: apt-get install postgresql) or set TEST_DATABASE_URL=postgres://… (a role with CREATEDB).",
  };
}

/**
 * Runs the server tests with TEST_DATABASE_URL=`url`, Vitest's JSON report written to
 * `reportFile`; resolves to Vitest's exit status.
 */
export function runServerTestsOnPostgres(url, { reportFile = path.join(root, ".test-results/vitest-postgres.json"), args = [] } = {}) {
  fs.mkdirSync(path.dirname(reportFile), { recursive: true });
  const vitest = path.join(root, "node_modules/vitest/vitest.mjs");
  const { status } = spawnSync(
    process.execPath,
    // The tests under server/ (the domain's and the scripts' are the same on either database).
    [vitest, "run", "--project", "node", "--project", "node-isolated", "--reporter=default", "--reporter=json", `--outputFile.json=${reportFile}`, ...(args.length ? args : ["server/"])],
    { cwd: root, stdio: "inherit", env: { ...process.env, TEST_DATABASE_URL: url } },
  );
  return status ?? 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let postgres;
  try {
    postgres = await postgresForTests();
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
  if (postgres.skipped) {
    console.log(postgres.skipped);
    process.exit(0);
  }
  let status;
  try {
    status = runServerTestsOnPostgres(postgres.url, { args: process.argv.slice(2) });
  } finally {
    postgres.stop();
  }
  process.exit(status);
}

// A throwaway PostgreSQL cluster for the tests: `npm test` (and `npm run test:postgres`) run the
// server tests on it when no TEST_DATABASE_URL is given. It uses the PostgreSQL installed on the
// machine (Debian's `postgresql` package is enough), in a fresh temporary folder, on a free port of
// 127.0.0.1, tuned for speed rather than durability, and removed without trace when it stops.
//
//   node scripts/pg-cluster.mjs     starts one, prints its URL, stops it on Ctrl-C
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Where Debian's `postgresql-<version>` packages put their programs (not on PATH). */
const DEBIAN_PREFIX = "/usr/lib/postgresql";
/** The system user Debian's package creates, which owns the cluster when we run as root. */
const SERVICE_USER = "postgres";

// A cluster nobody needs after the run: no waiting on the disk (a crash loses it anyway), room for
// every test worker's connections, memory modest enough for a shared CI machine. Locale C makes
// text sort bytewise, as SQLite does, so one ordering holds on both databases.
const SETTINGS = {
  listen_addresses: "127.0.0.1",
  fsync: "off",
  synchronous_commit: "off",
  full_page_writes: "off",
  max_connections: "300",
  shared_buffers: "128MB",
  log_min_messages: "warning",
};

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function onPath(name) {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, name))) return path.join(dir, name);
  }
  return undefined;
}

/** Runs as is, or as the service user when we are root (initdb, pg_ctl and postgres refuse root). */
function run(command, args, { asUser, ...options } = {}) {
  const [file, argv] = asUser ? ["runuser", ["-u", asUser, "--", command, ...args]] : [command, args];
  return spawnSync(file, argv, { encoding: "utf8", ...options });
}

/** The service user's uid and gid, when it exists. */
function serviceUser() {
  const id = (flag) => run("id", [flag, SERVICE_USER]);
  const [uid, gid] = [id("-u"), id("-g")];
  if (uid.status !== 0 || gid.status !== 0) return undefined;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** Debian's /usr/lib/postgresql/<version>/bin folders, the highest version first. */
function debianBins() {
  try {
    return fs
      .readdirSync(DEBIAN_PREFIX)
      .filter((name) => /^\d+(\.\d+)?$/.test(name))
      .sort((a, b) => Number(b) - Number(a))
      .map((version) => path.join(DEBIAN_PREFIX, version, "bin"));
  } catch {
    // No Debian packages of PostgreSQL.
    return [];
  }
}

/**
 * Where one of PostgreSQL's client programs (`pg_dump`, `pg_restore`, …) is: on PATH, else in
 * Debian's highest /usr/lib/postgresql/<version>/bin; undefined when neither has it.
 */
export function findPostgresProgram(name) {
  return onPath(name) ?? debianBins().map((bin) => path.join(bin, name)).find(isExecutable);
}

/**
 * How to run PostgreSQL here, or why we cannot: `{ bin, version, owner }` where `bin` is the
 * folder holding `initdb`, `pg_ctl` and `postgres` — the one of `initdb` on PATH (through its
 * symbolic link, as /usr/local/bin often holds only links), else Debian's highest
 * /usr/lib/postgresql/<version>/bin — and `owner` the service user's `{ uid, gid }` when we are
 * root (undefined otherwise); or `{ skipped }`, the reason.
 */
export function findPostgres() {
  const complete = (bin) => ["initdb", "pg_ctl", "postgres"].every((name) => isExecutable(path.join(bin, name)));
  const candidates = [];
  const initdb = onPath("initdb");
  if (initdb) candidates.push(path.dirname(fs.realpathSync(initdb)), path.dirname(initdb));
  candidates.push(...debianBins());
  const bin = candidates.find(complete);
  if (!bin) return { skipped: `no PostgreSQL found (no initdb on PATH nor in ${DEBIAN_PREFIX}/<version>/bin)` };
  let owner;
  if (process.getuid?.() === 0) {
    owner = serviceUser();
    if (!owner) return { skipped: `running as root and there is no "${SERVICE_USER}" user to run PostgreSQL as (initdb refuses root)` };
    if (!onPath("runuser")) return { skipped: `running as root and there is no runuser to run PostgreSQL as "${SERVICE_USER}"` };
  }
  const version = run(path.join(bin, "postgres"), ["--version"]).stdout?.match(/\d+(\.\d+)?/)?.[0];
  return { bin, version: version ?? "unknown", owner };
}

/** A port nobody listens on now (as server/test/free-port.ts). */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

function tail(file, lines = 30) {
  try {
    return fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

// The clusters this process started and has not stopped: stopped when it exits or is
// interrupted, so that no postgres outlives the run.
const running = new Set();
let guarded = false;

function stopAllOnExit() {
  if (guarded) return;
  guarded = true;
  process.on("exit", () => {
    for (const cluster of running) cluster.stop();
  });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    const onSignal = () => {
      for (const cluster of running) cluster.stop();
      process.removeListener(signal, onSignal);
      // Nobody else handles it: die of it as we would have without this handler.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}

/**
 * Starts a throwaway cluster. Resolves to
 * - `{ url, port, dir, version, stop }` once it accepts connections: `url` is
 *   `postgres://postgres@127.0.0.1:<port>/postgres` (a superuser, no password); `stop()` is
 *   synchronous and idempotent: it stops the server at once and removes `dir` (also done when
 *   this process exits or is interrupted);
 * - `{ skipped }`, the reason, when no cluster can be started here (no PostgreSQL installed, or
 *   root without a `postgres` user to run it as).
 * Rejects, with the server's log tail in the message, when PostgreSQL is there but fails.
 */
export async function startThrowawayCluster({ log = () => {} } = {}) {
  const found = findPostgres();
  if (found.skipped) return found;
  const { bin, version, owner } = found;
  const asUser = owner ? SERVICE_USER : undefined;

  // The temporary folder holds the data, the log and the server's Unix socket (kept out of
  // /var/run/postgresql, which may not exist or belong to another cluster).
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cpa-pg-"));
  const data = path.join(dir, "data");
  const logFile = path.join(dir, "server.log");
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  if (owner) fs.chownSync(dir, owner.uid, owner.gid);
  // The service user may not be allowed into our working directory.
  const options = { asUser, cwd: dir };

  const pgCtl = path.join(bin, "pg_ctl");
  const cluster = {
    stop() {
      if (!running.delete(cluster)) return;
      run(pgCtl, ["-D", data, "-m", "immediate", "-w", "stop"], options);
      remove();
    },
  };

  log(`Starting a throwaway PostgreSQL ${version} cluster (${bin})…`);
  const init = run(
    path.join(bin, "initdb"),
    ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C"],
    options,
  );
  if (init.status !== 0) {
    remove();
    throw new Error(`initdb failed (${init.error?.message ?? `exit ${init.status}`}):\n${`${init.stdout ?? ""}${init.stderr ?? ""}`.trim()}`);
  }
  const quote = (value) => `'${String(value).replaceAll("'", "''")}'`;
  const settings = { ...SETTINGS, unix_socket_directories: dir };
  fs.appendFileSync(
    path.join(data, "postgresql.conf"),
    `\n# A throwaway cluster for the tests (scripts/pg-cluster.mjs).\n` +
      Object.entries(settings)
        .map(([name, value]) => `${name} = ${quote(value)}\n`)
        .join(""),
  );

  running.add(cluster);
  stopAllOnExit();
  // The free port may be taken between the probe and the server's start: then another one.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    // Only this attempt's lines in the log (emptied rather than replaced: the server owns it).
    if (fs.existsSync(logFile)) fs.truncateSync(logFile, 0);
    const start = run(pgCtl, ["-D", data, "-l", logFile, "-w", "-t", "60", "-o", `-p ${port}`, "start"], options);
    if (start.status === 0) {
      const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
      log(`PostgreSQL ${version} is up at ${url}`);
      return Object.assign(cluster, { url, port, dir, version });
    }
    const why = tail(logFile);
    if (attempt < 3 && /could not bind|already in use/i.test(why)) continue;
    const output = `${start.stdout ?? ""}${start.stderr ?? ""}`.trim();
    cluster.stop();
    throw new Error(`PostgreSQL did not start (pg_ctl: ${start.error?.message ?? `exit ${start.status}`}).\n${output}\nLast lines of its log:\n${why}`);
  }
}

// `node scripts/pg-cluster.mjs`: a cluster for a human, until Ctrl-C. (Only this file: bundled
// into the database commands, import.meta.url is the bundle's, which `node` may run too.)
const self = fileURLToPath(import.meta.url);
if (process.argv[1] && path.resolve(process.argv[1]) === self && path.basename(self) === "pg-cluster.mjs") {
  const cluster = await startThrowawayCluster({ log: (line) => console.error(line) });
  if (cluster.skipped) {
    console.error(`No throwaway PostgreSQL: ${cluster.skipped}.`);
    process.exit(1);
  }
  console.log(cluster.url);
  console.error("Ctrl-C stops it and removes its data.");
  // Keeps the process alive until a signal stops it (and the cluster, see stopAllOnExit).
  setInterval(() => {}, 1 << 30);
}

// `node scripts/build-server.mjs`: the API server compiled to one JavaScript file,
// dist-server/index.js, which plain `node` runs (no tsx, no Vite at run time).
// Also the build-state rules `npm start` follows (scripts/start.mjs).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** What a build writes (relative to the project root), and what it is built from. */
export const BUILDS = {
  spa: {
    label: "the SPA into dist/",
    output: "dist/index.html",
    inputs: ["src", "domain", "public", "index.html", "sign-in.html", "vite.config.ts", "tsconfig.json", "package-lock.json"],
  },
  server: {
    label: "the server into dist-server/",
    output: "dist-server/index.js",
    // scripts/pg-cluster.mjs: the database commands find pg_dump and pg_restore with it.
    inputs: ["server", "domain", "tsconfig.json", "package-lock.json", "scripts/build-server.mjs", "scripts/pg-cluster.mjs"],
  },
};

function newestMtime(file) {
  let stat;
  try {
    stat = fs.statSync(file);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(file)) newest = Math.max(newest, newestMtime(path.join(file, entry)));
  return newest;
}

/**
 * The builds (`spa`, `server`) missing in `dir`, or older than one of their sources. A tree
 * without the sources (a production install of a built tree) has nothing to rebuild.
 */
export function staleBuilds(dir = root) {
  return Object.entries(BUILDS)
    .filter(([, { output, inputs }]) => {
      const built = newestMtime(path.join(dir, output));
      return built === 0 || inputs.some((input) => newestMtime(path.join(dir, input)) > built);
    })
    .map(([name]) => name);
}

/** The packages the compiled server still imports from node_modules at run time (see below). */
export const RUNTIME_IMPORTS = ["better-sqlite3", "@fastify/swagger-ui", "prom-client"];

/**
 * `pg` offers its optional native binding (the pg-native package, not installed) through a
 * getter nobody here reads; it requires it only then, and takes MODULE_NOT_FOUND as "absent".
 * The bundle says exactly that instead of importing a package that is not there.
 */
const withoutPgNative = {
  name: "without-pg-native",
  setup(build) {
    build.onResolve({ filter: /^pg-native$/ }, () => ({ path: "pg-native", namespace: "absent-package" }));
    build.onLoad({ filter: /.*/, namespace: "absent-package" }, () => ({
      contents: "const error = new Error(\"Cannot find module 'pg-native'\"); error.code = 'MODULE_NOT_FOUND'; throw error;",
      loader: "js",
    }));
  },
};

/**
 * Bundles server/index.ts (and the commands of server/cli/) with everything they import from
 * server/ and domain/ (aliases from tsconfig.json's "paths") into `outdir`/index.js (and
 * create-admin.js, db-migrate.js, db-backup.js, db-restore.js): ESM for Node 20, with the
 * packages they use bundled in too. Node then reads one file instead of resolving and compiling
 * ~850 modules one by one: the server's start (spawn to its first answer) goes from ~1.2 s to
 * ~0.8 s on these machines (`npm run bench`). Left as imports from node_modules:
 * better-sqlite3 (native), @fastify/swagger-ui (serves the files of its own folder) and
 * prom-client (loaded only when METRICS_TOKEN is set).
 */
export async function buildServer({ outdir = path.join(root, "dist-server") } = {}) {
  // Imported here: a production install (no devDependencies) runs start.mjs without esbuild.
  const esbuild = await import("esbuild");
  fs.rmSync(outdir, { recursive: true, force: true });
  const result = await esbuild.build({
    absWorkingDir: root,
    // The server, the command that creates an administrator account (npm run admin:create) and
    // the database's (npm run db:migrate, db:backup, db:restore).
    entryPoints: {
      index: path.join(root, "server/index.ts"),
      "create-admin": path.join(root, "server/cli/create-admin.ts"),
      "db-migrate": path.join(root, "server/cli/migrate.ts"),
      "db-backup": path.join(root, "server/cli/backup.ts"),
      "db-restore": path.join(root, "server/cli/restore.ts"),
    },
    outdir,
    tsconfig: path.join(root, "tsconfig.json"),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    external: RUNTIME_IMPORTS,
    plugins: [withoutPgNative],
    // Bundled CommonJS packages call require() for Node's own modules; an ES module has no
    // require of its own, so the bundle makes one.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    // Whitespace and comments only: every identifier stays as written, so a stack trace in the
    // logs still names each function. The server then holds its 3.3 MB of source rather than
    // 4.8 (measured: 10 MB less heap, ~2 MB less resident at idle). The bundle's own lines were
    // never the TypeScript's: the map gives those, with NODE_OPTIONS=--enable-source-maps.
    minifyWhitespace: true,
    sourcemap: "linked",
    metafile: true,
    logLevel: "warning",
  });
  return result.metafile;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildServer();
}

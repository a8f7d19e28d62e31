// `npm start`: builds what is missing or older than its sources (the SPA into dist/, the
// server into dist-server/), then runs the compiled server, which serves the SPA. A fresh
// clone builds once; later starts skip straight to the server; a tree without sources
// (a production install) just runs. `npm run build` rebuilds both unconditionally.
// The database (SQLite under data/ by default) is created, migrated and seeded on first start.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { BUILDS, root, staleBuilds } from "./build-server.mjs";

const COMMANDS = {
  spa: [path.join(root, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "warn"],
  server: [path.join(root, "scripts/build-server.mjs")],
};

const canBuild = ["vite", "esbuild"].every((tool) => fs.existsSync(path.join(root, "node_modules", tool)));
const stale = staleBuilds(root);
if (stale.length > 0 && !canBuild) {
  // A production install (npm ci --omit=dev) has no build tools: it runs what was built.
  // (Its copied files' dates say nothing about which is newer.)
  const missing = stale.filter((name) => !fs.existsSync(path.join(root, BUILDS[name].output)));
  if (missing.length > 0) {
    console.error(
      `Missing: ${missing.map((name) => BUILDS[name].output).join(", ")}, and no build tools here (installed without devDependencies).\n` +
        "Build with the full install (npm ci && npm run build) and copy dist/ and dist-server/ here.",
    );
    process.exit(1);
  }
} else {
  for (const name of stale) {
    console.log(`Building ${BUILDS[name].label}…`);
    // A child process each: the server below starts in a process that never loaded a bundler.
    const build = spawnSync(process.execPath, COMMANDS[name], { cwd: root, stdio: "inherit" });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
}

// In this process rather than a child: SIGINT and SIGTERM reach the server's own graceful
// stop directly, once, and one Node process runs instead of two.
await import(pathToFileURL(path.join(root, BUILDS.server.output)).href);

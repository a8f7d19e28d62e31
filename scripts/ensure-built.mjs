// Builds what is missing or older than its sources (the SPA into dist/, the server into
// dist-server/), for `npm start` and `npm run admin:create`. A tree without build tools (a
// production install) runs what was built.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { BUILDS, root, staleBuilds } from "./build-server.mjs";

const COMMANDS = {
  spa: [path.join(root, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "warn"],
  server: [path.join(root, "scripts/build-server.mjs")],
};

export async function ensureBuilt() {
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
    return;
  }
  for (const name of stale) {
    console.log(`Building ${BUILDS[name].label}…`);
    // A child process each: the server then starts in a process that never loaded a bundler.
    const build = spawnSync(process.execPath, COMMANDS[name], { cwd: root, stdio: "inherit" });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
}

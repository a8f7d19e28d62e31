import { execFileSync } from "node:child_process";
import path from "node:path";
import { bundleReport } from "./bundle-size";
import { benchListApi } from "./bench-api";
import { benchBrowser } from "./bench-browser";
import { benchGateway } from "./bench-gateway";
import { benchImport } from "./bench-import";
import { benchGroupImport } from "./bench-group-import";
import { benchLoad } from "./bench-load";
import { type BenchPostgres, benchPostgres, type Figure, kb, printSummary, root } from "./bench-support";

// `npm run bench`: figures, never pass/fail assertions in the test suite. Each budgeted
// figure is printed beside its budget with OK or OVER, and again in the table at the end.
// The server, list API and import parts measure PostgreSQL too, beside SQLite: on
// TEST_DATABASE_URL's server, else a throwaway cluster, else they say it is skipped.
// BENCH_PARTS=server,api,import (any of browser, server, api, import, gateway) runs only those.

const PARTS = ["browser", "server", "api", "import", "gateway"] as const;
const chosen = process.env.BENCH_PARTS?.split(",").map((p) => p.trim()) ?? [...PARTS];
const runs = (name: (typeof PARTS)[number]) => chosen.includes(name);

/** A part that fails is reported and the others still run. */
async function part(name: string, run: () => Promise<Figure[] | void>): Promise<Figure[]> {
  const started = Date.now();
  try {
    return (await run()) ?? [];
  } catch (error) {
    console.log(`  FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return [{ section: name, name: "the part failed: not measured", value: Number.NaN, unit: "", max: 0 }];
  } finally {
    console.log(`  (${name}: ${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
}

async function main() {
  const started = Date.now();
  const unknown = chosen.filter((p) => !(PARTS as readonly string[]).includes(p));
  if (unknown.length) throw new Error(`BENCH_PARTS: no part named ${unknown.join(", ")} (the parts: ${PARTS.join(", ")})`);
  console.log("Building the SPA and the server (npm run build)…");
  execFileSync(process.execPath, [path.join(root, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "warn"], { cwd: root, stdio: "inherit" });
  execFileSync(process.execPath, [path.join(root, "scripts/build-server.mjs")], { cwd: root, stdio: "inherit" });
  const figures: Figure[] = [];
  const postgres = runs("server") || runs("api") || runs("import") ? await benchPostgres() : undefined;
  if (postgres && "skipped" in postgres) console.log(`PostgreSQL figures skipped: ${postgres.skipped} (set TEST_DATABASE_URL=postgres://… or install PostgreSQL).`);
  else if (postgres) console.log(`PostgreSQL figures on ${new URL(postgres.url).host}, beside SQLite's.`);
  const onPostgres = postgres && !("skipped" in postgres) ? postgres : undefined;
  try {
    await parts(figures, onPostgres);
  } finally {
    await onPostgres?.stop();
  }
  console.log(`\nSummary (the gateway's figures are above; bench took ${((Date.now() - started) / 1000).toFixed(0)} s):\n`);
  printSummary(figures);
}

/** The chosen parts, in order, their figures added to `figures`. */
async function parts(figures: Figure[], postgres: BenchPostgres | undefined) {
  // The build's own view, for reference: what the entry imports statically. The browser's
  // figures below count what a screen really fetches (lazy chunks it draws at once included).
  const report = bundleReport(path.join(root, "dist"));
  const lazyTotal = report.lazy.reduce((sum, c) => sum + c.gzip, 0);
  console.log(
    `\nThe build: the entry and its static imports ${kb(report.firstScreenJsGzip).toFixed(1)} KB gzip (${report.firstScreen.length} chunks), ` +
      `${report.lazy.length} lazy chunks ${kb(lazyTotal).toFixed(1)} KB gzip; largest lazy: ` +
      report.lazy.slice(0, 5).map((c) => `${path.basename(c.file)} ${kb(c.gzip).toFixed(1)}`).join(", "),
  );

  if (runs("browser")) {
    console.log("\nScreens in Chromium (what a first visit fetches) and Lighthouse:");
    figures.push(...(await part("browser", benchBrowser)));
  }
  if (runs("server")) {
    console.log("\nThe compiled server under load, its start and its memory:");
    figures.push(...(await part("server", () => benchLoad(postgres))));
  }
  if (runs("api")) {
    console.log("\nAPI on a large organisation:");
    figures.push(...(await part("list API", () => benchListApi(postgres))));
  }
  if (runs("import")) {
    console.log("\nBulk import of call park extensions:");
    figures.push(...(await part("import", () => benchImport(postgres))));
    console.log("\nBulk import of call park groups:");
    figures.push(...(await part("group import", () => benchGroupImport(postgres))));
  }
  if (runs("gateway")) {
    console.log("\nWebex mode (the gateway) against a stand-in for Webex:");
    figures.push(...(await part("gateway", async () => void (await benchGateway()))));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { bundleReport } from "./bundle-size";
import { benchListApi } from "./bench-api";
import { benchGateway } from "./bench-gateway";
import { benchImport } from "./bench-import";

// `npm run bench`: figures, never pass/fail assertions in the test suite.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const FIRST_SCREEN_BUDGET_KB = 170;
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

async function main() {
  console.log("Building the SPA…");
  execFileSync(process.execPath, [path.join(root, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "warn"], {
    cwd: root,
    stdio: "inherit",
  });
  const report = bundleReport(path.join(root, "dist"));
  console.log("\nJavaScript the first screen loads (gzip):");
  for (const c of report.firstScreen) console.log(`  ${kb(c.gzip).padStart(7)} KB  ${c.file}`);
  const verdict = report.firstScreenJsGzip <= FIRST_SCREEN_BUDGET_KB * 1024 ? "within" : "OVER";
  console.log(`  ${kb(report.firstScreenJsGzip).padStart(7)} KB  total — ${verdict} the ${FIRST_SCREEN_BUDGET_KB} KB budget`);
  console.log("\nLazy chunks (gzip):");
  for (const c of report.lazy) console.log(`  ${kb(c.gzip).padStart(7)} KB  ${c.file}`);

  console.log("\nAPI on a large organisation:");
  await benchListApi();

  console.log("\nBulk import of call park extensions:");
  await benchImport();

  console.log("\nWebex mode (the gateway) against a stand-in for Webex:");
  await benchGateway();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

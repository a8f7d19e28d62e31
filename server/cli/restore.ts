import { parseArgs } from "node:util";
import { readEnv } from "@server/env";
import { DatabaseToolError, exitWithFailure, restore, shownUrl } from "./database-tools";

// npm run db:restore -- <file> [--force]
// Restores a backup made by npm run db:backup into the database DATABASE_URL names: a new one
// (an SQLite file not there yet, a PostgreSQL database just created), or with --force one whose
// content it replaces. Stop the servers using that database first.

const USAGE = "Usage: npm run db:restore -- <file> [--force]   (--force replaces the content of a database that is not empty)";

async function main() {
  let parsed;
  try {
    parsed = parseArgs({ options: { force: { type: "boolean" } }, allowPositionals: true });
  } catch (error) {
    throw new DatabaseToolError(`${(error as Error).message}\n${USAGE}`);
  }
  const [file, ...rest] = parsed.positionals;
  if (!file || rest.length > 0) throw new DatabaseToolError(USAGE);
  const { DATABASE_URL } = readEnv();
  await restore(DATABASE_URL, file, { force: parsed.values.force });
  console.log(`Restored ${file} into ${shownUrl(DATABASE_URL)}. The server migrates it at start if the backup is from an older version.`);
}

main().catch(exitWithFailure);

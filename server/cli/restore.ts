import { readEnv } from "@server/env";
import { exitWithFailure, fileArguments, restore, shownUrl } from "./database-tools";

// npm run db:restore -- <file> [--force]
// Restores a backup made by npm run db:backup into the database DATABASE_URL names: a new one
// (an SQLite file not there yet, a PostgreSQL database just created), or with --force one whose
// content it replaces. Stop the servers using that database first.

const USAGE = "Usage: npm run db:restore -- <file> [--force]   (--force replaces the content of a database that is not empty)";

async function main() {
  const { file, force } = fileArguments(USAGE);
  const { DATABASE_URL } = readEnv();
  await restore(DATABASE_URL, file, { force });
  console.log(`Restored ${file} into ${shownUrl(DATABASE_URL)}. The server migrates it at start if the backup is from an older version.`);
}

main().catch(exitWithFailure);

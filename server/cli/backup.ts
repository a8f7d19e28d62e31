import { readEnv } from "@server/env";
import { backup, exitWithFailure, fileArguments, shownUrl } from "./database-tools";

// npm run db:backup -- <file> [--force]
// Backs up the database DATABASE_URL names into <file>, while the server runs: SQLite's online
// backup, or pg_dump's custom format for PostgreSQL. npm run db:restore puts it back.

const USAGE = "Usage: npm run db:backup -- <file> [--force]   (--force replaces an existing <file>)";

async function main() {
  const { file, force } = fileArguments(USAGE);
  const { DATABASE_URL } = readEnv();
  await backup(DATABASE_URL, file, { force });
  console.log(`Backed up ${shownUrl(DATABASE_URL)} into ${file}.`);
}

main().catch(exitWithFailure);

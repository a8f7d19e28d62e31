import { parseArgs } from "node:util";
import { readEnv } from "@server/env";
import { backup, DatabaseToolError, exitWithFailure, shownUrl } from "./database-tools";

// npm run db:backup -- <file> [--force]
// Backs up the database DATABASE_URL names into <file>, while the server runs: SQLite's online
// backup, or pg_dump's custom format for PostgreSQL. npm run db:restore puts it back.

const USAGE = "Usage: npm run db:backup -- <file> [--force]   (--force replaces an existing <file>)";

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
  await backup(DATABASE_URL, file, { force: parsed.values.force });
  console.log(`Backed up ${shownUrl(DATABASE_URL)} into ${file}.`);
}

main().catch(exitWithFailure);

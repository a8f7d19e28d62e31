import { parseArgs } from "node:util";
import { readEnv } from "@server/env";
import { DatabaseToolError, exitWithFailure, migrate, shownUrl } from "./database-tools";

// npm run db:migrate
// Runs the migrations the database DATABASE_URL names (SQLite or PostgreSQL) has not run yet,
// and says which. The server migrates at start anyway; this is for migrating once before
// starting several instances of a new version.

const USAGE = "Usage: npm run db:migrate";

async function main() {
  try {
    parseArgs({ options: {} });
  } catch (error) {
    throw new DatabaseToolError(`${(error as Error).message}\n${USAGE}`);
  }
  const { DATABASE_URL } = readEnv();
  const { ran, total } = await migrate(DATABASE_URL);
  if (ran.length === 0) console.log(`${shownUrl(DATABASE_URL)} is up to date (${total} migrations).`);
  else console.log(`Migrated ${shownUrl(DATABASE_URL)}: ran ${ran.length} of ${total} migrations:\n${ran.map((name) => `  ${name}`).join("\n")}`);
}

main().catch(exitWithFailure);

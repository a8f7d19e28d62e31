import { parseArgs } from "node:util";
import { openDatabase } from "@server/db/database";
import { insertOrganization, seedDemoAdministrators } from "@server/db/seed";
import { buildLargeOrganization } from "./large-org";

// npm run seed:large -- --locations 1000 --per-location 100 --database sqlite:data/large.sqlite
// Then: DATABASE_URL=sqlite:data/large.sqlite SEED=none npm run serve
const { values } = parseArgs({
  options: {
    locations: { type: "string", default: "1000" },
    "per-location": { type: "string", default: "100" },
    database: { type: "string", default: "sqlite:data/large.sqlite" },
  },
});

async function main() {
  const locations = Number(values.locations);
  const perLocation = Number(values["per-location"]);
  if (!Number.isInteger(locations) || locations < 1 || !Number.isInteger(perLocation) || perLocation < 0 || perLocation > 100) {
    throw new Error("--locations must be a positive whole number and --per-location a whole number from 0 to 100");
  }
  const db = await openDatabase(values.database);
  const existing = await db.selectFrom("organizations").select("id").executeTakeFirst();
  if (existing) throw new Error(`${values.database} already holds an organisation; choose a new file`);
  await insertOrganization(db, buildLargeOrganization(locations, perLocation));
  await seedDemoAdministrators(db);
  await db.destroy();
  console.log(`Wrote ${locations} locations × ${perLocation} call park extensions to ${values.database}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

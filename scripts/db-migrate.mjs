// `npm run db:migrate`: runs the migrations the database DATABASE_URL names has not run yet
// (see server/cli/migrate.ts), running the compiled command as `npm start` runs the server.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { root } from "./build-server.mjs";
import { ensureBuilt } from "./ensure-built.mjs";

await ensureBuilt();
await import(pathToFileURL(path.join(root, "dist-server/db-migrate.js")).href);

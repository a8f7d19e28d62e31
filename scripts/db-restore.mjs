// `npm run db:restore -- <file>`: restores a backup into the database DATABASE_URL names
// (see server/cli/restore.ts), running the compiled command as `npm start` runs the server.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { root } from "./build-server.mjs";
import { ensureBuilt } from "./ensure-built.mjs";

await ensureBuilt();
await import(pathToFileURL(path.join(root, "dist-server/db-restore.js")).href);

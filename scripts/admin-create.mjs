// `npm run admin:create -- --email … --name … --role …`: creates an administrator account
// (see server/cli/create-admin.ts), running the compiled command as `npm start` runs the server.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { root } from "./build-server.mjs";
import { ensureBuilt } from "./ensure-built.mjs";

await ensureBuilt();
await import(pathToFileURL(path.join(root, "dist-server/create-admin.js")).href);

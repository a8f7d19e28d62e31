// `npm start`: builds what is missing or older than its sources (the SPA into dist/, the
// server into dist-server/), then runs the compiled server, which serves the SPA. A fresh
// clone builds once; later starts skip straight to the server; a tree without sources
// (a production install) just runs. `npm run build` rebuilds both unconditionally.
// The database (SQLite under data/ by default) is created, migrated and seeded on first start.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { BUILDS, root } from "./build-server.mjs";
import { ensureBuilt } from "./ensure-built.mjs";

await ensureBuilt();

// In this process rather than a child: SIGINT and SIGTERM reach the server's own graceful
// stop directly, once, and one Node process runs instead of two.
await import(pathToFileURL(path.join(root, BUILDS.server.output)).href);

import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs } from "kysely";
import type { Db } from "@server/db/database";
import { buildTestApp } from "./test-server";

/** Every query yields to the event loop once, as it would waiting on a busy database. */
class YieldingPlugin implements KyselyPlugin {
  transformQuery({ node }: PluginTransformQueryArgs) {
    return node;
  }
  async transformResult({ result }: PluginTransformResultArgs) {
    await new Promise((resolve) => setImmediate(resolve));
    return result;
  }
}

/**
 * The same database, with queries that yield: better-sqlite3 answers synchronously, so
 * without this one caller's checks and write can all run before a concurrent caller
 * starts, and a race would never reach the database's constraints.
 */
export function racingDb(db: Db): Db {
  return db.withPlugin(new YieldingPlugin());
}

/** The app over racingDb, so concurrent requests interleave their queries. */
export function racingApp(db: Db) {
  return buildTestApp(racingDb(db));
}

import fs from "node:fs";
import net from "node:net";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { findPostgres, startThrowawayCluster } from "./pg-cluster.mjs";

// Where no PostgreSQL is installed (or it cannot run here) the test says why in its name.
const unavailable = findPostgres().skipped;
const why = unavailable ? ` (skipped: ${unavailable})` : "";

/** Resolves to the connection's error code, or "connected" when something listens. */
function tryConnect(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.on("connect", () => {
      socket.destroy();
      resolve("connected");
    });
    socket.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

describe("throwaway PostgreSQL cluster", () => {
  it.skipIf(unavailable)(`starts a fast, bytewise-sorting cluster and leaves nothing behind when stopped${why}`, async () => {
    const cluster = await startThrowawayCluster();
    if ("skipped" in cluster) throw new Error(`expected a cluster: ${cluster.skipped}`);
    try {
      expect(cluster.url).toBe(`postgres://postgres@127.0.0.1:${cluster.port}/postgres`);
      const client = new pg.Client({ connectionString: cluster.url });
      await client.connect();
      try {
        expect((await client.query("select 1 as one")).rows).toEqual([{ one: 1 }]);
        // The database's collation (`show lc_collate` is gone since PostgreSQL 16).
        const collation = await client.query("select datcollate from pg_database where datname = current_database()");
        expect(collation.rows).toEqual([{ datcollate: "C" }]);
        expect((await client.query("select 'b' < 'B' as lower_after_upper")).rows).toEqual([{ lower_after_upper: false }]);
        expect((await client.query("show fsync")).rows).toEqual([{ fsync: "off" }]);
        expect((await client.query("show max_connections")).rows).toEqual([{ max_connections: "300" }]);
      } finally {
        await client.end();
      }
      expect(fs.existsSync(cluster.dir)).toBe(true);
    } finally {
      cluster.stop();
    }
    expect(fs.existsSync(cluster.dir)).toBe(false);
    expect(await tryConnect(cluster.port)).toBe("ECONNREFUSED");
    // Stopping twice is harmless (the exit handler stops whatever is still running).
    expect(() => cluster.stop()).not.toThrow();
  });
});

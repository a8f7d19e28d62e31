/** Where PostgreSQL's client program `name` (pg_dump, pg_restore, …) is: on PATH, else in Debian's highest /usr/lib/postgresql/<version>/bin; undefined when absent. */
export declare function findPostgresProgram(name: string): string | undefined;
/** The folder of PostgreSQL's programs (initdb, pg_ctl, postgres), their version and, as root, the user to run them as; or why none can run here. */
export declare function findPostgres():
  | { bin: string; version: string; owner?: { uid: number; gid: number }; skipped?: undefined }
  | { skipped: string };
/** A running throwaway cluster; `stop()` stops it at once and removes `dir` (synchronous, idempotent). */
export interface ThrowawayCluster {
  url: string;
  port: number;
  dir: string;
  version: string;
  stop(): void;
}
/** Starts a throwaway cluster, or says why none can start here; rejects when PostgreSQL fails. */
export declare function startThrowawayCluster(options?: { log?: (line: string) => void }): Promise<ThrowawayCluster | { skipped: string }>;

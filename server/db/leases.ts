import { randomUUID } from "node:crypto";
import type { Db } from "./database";

// Work that one server instance at a time may do (an import job, the Webex synchronisation),
// when several instances share one database: the instance holding the named lease does it,
// until the lease expires. The holder renews it as it works; a holder that died stops
// renewing, and once its lease has expired another instance takes it over.
//
// Each statement runs in a transaction of its own, so that on PostgreSQL (SERIALIZABLE) a
// clash with another instance's statement on the same lease is run again, not thrown.

/** This process: the owner its leases name. Made once per process, never reused by another. */
export const INSTANCE_ID = `${process.pid}-${randomUUID()}`;

/**
 * Takes the lease `name` for `ttlMs` from `now`, when nobody holds it, when its holder let it
 * expire, or when it is already `owner`'s (which renews it). True when `owner` holds it now.
 * One statement: an insert that, on a clash, takes the row over only under those conditions.
 */
export async function acquireLease(db: Db, name: string, owner: string, ttlMs: number, now = Date.now()): Promise<boolean> {
  const expires_at = now + ttlMs;
  const taken = await db.transaction().execute((trx) =>
    trx
      .insertInto("leases")
      .values({ name, owner, expires_at })
      .onConflict((oc) =>
        oc
          .column("name")
          .doUpdateSet({ owner, expires_at })
          .where((eb) => eb.or([eb("leases.expires_at", "<", now), eb("leases.owner", "=", owner)])),
      )
      .returning("owner")
      .executeTakeFirst(),
  );
  return taken !== undefined;
}

/**
 * Extends `owner`'s lease to `ttlMs` from `now`, only while it is still theirs (nobody took
 * it over). False: it is lost, and the work it covers must stop. Given a transaction, it
 * runs in it: the transaction then commits only if the lease was still theirs, and on
 * PostgreSQL holds the lease's row until it ends, so nobody can take it meanwhile.
 */
export async function renewLease(db: Db, name: string, owner: string, ttlMs: number, now = Date.now()): Promise<boolean> {
  const renew = async (trx: Db) => {
    const result = await trx
      .updateTable("leases")
      .set({ expires_at: now + ttlMs })
      .where("name", "=", name)
      .where("owner", "=", owner)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  };
  return db.isTransaction ? renew(db) : db.transaction().execute(renew);
}

/** Gives the lease up (when it is still `owner`'s), so another instance need not wait for it to expire. */
export async function releaseLease(db: Db, name: string, owner: string): Promise<void> {
  await db.transaction().execute((trx) => trx.deleteFrom("leases").where("name", "=", name).where("owner", "=", owner).execute());
}

/** The leases among `names` that someone holds at `now` (not expired), by name: their owners. */
export async function liveLeases(db: Db, names: string[], now = Date.now()): Promise<Map<string, string>> {
  if (names.length === 0) return new Map();
  const rows = await db.selectFrom("leases").select(["name", "owner"]).where("name", "in", names).where("expires_at", ">=", now).execute();
  return new Map(rows.map((r) => [r.name, r.owner]));
}

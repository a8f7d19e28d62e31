import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openTestDatabase, TEST_DIALECT } from "@server/test/test-database";
import type { Db } from "./database";
import { acquireLease, INSTANCE_ID, liveLeases, releaseLease, renewLease } from "./leases";

let db: Db;
beforeEach(async () => {
  db = await openTestDatabase();
});
afterEach(async () => {
  await db.destroy();
});

const leaseRow = (name: string) => db.selectFrom("leases").selectAll().where("name", "=", name).executeTakeFirst();

describe(`leases (${TEST_DIALECT})`, () => {
  it("are held by one owner until they expire, then taken over", async () => {
    expect(await acquireLease(db, "job", "a", 1_000, 10_000)).toBe(true);
    expect(await leaseRow("job")).toEqual({ name: "job", owner: "a", expires_at: 11_000 });
    // Still a's, up to and including the moment it expires.
    expect(await acquireLease(db, "job", "b", 1_000, 10_500)).toBe(false);
    expect(await acquireLease(db, "job", "b", 1_000, 11_000)).toBe(false);
    expect(await leaseRow("job")).toEqual({ name: "job", owner: "a", expires_at: 11_000 });
    // Expired: b takes it; a cannot renew it any more, nor take it back while b's is live.
    expect(await acquireLease(db, "job", "b", 1_000, 11_001)).toBe(true);
    expect(await leaseRow("job")).toEqual({ name: "job", owner: "b", expires_at: 12_001 });
    expect(await renewLease(db, "job", "a", 1_000, 11_002)).toBe(false);
    expect(await acquireLease(db, "job", "a", 1_000, 11_002)).toBe(false);
    expect(await leaseRow("job")).toEqual({ name: "job", owner: "b", expires_at: 12_001 });
  });

  it("are renewed by their owner, taking one again renews it, and other names are apart", async () => {
    expect(await acquireLease(db, "job", "a", 1_000, 0)).toBe(true);
    expect(await renewLease(db, "job", "a", 1_000, 900)).toBe(true);
    expect(await acquireLease(db, "job", "b", 1_000, 1_500)).toBe(false);
    expect(await acquireLease(db, "job", "a", 5_000, 1_500)).toBe(true);
    expect((await leaseRow("job"))?.expires_at).toBe(6_500);
    expect(await acquireLease(db, "other", "b", 1_000, 1_500)).toBe(true);
    expect(await liveLeases(db, ["job", "other", "none"], 2_000)).toEqual(new Map([["job", "a"], ["other", "b"]]));
    expect(await liveLeases(db, ["job", "other"], 2_501)).toEqual(new Map([["job", "a"]]));
    // Renewing a lease nobody has taken is no way to get one.
    expect(await renewLease(db, "nobody's", "a", 1_000, 0)).toBe(false);
    expect(await leaseRow("nobody's")).toBeUndefined();
  });

  it("are released only by their owner", async () => {
    await acquireLease(db, "job", "a", 60_000);
    await releaseLease(db, "job", "b");
    expect((await leaseRow("job"))?.owner).toBe("a");
    await releaseLease(db, "job", "a");
    expect(await leaseRow("job")).toBeUndefined();
    expect(await acquireLease(db, "job", "b", 60_000)).toBe(true);
  });

  it("renewed inside a transaction, commit with it only while still the owner's", async () => {
    await acquireLease(db, "job", "a", 1_000, 0);
    await acquireLease(db, "job", "b", 1_000, 2_000);
    const held = await db.transaction().execute((trx) => renewLease(trx, "job", "a", 1_000, 2_100));
    expect(held).toBe(false);
    expect(await db.transaction().execute((trx) => renewLease(trx, "job", "b", 1_000, 2_100))).toBe(true);
    expect((await leaseRow("job"))?.expires_at).toBe(3_100);
  });

  it("go to exactly one of many owners trying at once", async () => {
    const owners = Array.from({ length: 12 }, (_, i) => `owner ${i}`);
    const taken = await Promise.all(owners.map((owner) => acquireLease(db, "race", owner, 60_000)));
    expect(taken.filter(Boolean)).toHaveLength(1);
    expect((await leaseRow("race"))?.owner).toBe(owners[taken.indexOf(true)]);
  });

  it("name this process's instance the same each time, and uniquely", () => {
    expect(INSTANCE_ID).toMatch(new RegExp(`^${process.pid}-[0-9a-f-]{36}$`));
  });
});

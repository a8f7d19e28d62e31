import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SyncRun } from "@domain/schemas/gateway-status";
import type { Db } from "@server/db/database";
import { acquireLease } from "@server/db/leases";
import { openTestDatabase, TEST_DIALECT } from "@server/test/test-database";
import { staticToken } from "./credentials";
import { Gateway } from "./gateway";
import { SYNC_LEASE, underSyncLease } from "./sync";
import type { Upstream } from "./upstream";

// Several instances on one database synchronise with Webex one at a time: the lease.

let db: Db;
beforeEach(async () => {
  db = await openTestDatabase();
});
afterEach(async () => {
  await db.destroy();
});

const leaseRow = () => db.selectFrom("leases").selectAll().where("name", "=", SYNC_LEASE).executeTakeFirst();

/** Work that records how many runs overlap it, and ends when told. */
function tracked() {
  let running = 0;
  let most = 0;
  const order: string[] = [];
  const work = (name: string, done: Promise<void>) => async () => {
    running += 1;
    most = Math.max(most, running);
    order.push(`${name} started`);
    await done;
    order.push(`${name} ended`);
    running -= 1;
    return name;
  };
  return { work, order, most: () => most };
}

function latch() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe(`the synchronisation's lease (${TEST_DIALECT})`, () => {
  it("lets one instance synchronise at a time: the other waits for it to end, then runs", async () => {
    const { work, order, most } = tracked();
    const first = latch();
    const a = underSyncLease(db, work("a", first.opened), { owner: "a", retryMs: 10 });
    while (!order.includes("a started")) await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await leaseRow())?.owner).toBe("a");
    const b = underSyncLease(db, work("b", Promise.resolve()), { owner: "b", retryMs: 10 });
    // b cannot take the lease while a holds it; what b does meanwhile is ask again.
    expect(await acquireLease(db, SYNC_LEASE, "c", 60_000)).toBe(false);
    first.open();
    expect(await Promise.all([a, b])).toEqual(["a", "b"]);
    expect(order).toEqual(["a started", "a ended", "b started", "b ended"]);
    expect(most()).toBe(1);
    // Given up after each run.
    expect(await leaseRow()).toBeUndefined();
  });

  it("skips a scheduled run while another instance synchronises, and gives up waiting when stopped", async () => {
    await acquireLease(db, SYNC_LEASE, "elsewhere", 60_000);
    const { work, order } = tracked();
    expect(await underSyncLease(db, work("skipped", Promise.resolve()), { owner: "here", skipIfBusy: true })).toBeUndefined();
    let stopped = false;
    const waiting = underSyncLease(db, work("waiting", Promise.resolve()), { owner: "here", retryMs: 10, stopped: () => stopped });
    stopped = true;
    expect(await waiting).toBeUndefined();
    expect(order).toEqual([]);
    expect((await leaseRow())?.owner).toBe("elsewhere");
  });

  it("takes over the lease of an instance that died once it expired", async () => {
    await acquireLease(db, SYNC_LEASE, "dead", 50);
    expect(await underSyncLease(db, async () => "ran", { owner: "here", retryMs: 20 })).toBe("ran");
  });

  it("makes a gateway's scheduled synchronisation skip while another instance runs one, answering that instance's last run", async () => {
    const gateway = new Gateway(db, {} as Upstream, staticToken("unused"), { apiUrl: "http://127.0.0.1:9", syncIntervalSeconds: 0 });
    gateway.organization = { id: "org", displayName: "Org" };
    gateway.instanceId = "here";
    await acquireLease(db, SYNC_LEASE, "elsewhere", 60_000);
    const saved: SyncRun = { startedAt: "2026-01-01T00:00:00.000Z", finishedAt: "2026-01-01T00:00:05.000Z", outcome: "succeeded", objects: 7, upstreamCalls: 9, drift: 0, errors: [] };
    await db.insertInto("gateway_state").values({ key: "lastSync", value: JSON.stringify(saved), updated_at: saved.finishedAt! }).execute();
    // An upstream of nothing: a synchronisation that ran would throw on its first call.
    expect(await gateway.sync({ skipIfBusy: true })).toEqual(saved);
    expect(gateway.status()).toMatchObject({ syncing: false, lastSync: saved });
    await gateway.stop();
  });
});

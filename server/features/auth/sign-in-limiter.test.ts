import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@server/db/database";
import { openTestDatabase, TEST_DIALECT } from "@server/test/test-database";
import { SignInLimiter } from "./sign-in-limiter";

const limits = { perAccount: 3, perClient: 5, windowMs: 60_000 };

let db: Db;
beforeEach(async () => {
  db = await openTestDatabase();
});
afterEach(async () => {
  await db.destroy();
});

function reserved(result: Awaited<ReturnType<SignInLimiter["reserve"]>>) {
  if (!("reservation" in result)) throw new Error(`refused: wait ${result.retryAfter} s`);
  return result.reservation;
}

const attemptRows = () => db.selectFrom("sign_in_attempts").select(["account", "client", "at"]).orderBy("at").orderBy("account").execute();

describe(`SignInLimiter (${TEST_DIALECT})`, () => {
  it("counts an attempt when it is let through, before its password is known", async () => {
    let now = 0;
    const limiter = new SignInLimiter(limits, () => now);
    for (let i = 0; i < limits.perAccount; i++) reserved(await limiter.reserve(db, "a@x", "10.0.0.1"));
    // None has finished, yet the next one waits for the first to leave the window.
    expect(await limiter.reserve(db, "a@x", "10.0.0.1")).toEqual({ retryAfter: 60 });
    now += 45_000;
    expect(await limiter.reserve(db, "a@x", "10.0.0.2")).toEqual({ retryAfter: 15 });
    now += 15_000;
    reserved(await limiter.reserve(db, "a@x", "10.0.0.2"));
  });

  it("counts nothing for a refused attempt", async () => {
    const limiter = new SignInLimiter(limits, () => 0);
    for (let i = 0; i < limits.perAccount; i++) reserved(await limiter.reserve(db, "a@x", "10.0.0.1"));
    for (let i = 0; i < 10; i++) expect(await limiter.reserve(db, "a@x", "10.0.0.1")).toHaveProperty("retryAfter");
    // The client's count holds the three let through only: two more accounts may try.
    reserved(await limiter.reserve(db, "b@x", "10.0.0.1"));
    reserved(await limiter.reserve(db, "c@x", "10.0.0.1"));
    expect(await limiter.reserve(db, "d@x", "10.0.0.1")).toEqual({ retryAfter: 60 });
    expect(await attemptRows()).toHaveLength(limits.perClient);
  });

  it("takes back a success: the account's failures go, and it is no failure of its client", async () => {
    const limiter = new SignInLimiter(limits, () => 0);
    reserved(await limiter.reserve(db, "a@x", "10.0.0.1"));
    reserved(await limiter.reserve(db, "a@x", "10.0.0.1"));
    await limiter.succeeded(db, reserved(await limiter.reserve(db, "a@x", "10.0.0.1")));
    expect(await limiter.retryAfter(db, "a@x", "10.0.0.9")).toBe(0);
    for (let i = 0; i < limits.perAccount; i++) reserved(await limiter.reserve(db, "a@x", "10.0.0.9"));
    expect(await limiter.reserve(db, "a@x", "10.0.0.9")).toHaveProperty("retryAfter");
  });

  it("never holds up many people signing in rightly from one address (an office)", async () => {
    const office = new SignInLimiter(limits, () => 0);
    for (let i = 0; i < 3 * limits.perClient; i++) await office.succeeded(db, reserved(await office.reserve(db, `p${i}@x`, "10.0.0.1")));
    expect(await office.retryAfter(db, "new@x", "10.0.0.1")).toBe(0);
    expect(await attemptRows()).toEqual([]);
  });

  it("keeps the client's other attempts counted when one of them succeeds", async () => {
    const limiter = new SignInLimiter(limits, () => 0);
    for (let i = 0; i < limits.perClient - 1; i++) reserved(await limiter.reserve(db, `guess${i}@x`, "10.0.0.1"));
    await limiter.succeeded(db, reserved(await limiter.reserve(db, "a@x", "10.0.0.1")));
    reserved(await limiter.reserve(db, "b@x", "10.0.0.1"));
    expect(await limiter.reserve(db, "c@x", "10.0.0.1")).toEqual({ retryAfter: 60 });
  });

  it("keeps an account's failures from other clients counted for those clients once it succeeds", async () => {
    const limiter = new SignInLimiter({ perAccount: 10, perClient: 2, windowMs: 60_000 }, () => 0);
    reserved(await limiter.reserve(db, "a@x", "10.0.0.7"));
    reserved(await limiter.reserve(db, "a@x", "10.0.0.7"));
    await limiter.succeeded(db, reserved(await limiter.reserve(db, "a@x", "10.0.0.1")));
    // The account is cleared; 10.0.0.7's two guesses still hold it back.
    expect(await limiter.retryAfter(db, "a@x", "10.0.0.1")).toBe(0);
    expect(await limiter.reserve(db, "z@x", "10.0.0.7")).toEqual({ retryAfter: 60 });
  });

  it("is shared by every limiter on the database: the counts of one instance hold on another", async () => {
    const first = new SignInLimiter(limits, () => 0);
    const second = new SignInLimiter(limits, () => 0);
    reserved(await first.reserve(db, "a@x", "10.0.0.1"));
    reserved(await second.reserve(db, "a@x", "10.0.0.2"));
    reserved(await first.reserve(db, "a@x", "10.0.0.3"));
    expect(await second.reserve(db, "a@x", "10.0.0.4")).toEqual({ retryAfter: 60 });
    expect(await first.reserve(db, "a@x", "10.0.0.5")).toEqual({ retryAfter: 60 });
  });

  it("lets through at most the limit of a burst of parallel attempts from two instances", async () => {
    const first = new SignInLimiter(limits, () => 0);
    const second = new SignInLimiter(limits, () => 0);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? first : second).reserve(db, "a@x", `10.0.0.${i}`)),
    );
    expect(results.filter((r) => "reservation" in r)).toHaveLength(limits.perAccount);
    expect(results.filter((r) => "retryAfter" in r)).toHaveLength(20 - limits.perAccount);
    expect(await attemptRows()).toHaveLength(limits.perAccount);
  });

  it("deletes the attempts that left the window as it goes, so the table stays small", async () => {
    let now = 1_000_000;
    const limiter = new SignInLimiter(limits, () => now);
    reserved(await limiter.reserve(db, "a@x", "10.0.0.1"));
    reserved(await limiter.reserve(db, "b@x", "10.0.0.2"));
    now += 30_000;
    reserved(await limiter.reserve(db, "c@x", "10.0.0.3"));
    now += 30_000;
    // The first two have just left the window; an attempt for anybody sweeps them out.
    reserved(await limiter.reserve(db, "d@x", "10.0.0.4"));
    expect(await attemptRows()).toEqual([
      { account: "c@x", client: "10.0.0.3", at: 1_030_000 },
      { account: "d@x", client: "10.0.0.4", at: 1_060_000 },
    ]);
  });
});

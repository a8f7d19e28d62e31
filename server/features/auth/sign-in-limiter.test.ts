import { describe, expect, it } from "vitest";
import { SignInLimiter } from "./sign-in-limiter";

const limits = { perAccount: 3, perClient: 5, windowMs: 60_000 };

function reserved(result: ReturnType<SignInLimiter["reserve"]>) {
  if (!("reservation" in result)) throw new Error(`refused: wait ${result.retryAfter} s`);
  return result.reservation;
}

describe("SignInLimiter", () => {
  it("counts an attempt when it is let through, before its password is known", () => {
    let now = 0;
    const limiter = new SignInLimiter(limits, () => now);
    for (let i = 0; i < limits.perAccount; i++) reserved(limiter.reserve("a@x", "10.0.0.1"));
    // None has finished, yet the next one waits for the first to leave the window.
    expect(limiter.reserve("a@x", "10.0.0.1")).toEqual({ retryAfter: 60 });
    now += 45_000;
    expect(limiter.reserve("a@x", "10.0.0.2")).toEqual({ retryAfter: 15 });
    now += 15_000;
    reserved(limiter.reserve("a@x", "10.0.0.2"));
  });

  it("counts nothing for a refused attempt", () => {
    const limiter = new SignInLimiter(limits, () => 0);
    for (let i = 0; i < limits.perAccount; i++) reserved(limiter.reserve("a@x", "10.0.0.1"));
    for (let i = 0; i < 10; i++) expect(limiter.reserve("a@x", "10.0.0.1")).toHaveProperty("retryAfter");
    // The client's count holds the three let through only: two more accounts may try.
    reserved(limiter.reserve("b@x", "10.0.0.1"));
    reserved(limiter.reserve("c@x", "10.0.0.1"));
    expect(limiter.reserve("d@x", "10.0.0.1")).toEqual({ retryAfter: 60 });
  });

  it("takes back a success: the account's failures go, and it is no failure of its client", () => {
    const limiter = new SignInLimiter(limits, () => 0);
    reserved(limiter.reserve("a@x", "10.0.0.1"));
    reserved(limiter.reserve("a@x", "10.0.0.1"));
    limiter.succeeded(reserved(limiter.reserve("a@x", "10.0.0.1")));
    expect(limiter.retryAfter("a@x", "10.0.0.9")).toBe(0);
    for (let i = 0; i < limits.perAccount; i++) reserved(limiter.reserve("a@x", "10.0.0.9"));
    expect(limiter.reserve("a@x", "10.0.0.9")).toHaveProperty("retryAfter");
    // Many people signing in rightly from one address (an office) are never held up.
    const office = new SignInLimiter(limits, () => 0);
    for (let i = 0; i < 3 * limits.perClient; i++) office.succeeded(reserved(office.reserve(`p${i}@x`, "10.0.0.1")));
    expect(office.retryAfter("new@x", "10.0.0.1")).toBe(0);
  });

  it("keeps the client's other attempts counted when one of them succeeds", () => {
    const limiter = new SignInLimiter(limits, () => 0);
    for (let i = 0; i < limits.perClient - 1; i++) reserved(limiter.reserve(`guess${i}@x`, "10.0.0.1"));
    limiter.succeeded(reserved(limiter.reserve("a@x", "10.0.0.1")));
    reserved(limiter.reserve("b@x", "10.0.0.1"));
    expect(limiter.reserve("c@x", "10.0.0.1")).toEqual({ retryAfter: 60 });
  });
});

import { describe, expect, it, vi } from "vitest";
import { DEMO_ADMINS, DEMO_PASSWORD } from "@server/db/seed";
import { HASH_CONCURRENCY, hashPassword, verifyPassword } from "./password";

// The real scrypt, watched: how many hashes are being computed at once.
const hashes = vi.hoisted(() => ({ running: 0, most: 0, started: 0 }));
vi.mock("node:crypto", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:crypto")>();
  const scrypt = ((...args: unknown[]) => {
    const callback = args.pop() as (error: Error | null, key: Buffer) => void;
    hashes.started++;
    hashes.most = Math.max(hashes.most, ++hashes.running);
    (actual.scrypt as (...a: unknown[]) => void)(...args, (error: Error | null, key: Buffer) => {
      hashes.running--;
      callback(error, key);
    });
  }) as typeof actual.scrypt;
  return { ...actual, default: { ...actual, scrypt }, scrypt };
});

describe("password hashing (scrypt, memory-hard)", () => {
  it("stores a salted hash at OWASP's cost and checks passwords against it", async () => {
    const hash = await hashPassword("correct horse");
    expect(hash).toMatch(/^scrypt\$17\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(hash).not.toContain("correct horse");
    expect(await hashPassword("correct horse")).not.toBe(hash);
    expect(await verifyPassword("correct horse", hash)).toBe(true);
    expect(await verifyPassword("correct horsE", hash)).toBe(false);
    // The same text however the keyboard composed it.
    const composed = await hashPassword("S\u00e3o");
    expect(await verifyPassword("Sa\u0303o", composed)).toBe(true);
  });

  it("fails for no account, a damaged hash or another scheme", async () => {
    expect(await verifyPassword("anything", undefined)).toBe(false);
    expect(await verifyPassword("x", "md5$abc")).toBe(false);
    const hash = await hashPassword("x");
    expect(await verifyPassword("x", hash.slice(0, -2) + "AA")).toBe(false);
  });

  it("matches the demo accounts' stored hashes to the README's password", async () => {
    for (const admin of Object.values(DEMO_ADMINS)) {
      expect(await verifyPassword(DEMO_PASSWORD, admin.passwordHash), admin.email).toBe(true);
    }
  });
});

describe("password hashing under load", () => {
  it(`computes at most ${HASH_CONCURRENCY} hashes at once, however many are asked for`, async () => {
    expect(HASH_CONCURRENCY).toBeGreaterThanOrEqual(1);
    expect(HASH_CONCURRENCY).toBeLessThanOrEqual(2);
    const stored = await hashPassword("correct horse");
    Object.assign(hashes, { running: 0, most: 0, started: 0 });
    const results = await Promise.all([
      ...Array.from({ length: 6 }, (_, i) => verifyPassword(i === 0 ? "correct horse" : `guess ${i}`, stored)),
      verifyPassword("unknown account", undefined),
      hashPassword("a new administrator's password"),
    ]);
    expect(results.slice(0, 7)).toEqual([true, false, false, false, false, false, false]);
    expect(hashes.started).toBe(8);
    expect(hashes.most).toBe(HASH_CONCURRENCY);
    expect(hashes.running).toBe(0);
  });
});

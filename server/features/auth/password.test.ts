import { describe, expect, it } from "vitest";
import { DEMO_ADMINS, DEMO_PASSWORD } from "@server/db/seed";
import { hashPassword, verifyPassword } from "./password";

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

import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { newSecret, sameSecret, sha256 } from "./secrets";

// Secrets are hashed with SHA-256 (base64url); the hashes of recent secrets are kept, which
// must never change an answer, however many secrets come and go.

describe("sha256 of a secret", () => {
  const reference = (secret: string) => createHash("sha256").update(secret).digest("base64url");

  it("is SHA-256 in base64url, the same the first time, again, and after many other secrets", () => {
    const first = newSecret("cpa_");
    expect(sha256(first)).toBe(reference(first));
    expect(sha256(first)).toBe(reference(first));
    const others = Array.from({ length: 2_500 }, (_, i) => `secret-${i}`);
    for (const secret of others) expect(sha256(secret)).toBe(reference(secret));
    expect(sha256(first)).toBe(reference(first));
    expect(sha256(others[0])).toBe(reference(others[0]));
  });

  it("tells equal secrets from different ones", () => {
    const secret = newSecret();
    expect(sameSecret(secret, `${secret}`)).toBe(true);
    expect(sameSecret(secret, newSecret())).toBe(false);
  });
});

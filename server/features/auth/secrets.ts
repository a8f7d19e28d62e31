import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

// Session ids, CSRF tokens and access tokens: 256 random bits, stored only as SHA-256.

export function newSecret(prefix = ""): string {
  return prefix + randomBytes(32).toString("base64url");
}

// The hashes of the secrets seen lately, kept in this process's memory only: a request with a
// bearer token hashed it up to four times (the rate limiter's key, the ADMIN_TOKEN comparison,
// the token's lookup), ~5% of a kept list answer's cost under load. A hit reveals by its speed
// only that the same whole secret was hashed lately, which signing in with it tells anyway.
const HASHES_KEPT = 1_000;
const hashes = new Map<string, string>();

export function sha256(secret: string): string {
  let hash = hashes.get(secret);
  if (hash === undefined) {
    hash = createHash("sha256").update(secret).digest("base64url");
    if (hashes.size >= HASHES_KEPT) hashes.delete(hashes.keys().next().value!);
    hashes.set(secret, hash);
  }
  return hash;
}

/** Compares two secrets in constant time (their hashes have the same length). */
export function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(Buffer.from(sha256(a)), Buffer.from(sha256(b)));
}

import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

// Session ids, CSRF tokens and access tokens: 256 random bits, stored only as SHA-256.

export function newSecret(prefix = ""): string {
  return prefix + randomBytes(32).toString("base64url");
}

export function sha256(secret: string): string {
  return createHash("sha256").update(secret).digest("base64url");
}

/** Compares two secrets in constant time (their hashes have the same length). */
export function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(Buffer.from(sha256(a)), Buffer.from(sha256(b)));
}

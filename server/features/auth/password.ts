import { randomBytes, scrypt, type ScryptOptions, timingSafeEqual } from "node:crypto";
import { availableParallelism } from "node:os";
import pLimit from "p-limit";

// Passwords are hashed with scrypt, the memory-hard function built into Node, at
// OWASP's recommended cost (N=2^17, r=8, p=1: 128 MiB per hash), and stored as
// `scrypt$<log2 N>$<r>$<p>$<salt>$<hash>` so the cost can rise later without
// breaking stored hashes.

const LOG_N = 17;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

/**
 * Hashes computed at once, whatever asks (signing in, creating an administrator):
 * each takes a whole core and 128 MiB for a while, so a burst waits its turn
 * instead of taking every core and the memory with it.
 */
export const HASH_CONCURRENCY = Math.min(2, availableParallelism());
const hashing = pLimit(HASH_CONCURRENCY);

function derive(password: string, salt: Buffer, logN: number, r: number, p: number): Promise<Buffer> {
  const options: ScryptOptions = { N: 2 ** logN, r, p, maxmem: 2 * 128 * r * 2 ** logN };
  return hashing(
    () =>
      new Promise<Buffer>((resolve, reject) => {
        scrypt(password.normalize("NFC"), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key)));
      }),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, LOG_N, R, P);
  return ["scrypt", LOG_N, R, P, salt.toString("base64url"), key.toString("base64url")].join("$");
}

// A stored hash of nothing anybody types: unknown addresses cost as much as known ones.
const DECOY = "scrypt$17$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

/** Whether the password matches the stored hash; `undefined` (no such account) takes as long and fails. */
export async function verifyPassword(password: string, stored: string | undefined): Promise<boolean> {
  const [scheme, logN, r, p, salt, hash] = (stored ?? DECOY).split("$");
  if (scheme !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64url");
  const key = await derive(password, Buffer.from(salt, "base64url"), Number(logN), Number(r), Number(p));
  return stored !== undefined && key.length === expected.length && timingSafeEqual(key, expected);
}

import { randomUUID } from "node:crypto";
import type { Db } from "@server/db/database";

// Slows down password guessing: after too many failed sign-ins for one address, or
// from one client address, within a window, further attempts are refused (429 with
// Retry-After) until the oldest failure leaves the window. A success clears the
// address's failures. Counted in the database (sign_in_attempts), so that every server
// instance on it shares the counts: a guesser spreading attempts over instances gains nothing.
//
// An attempt is counted as a failure the moment it is let through, in the same
// transaction as the check (`reserve`), before its slow password check starts: so
// parallel attempts, on this instance or another, cannot all pass the check before any
// of them is counted, and at most the limit of passwords is ever checked in a window.
// (SQLite runs one writer at a time; PostgreSQL's SERIALIZABLE transactions refuse one
// of two that both counted before either inserted, and it is run again.) Only a success
// (`succeeded`) takes its attempt back.

export interface SignInLimits {
  /** Failures for one email address within the window. */
  perAccount: number;
  /** Failures from one client address within the window (many accounts, one guesser). */
  perClient: number;
  windowMs: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = { perAccount: 5, perClient: 20, windowMs: 15 * 60 * 1000 };

/** At most this often (per instance) the attempts that left the window are deleted, all at once. */
const SWEEP_EVERY_MS = 60_000;

/**
 * An account whose failures a success forgave: its attempts stay counted for their clients
 * (one guesser's many accounts), but no longer for the account. No email address is empty.
 */
const FORGIVEN = "";

/** An attempt let through by `reserve`: counted as a failure unless given to `succeeded`. */
export interface SignInReservation {
  readonly email: string;
  readonly client: string;
  /** Its row in sign_in_attempts. */
  readonly attemptId: string;
}

type Key = "account" | "client";

export class SignInLimiter {
  private lastSweep = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly limits: SignInLimits = DEFAULT_SIGN_IN_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until one more attempt for this key's value may be counted (0: now). */
  private async waitFor(db: Db, key: Key, value: string, limit: number, at: number): Promise<number> {
    // The limit-th most recent attempt in the window: once it leaves, one more may come.
    const rows = await db
      .selectFrom("sign_in_attempts")
      .select("at")
      .where(key, "=", value)
      .where("at", ">", at - this.limits.windowMs)
      .orderBy("at", "desc")
      .limit(limit)
      .execute();
    return rows.length >= limit ? rows[limit - 1].at + this.limits.windowMs - at : 0;
  }

  private async waitMs(db: Db, email: string, client: string, at: number): Promise<number> {
    const account = await this.waitFor(db, "account", email, this.limits.perAccount, at);
    const fromClient = await this.waitFor(db, "client", client, this.limits.perClient, at);
    return Math.max(account, fromClient);
  }

  /** Seconds to wait before another attempt, or 0 when one may be made now. */
  async retryAfter(db: Db, email: string, client: string): Promise<number> {
    return Math.ceil((await this.waitMs(db, email, client, this.now())) / 1000);
  }

  /**
   * Lets an attempt through and counts it as a failure at once, or says how many
   * seconds to wait (counting nothing). The check and the count are one transaction: no
   * other attempt, from any instance, can come between them.
   */
  async reserve(db: Db, email: string, client: string): Promise<{ reservation: SignInReservation } | { retryAfter: number }> {
    const at = this.now();
    await this.sweep(db, at);
    const attemptId = randomUUID();
    const waitMs = await db.transaction().execute(async (trx) => {
      const wait = await this.waitMs(trx, email, client, at);
      if (wait <= 0) await trx.insertInto("sign_in_attempts").values({ id: attemptId, account: email, client, at }).execute();
      return wait;
    });
    if (waitMs > 0) return { retryAfter: Math.ceil(waitMs / 1000) };
    return { reservation: { email, client, attemptId } };
  }

  /** The right password: the account's failures are cleared, and this attempt is no failure of its client. */
  async succeeded(db: Db, { email, attemptId }: SignInReservation): Promise<void> {
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom("sign_in_attempts").where("id", "=", attemptId).execute();
      await trx.updateTable("sign_in_attempts").set({ account: FORGIVEN }).where("account", "=", email).execute();
    });
  }

  /**
   * Deletes the attempts that left the window, so the table stays small. Apart from the
   * counting transaction (which reads only its account's and client's attempts, so that
   * attempts for other accounts and clients do not clash with it on PostgreSQL), and at
   * most once a minute; a sweep that fails is simply made again later.
   */
  private async sweep(db: Db, at: number) {
    if (at - this.lastSweep < Math.min(SWEEP_EVERY_MS, this.limits.windowMs)) return;
    this.lastSweep = at;
    const before = at - this.limits.windowMs;
    await db
      .transaction()
      .execute((trx) => trx.deleteFrom("sign_in_attempts").where("at", "<=", before).execute())
      .catch(() => undefined);
  }
}

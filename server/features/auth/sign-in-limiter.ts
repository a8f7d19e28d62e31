// Slows down password guessing: after too many failed sign-ins for one address, or
// from one client address, within a window, further attempts are refused (429 with
// Retry-After) until the oldest failure leaves the window. A success clears the
// address's failures. Kept in memory: this server is one process.
//
// An attempt is counted as a failure the moment it is let through, in the same
// synchronous step as the check (`reserve`), before its slow password check starts:
// so parallel attempts cannot all pass the check before any of them is counted, and
// at most the limit of passwords is ever checked in a window. Only a success
// (`succeeded`) takes its attempt back.

export interface SignInLimits {
  /** Failures for one email address within the window. */
  perAccount: number;
  /** Failures from one client address within the window (many accounts, one guesser). */
  perClient: number;
  windowMs: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = { perAccount: 5, perClient: 20, windowMs: 15 * 60 * 1000 };

/** Beyond this many tracked keys the stalest are dropped, so a flood cannot exhaust memory. */
const MAX_KEYS = 10_000;

/** One counted attempt; the same object sits in its account's and its client's list. */
interface Attempt {
  at: number;
}

/** An attempt let through by `reserve`: counted as a failure unless given to `succeeded`. */
export interface SignInReservation {
  readonly email: string;
  readonly client: string;
  readonly attempt: Attempt;
}

export class SignInLimiter {
  private readonly failures = new Map<string, Attempt[]>();

  constructor(
    private readonly limits: SignInLimits = DEFAULT_SIGN_IN_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  private keys(email: string, client: string): [string, number][] {
    return [
      [`account:${email}`, this.limits.perAccount],
      [`client:${client}`, this.limits.perClient],
    ];
  }

  private recent(key: string): Attempt[] {
    const since = this.now() - this.limits.windowMs;
    const kept = (this.failures.get(key) ?? []).filter((a) => a.at > since);
    if (kept.length) this.failures.set(key, kept);
    else this.failures.delete(key);
    return kept;
  }

  /** Seconds to wait before another attempt, or 0 when one may be made now. */
  retryAfter(email: string, client: string): number {
    let waitMs = 0;
    for (const [key, limit] of this.keys(email, client)) {
      const times = this.recent(key);
      if (times.length >= limit) {
        const freedAt = times[times.length - limit].at + this.limits.windowMs;
        waitMs = Math.max(waitMs, freedAt - this.now());
      }
    }
    return Math.ceil(waitMs / 1000);
  }

  /**
   * Lets an attempt through and counts it as a failure at once, or says how many
   * seconds to wait (counting nothing). Synchronous: no other attempt can come between
   * the check and the count.
   */
  reserve(email: string, client: string): { reservation: SignInReservation } | { retryAfter: number } {
    const retryAfter = this.retryAfter(email, client);
    if (retryAfter > 0) return { retryAfter };
    const attempt: Attempt = { at: this.now() };
    for (const [key] of this.keys(email, client)) {
      const times = this.recent(key);
      // Re-inserted, so the map's first entries are the stalest.
      this.failures.delete(key);
      this.failures.set(key, [...times, attempt]);
    }
    while (this.failures.size > MAX_KEYS) this.failures.delete(this.failures.keys().next().value as string);
    return { reservation: { email, client, attempt } };
  }

  /** The right password: the account's failures are cleared, and this attempt is no failure of its client. */
  succeeded({ email, client, attempt }: SignInReservation) {
    this.failures.delete(`account:${email}`);
    const key = `client:${client}`;
    const kept = (this.failures.get(key) ?? []).filter((a) => a !== attempt);
    if (kept.length) this.failures.set(key, kept);
    else this.failures.delete(key);
  }
}

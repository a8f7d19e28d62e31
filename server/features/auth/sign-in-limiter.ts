// Slows down password guessing: after too many failed sign-ins for one address, or
// from one client address, within a window, further attempts are refused (429 with
// Retry-After) until the oldest failure leaves the window. A success clears the
// address's failures. Kept in memory: this server is one process.

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

export class SignInLimiter {
  private readonly failures = new Map<string, number[]>();

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

  private recent(key: string): number[] {
    const since = this.now() - this.limits.windowMs;
    const kept = (this.failures.get(key) ?? []).filter((t) => t > since);
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
        const freedAt = times[times.length - limit] + this.limits.windowMs;
        waitMs = Math.max(waitMs, freedAt - this.now());
      }
    }
    return Math.ceil(waitMs / 1000);
  }

  failed(email: string, client: string) {
    for (const [key] of this.keys(email, client)) {
      const times = this.recent(key);
      this.failures.delete(key);
      this.failures.set(key, [...times, this.now()]);
    }
    while (this.failures.size > MAX_KEYS) this.failures.delete(this.failures.keys().next().value as string);
  }

  succeeded(email: string) {
    this.failures.delete(`account:${email}`);
  }
}

import { afterEach, describe, expect, it, vi } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { DEMO_ADMINS, DEMO_PASSWORD } from "@server/db/seed";
import { startTestServer } from "@server/test/test-server";
import * as password from "./password";
import { DEFAULT_SIGN_IN_LIMITS, SignInLimiter } from "./sign-in-limiter";

// Every password check the sign-in endpoint makes is counted: the real check, spied on.
vi.mock("./password", async (importOriginal) => {
  const actual = await importOriginal<typeof import("./password")>();
  return { ...actual, verifyPassword: vi.fn(actual.verifyPassword) };
});
const verifyPassword = vi.mocked(password.verifyPassword);

afterEach(() => verifyPassword.mockClear());

describe("a burst of parallel sign-ins", () => {
  it("checks at most the per-account limit of passwords; the rest get 429 with Retry-After", async () => {
    const limiter = new SignInLimiter(DEFAULT_SIGN_IN_LIMITS, () => 1_000_000);
    const server = await startTestServer({ signInLimiter: limiter });
    try {
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          server.app.anonymous({ method: "POST", url: urlOf(api.session.signIn), payload: { email: DEMO_ADMINS.full.email, password: `guess ${i}` } }),
        ),
      );
      const checked = verifyPassword.mock.calls.length;
      const statuses = answers.map((a) => a.statusCode);
      expect(checked).toBeLessThanOrEqual(DEFAULT_SIGN_IN_LIMITS.perAccount);
      expect(statuses.filter((s) => s === 401)).toHaveLength(checked);
      expect(statuses.filter((s) => s === 429)).toHaveLength(50 - checked);
      // The clock stands still: the attempts counted now leave the window in a whole window.
      const windowSeconds = DEFAULT_SIGN_IN_LIMITS.windowMs / 1000;
      for (const refused of answers.filter((a) => a.statusCode === 429)) {
        expect(refused.headers["retry-after"]).toBe(String(windowSeconds));
        expect(refused.json()).toMatchObject({ code: "tooManySignInAttempts", params: { seconds: windowSeconds } });
      }
    } finally {
      await server.close();
    }
  });

  it("from one client across many accounts checks at most the per-client limit", async () => {
    const limiter = new SignInLimiter(DEFAULT_SIGN_IN_LIMITS, () => 1_000_000);
    const server = await startTestServer({ signInLimiter: limiter });
    try {
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          server.app.anonymous({ method: "POST", url: urlOf(api.session.signIn), payload: { email: `guess${i}@acme.example`, password: "x" } }),
        ),
      );
      const checked = verifyPassword.mock.calls.length;
      expect(checked).toBe(DEFAULT_SIGN_IN_LIMITS.perClient);
      expect(answers.filter((a) => a.statusCode === 401)).toHaveLength(checked);
      expect(answers.filter((a) => a.statusCode === 429)).toHaveLength(50 - checked);
    } finally {
      await server.close();
    }
  });

  it("still lets the right password in under the limit, which clears the failures", async () => {
    const limiter = new SignInLimiter(DEFAULT_SIGN_IN_LIMITS, () => 1_000_000);
    const server = await startTestServer({ signInLimiter: limiter });
    try {
      const attempt = (password: string) =>
        server.app.anonymous({ method: "POST", url: urlOf(api.session.signIn), payload: { email: DEMO_ADMINS.full.email, password } });
      const wrong = await Promise.all(Array.from({ length: DEFAULT_SIGN_IN_LIMITS.perAccount - 1 }, (_, i) => attempt(`guess ${i}`)));
      expect(wrong.map((a) => a.statusCode)).toEqual(Array(DEFAULT_SIGN_IN_LIMITS.perAccount - 1).fill(401));
      expect((await attempt(DEMO_PASSWORD)).statusCode).toBe(201);
      // Cleared: a whole limit of failures may follow before a refusal.
      const again = await Promise.all(Array.from({ length: DEFAULT_SIGN_IN_LIMITS.perAccount + 1 }, (_, i) => attempt(`again ${i}`)));
      expect(again.map((a) => a.statusCode).sort()).toEqual([...Array(DEFAULT_SIGN_IN_LIMITS.perAccount).fill(401), 429]);
    } finally {
      await server.close();
    }
  });
});

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyRequest } from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import type { AppOptions } from "@server/app";
import { HEALTH_PATH } from "@server/features/health/health.routes";
import { expectApiError } from "@server/test/api-error";
import { signIn } from "@server/test/sessions";
import { locationIdOf, startTestServer, TEST_ADMIN_TOKEN, type TestServer, totals } from "@server/test/test-server";
import { callerKey } from "./rate-limit";

const LIMIT = 3;
const organizations = urlOf(api.organizations.list);
let server: TestServer | undefined;
let clock = 0;
const now = () => clock;

async function start(options: Partial<AppOptions> = {}) {
  clock = 1_000_000;
  server = await startTestServer({ apiRateLimit: { max: LIMIT, now }, ...options });
  return server;
}

/** `count` reads of the organisation list with `headers`, answered in order. */
async function reads(s: TestServer, count: number, headers: Record<string, string> = {}) {
  const answers = [];
  for (let i = 0; i < count; i++) answers.push(await s.app.inject({ method: "GET", url: organizations, headers }));
  return answers;
}

afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("API rate limit", () => {
  it("answers the request past the limit with 429, Retry-After and a Webex body in the caller's language", async () => {
    const s = await start();
    const allowed = await reads(s, LIMIT);
    expect(allowed.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(allowed[0].headers["x-ratelimit-limit"]).toBeUndefined();

    clock += 15_000;
    const refused = await s.app.inject({ method: "GET", url: organizations, headers: { "accept-language": "pt-BR" } });
    const body = expectApiError(refused, "tooManyRequests");
    expect(refused.headers["retry-after"]).toBe("45");
    expect(refused.headers["content-language"]).toBe("pt-BR");
    expect(body.message).toBe("Muitas solicitações: tente novamente em 45 segundos.");
    expect(body.params).toEqual({ count: 45 });

    clock += 44_500;
    const last = await s.app.inject({ method: "GET", url: organizations });
    expect(last.headers["retry-after"]).toBe("1");
    expect(expectApiError(last, "tooManyRequests").message).toBe("Too many requests: try again in 1 second.");
  });

  it("refuses a write past the limit before it changes anything", async () => {
    const s = await start();
    const locationId = await locationIdOf(s.db, "San Jose HQ");
    await reads(s, LIMIT);
    const before = await totals(s.db);
    const res = await s.app.inject({
      method: "POST",
      url: urlOf(api.callParkExtensions.create, { locationId }),
      payload: { name: "Too many", extension: "7321" },
    });
    expectApiError(res, "tooManyRequests");
    expect(await totals(s.db)).toEqual(before);
  });

  it("counts each token, session and address apart", async () => {
    const s = await start();
    const session = await signIn(s, "readOnly");
    await reads(s, LIMIT);
    expect((await reads(s, 1))[0].statusCode).toBe(429);

    // The same administrator signed in through the SPA is another caller; so is an anonymous address.
    expect((await reads(s, LIMIT, session.read)).map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect((await reads(s, 1, session.read))[0].statusCode).toBe(429);
    const elsewhere = await s.app.anonymous({ method: "GET", url: organizations, remoteAddress: "203.0.113.9" });
    expectApiError(elsewhere, "unauthorized");
  });

  it("lets the caller in again once the window has passed", async () => {
    const s = await start();
    await reads(s, LIMIT + 1);
    clock += 60_000;
    expect((await reads(s, LIMIT)).map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect((await reads(s, 1))[0].statusCode).toBe(429);
  });

  it("is off with API_RATE_LIMIT=0", async () => {
    const s = await start({ apiRateLimit: { max: 0, now } });
    expect((await reads(s, LIMIT * 3)).every((r) => r.statusCode === 200)).toBe(true);
  });

  it("counts only /v1: not /healthz, the SPA or its files", async () => {
    const spaDir = fs.mkdtempSync(path.join(os.tmpdir(), "cpa-rate-spa-"));
    try {
      fs.mkdirSync(path.join(spaDir, "assets"));
      fs.writeFileSync(path.join(spaDir, "index.html"), "<!doctype html><title>Call Park Admin</title>");
      fs.writeFileSync(path.join(spaDir, "assets", "app-Ab12.js"), "export {};\n");
      const s = await start({ serveSpa: true, spaDir });
      for (const url of [HEALTH_PATH, "/", "/locations", "/assets/app-Ab12.js"]) {
        const answers = await Promise.all(Array.from({ length: LIMIT + 2 }, () => s.app.inject({ method: "GET", url })));
        expect(answers.map((r) => r.statusCode).filter((status) => status === 429), url).toEqual([]);
      }
      expect((await reads(s, LIMIT + 1)).map((r) => r.statusCode)).toEqual([200, 200, 200, 429]);
    } finally {
      fs.rmSync(spaDir, { recursive: true, force: true });
    }
  });
});

describe("callerKey", () => {
  const request = (headers: Record<string, string>, cookies: Record<string, string> = {}, ip = "198.51.100.7") =>
    ({ headers, cookies, ip }) as unknown as FastifyRequest;

  it("names the caller by a hash of their secret, never the secret itself", () => {
    const byToken = callerKey(request({ authorization: `Bearer ${TEST_ADMIN_TOKEN}` }));
    const bySession = callerKey(request({}, { cpa_session: "the-session-secret" }));
    expect(byToken).toMatch(/^token:/);
    expect(byToken).not.toContain(TEST_ADMIN_TOKEN);
    expect(bySession).toMatch(/^session:/);
    expect(bySession).not.toContain("the-session-secret");
    expect(callerKey(request({}))).toBe("ip:198.51.100.7");
  });

  it("prefers the token to the session, and the session to the address", () => {
    const both = callerKey(request({ authorization: "Bearer abc" }, { cpa_session: "s" }));
    expect(both).toBe(callerKey(request({ authorization: "bearer  abc" }, {}, "192.0.2.1")));
    expect(callerKey(request({}, { cpa_session: "s" }, "192.0.2.1"))).toBe(callerKey(request({}, { cpa_session: "s" })));
  });
});

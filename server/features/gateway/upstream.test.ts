import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { API_BASE } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { locationIdOf } from "@server/test/test-server";
import { type FaultProxy, refusingUrl, startFaultProxy } from "@server/test/fault-proxy";
import { type StandIn, startStandIn } from "@server/test/standin";
import { expectPublicWebexCalls, nonPublicCalls, publicWebexOperations } from "@server/test/upstream-spec";
import { staticToken } from "./credentials";
import { Upstream, type UpstreamCall, UpstreamError, type UpstreamOptions } from "./upstream";

// The Webex client against the stand-in for Webex (this project's own server, over real
// HTTP) through the fault proxy, which adds the faults Webex may show: 429, 503 before or
// after applying a change, hung and reset connections.

let standIn: StandIn;
let sanJose: string;
let proxy: FaultProxy;
/** Every call any Upstream of this file made, for the public-operations check at the end. */
const allCalls: UpstreamCall[] = [];

beforeAll(async () => {
  standIn = await startStandIn();
  sanJose = await locationIdOf(standIn.db, "San Jose HQ");
});

afterAll(async () => {
  await standIn?.close();
});

afterEach(async () => {
  await proxy?.close();
});

/** A sleep that records each wait and returns at once. */
function instantSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

/** A sleep that records each wait and returns only when the test says so. */
function heldSleep() {
  const waits: number[] = [];
  const releases: (() => void)[] = [];
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      waits.push(ms);
      releases.push(resolve);
    });
  return { waits, sleep, releaseAll: () => releases.splice(0).forEach((release) => release()) };
}

async function client(options: Partial<UpstreamOptions> = {}) {
  proxy = await startFaultProxy({ target: standIn.url });
  const calls: UpstreamCall[] = [];
  const upstream = new Upstream({
    baseUrl: proxy.url,
    tokens: staticToken(standIn.token),
    orgId: standIn.orgId,
    sleep: instantSleep().sleep,
    onCall: (call) => {
      calls.push(call);
      allCalls.push(call);
    },
    ...options,
  });
  return { upstream, calls };
}

async function failure(promise: Promise<unknown>): Promise<UpstreamError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UpstreamError);
  return error as UpstreamError;
}

const CALL_PARK_EXTENSIONS = /\/telephony\/config\/callParkExtensions$/;

/** Waits for a state to show (generously: a busy machine is slow, never wrong). */
const until = (assertion: () => void) => vi.waitFor(assertion, { timeout: 15_000, interval: 5 });

describe("reading", () => {
  it("follows Link across every page and returns each item once, with orgId on every call", async () => {
    const { upstream, calls } = await client();
    const items = await upstream.listAll(api.callParkExtensions.list, { query: { max: 5 } });
    expect(items).toHaveLength(30);
    expect(new Set(items.map((i) => i.id)).size).toBe(30);
    expect(proxy.requests).toHaveLength(6);
    for (const request of proxy.requests) {
      expect(request.path).toBe(`${API_BASE}/telephony/config/callParkExtensions`);
      expect(new URLSearchParams(request.query).get("orgId")).toBe(standIn.orgId);
      expect(request.status).toBe(200);
    }
    expect(proxy.requests.map((r) => new URLSearchParams(r.query).get("start"))).toEqual([null, "5", "10", "15", "20", "25"]);
    expect(calls.map((c) => c.path)).toEqual(Array(6).fill(api.callParkExtensions.list.path));
    expect(upstream.calls).toBe(6);
  });

  it("accepts a base address with a trailing slash", async () => {
    const { upstream } = await client();
    const slashed = new Upstream({ baseUrl: `${proxy.url}/`, tokens: staticToken(standIn.token), onCall: (c) => allCalls.push(c) });
    const location = await slashed.call(api.locations.get, { params: { locationId: sanJose } });
    expect(location.name).toBe("San Jose HQ");
    expect(proxy.requests.map((r) => r.path)).toEqual([`${API_BASE}/locations/${sanJose}`]);
    expect(upstream.calls).toBe(0);
  });

  it("sends the caller's TrackingID, or its own CPA_GW_ one, and no orgId when none is configured", async () => {
    const { upstream, calls } = await client({ orgId: undefined });
    await upstream.call(api.locations.get, { params: { locationId: sanJose }, trackingId: "CPA_caller_1234" });
    await upstream.listAll(api.callParks.list, { params: { locationId: sanJose } });
    expect(proxy.requests[0].trackingId).toBe("CPA_caller_1234");
    expect(proxy.requests[1].trackingId).toMatch(/^CPA_GW_[0-9a-f-]{36}$/);
    expect(calls.map((c) => c.trackingId)).toEqual(proxy.requests.map((r) => r.trackingId));
    expect(proxy.requests.every((r) => !new URLSearchParams(r.query).has("orgId"))).toBe(true);
  });

  it("reads through the endpoint's schema, dropping fields it does not know", async () => {
    const { upstream } = await client();
    const narrow = { ...api.locations.get, response: z.object({ name: z.string() }) };
    expect(await upstream.call(narrow, { params: { locationId: sanJose } })).toEqual({ name: "San Jose HQ" });
  });

  it("answers unavailable for a success that fails its schema (a read) and unclear (a write: it was applied)", async () => {
    const { upstream } = await client();
    const strict = { ...api.locations.get, response: z.object({ notAField: z.string() }) };
    const read = await failure(upstream.call(strict, { params: { locationId: sanJose } }));
    expect(read.kind).toBe("unavailable");
    expect(read.message).toMatch(/does not match its schema \(notAField: /);

    const validate = { ...api.callParkExtensions.validateExtensions, response: z.object({ notAField: z.string() }) };
    const write = await failure(upstream.call(validate, { params: { locationId: sanJose }, body: { extensions: ["7100"] } }));
    expect(write.kind).toBe("unclear");
  });

  it("refuses an endpoint that is not a public Webex operation, without calling", async () => {
    const { upstream } = await client();
    await expect(upstream.call(api.auditEvents.list)).rejects.toThrow(/not a public Webex operation/);
    await expect(upstream.listAll(api.callParks.orgList)).rejects.toThrow(/not a public Webex operation/);
    expect(upstream.calls).toBe(0);
    expect(proxy.requests).toEqual([]);
  });

  it("maps 404 to notFound and 403 (another organisation) to forbidden, keeping Webex's words", async () => {
    const { upstream } = await client();
    const missing = await failure(upstream.call(api.locations.get, { params: { locationId: "no-such-location" } }));
    expect(missing).toMatchObject({ kind: "notFound", status: 404 });
    expect(missing.upstreamTrackingId).toMatch(/^CPA_GW_/);

    const elsewhere = new Upstream({ baseUrl: proxy.url, tokens: staticToken(standIn.token), orgId: "another-organisation", onCall: (c) => allCalls.push(c) });
    const forbidden = await failure(elsewhere.call(api.locations.get, { params: { locationId: sanJose } }));
    expect(forbidden).toMatchObject({ kind: "forbidden", status: 403 });
    expect(forbidden.upstreamMessage).toEqual(expect.any(String));
    expect(forbidden.body).toMatchObject({ code: "organizationNotVisible" });
  });
});

describe("429 Too Many Requests", () => {
  it("waits Retry-After, pausing every call of the client meanwhile, then retries", async () => {
    const held = heldSleep();
    const { upstream, calls } = await client({ sleep: held.sleep });
    proxy.rateLimit({ retryAfter: 30, match: { path: CALL_PARK_EXTENSIONS } });

    const first = upstream.listAll(api.callParkExtensions.list);
    await until(() => expect(held.waits).toEqual([30_000]));
    // Another call started during the pause waits for what remains of it, before sending anything.
    const second = upstream.call(api.locations.get, { params: { locationId: sanJose } });
    await until(() => expect(held.waits).toHaveLength(2));
    expect(held.waits[1]).toBeGreaterThan(0);
    expect(held.waits[1]).toBeLessThanOrEqual(30_000);
    expect(proxy.requests.map((r) => r.status)).toEqual([429]);

    held.releaseAll();
    const [extensions, location] = await Promise.all([first, second]);
    expect(extensions).toHaveLength(30);
    expect(location.name).toBe("San Jose HQ");
    expect(proxy.requests.map((r) => r.status)).toEqual([429, 200, 200]);
    expect(calls.filter((c) => c.path === api.callParkExtensions.list.path).map((c) => [c.status, c.attempt])).toEqual([
      [429, 1],
      [200, 2],
    ]);
  });

  it("retries a write after a 429 (it was not applied), 5 s without Retry-After, capped by maxRetryAfterMs", async () => {
    const { waits, sleep } = instantSleep();
    const { upstream } = await client({ sleep, maxRetryAfterMs: 60_000 });
    proxy.rateLimit({ retryAfter: null, match: { method: "POST" } });
    proxy.rateLimit({ retryAfter: 600, match: { method: "POST" } });
    const result = await upstream.call(api.callParkExtensions.validateExtensions, { params: { locationId: sanJose }, body: { extensions: ["7100"] } });
    expect(result.extensionStatus[0].state).toBe("VALID");
    expect(waits).toEqual([5_000, 60_000]);
    expect(proxy.requests.map((r) => r.status)).toEqual([429, 429, 200]);
  });

  it("gives up as unavailable after 10 answers of 429 in a row", async () => {
    const { upstream } = await client();
    proxy.rateLimit({ times: 50 });
    const error = await failure(upstream.call(api.locations.get, { params: { locationId: sanJose } }));
    expect(error).toMatchObject({ kind: "unavailable", status: 429 });
    expect(proxy.requests).toHaveLength(10);
  });
});

describe("failures of reads and writes", () => {
  it("retries a GET answered 503 with backoff, then succeeds", async () => {
    const { waits, sleep } = instantSleep();
    const { upstream, calls } = await client({ sleep });
    proxy.unavailable({ times: 2 });
    const location = await upstream.call(api.locations.get, { params: { locationId: sanJose } });
    expect(location.name).toBe("San Jose HQ");
    expect(proxy.requests.map((r) => [r.status, r.forwarded])).toEqual([
      [503, false],
      [503, false],
      [200, true],
    ]);
    expect(calls.map((c) => c.attempt)).toEqual([1, 2, 3]);
    expect(waits).toHaveLength(2);
    expect(waits[0]).toBeGreaterThanOrEqual(125);
    expect(waits[0]).toBeLessThanOrEqual(250);
    expect(waits[1]).toBeGreaterThanOrEqual(250);
    expect(waits[1]).toBeLessThanOrEqual(500);
  });

  it("gives up on a GET after readRetries, as unavailable", async () => {
    const { upstream } = await client({ readRetries: 2 });
    proxy.unavailable({ times: 10 });
    const error = await failure(upstream.call(api.locations.get, { params: { locationId: sanJose } }));
    expect(error).toMatchObject({ kind: "unavailable", status: 503 });
    expect(proxy.requests).toHaveLength(3);
  });

  it("never repeats a PUT answered 503 after Webex applied it: unclear", async () => {
    const { upstream } = await client();
    const [extension] = await upstream.listAll(api.callParkExtensions.list, { query: { locationId: sanJose, max: 1 } });
    const params = { locationId: sanJose, callParkExtensionId: extension.id };
    proxy.unavailable({ after: true, times: 5, match: { method: "PUT" } });
    const error = await failure(upstream.call(api.callParkExtensions.update, { params, body: { name: "Applied upstream" } }));
    expect(error).toMatchObject({ kind: "unclear", status: 503 });
    const puts = proxy.requests.filter((r) => r.method === "PUT");
    expect(puts.map((r) => [r.status, r.forwarded])).toEqual([[503, true]]);
    // It was applied: the caller finds out by looking.
    expect((await upstream.call(api.callParkExtensions.get, { params })).name).toBe("Applied upstream");
  });

  it("treats a connection reset after sending a PUT as unclear, and sends it once", async () => {
    const { upstream } = await client();
    const [extension] = await upstream.listAll(api.callParkExtensions.list, { query: { locationId: sanJose, max: 1 } });
    proxy.reset({ after: true, match: { method: "PUT" } });
    const error = await failure(
      upstream.call(api.callParkExtensions.update, { params: { locationId: sanJose, callParkExtensionId: extension.id }, body: { name: "Reset after" } }),
    );
    expect(error.kind).toBe("unclear");
    expect(proxy.requests.filter((r) => r.method === "PUT").map((r) => [r.status, r.forwarded])).toEqual([["reset", true]]);
  });

  it("answers unavailable for a PUT whose connection is refused (it never left)", async () => {
    const { upstream, calls } = await client({ baseUrl: await refusingUrl(API_BASE) });
    const error = await failure(
      upstream.call(api.callParkExtensions.update, { params: { locationId: sanJose, callParkExtensionId: "x" }, body: { name: "Never sent" } }),
    );
    expect(error.kind).toBe("unavailable");
    expect(calls.map((c) => [c.status, c.attempt])).toEqual([["network", 1]]);
  });

  it("retries a GET that timed out, and does not repeat a PUT that timed out (unclear)", async () => {
    const { upstream, calls } = await client({ timeoutMs: 1_000 });
    proxy.hang({ times: 2, match: { method: "GET" } });
    expect((await upstream.call(api.locations.get, { params: { locationId: sanJose } })).name).toBe("San Jose HQ");
    expect(calls.slice(0, 2).map((c) => c.status)).toEqual(["timeout", "timeout"]);
    expect(calls.at(-1)?.status).toBe(200);
    expect(proxy.requests.slice(0, 2).map((r) => r.status)).toEqual(["hung", "hung"]);

    proxy.hang({ match: { method: "PUT" } });
    const error = await failure(
      upstream.call(api.callParkExtensions.update, { params: { locationId: sanJose, callParkExtensionId: "x" }, body: { name: "Timed out" } }),
    );
    expect(error.kind).toBe("unclear");
    expect(proxy.requests.filter((r) => r.method === "PUT")).toHaveLength(1);
  });

  it("never has more requests in flight than its concurrency", async () => {
    const { upstream } = await client({ concurrency: 4 });
    proxy.hold();
    const all = Promise.all(Array.from({ length: 20 }, () => upstream.call(api.locations.get, { params: { locationId: sanJose } })));
    await until(() => expect(proxy.inFlight).toBe(4));
    expect(proxy.requests).toHaveLength(4);
    proxy.release();
    const locations = await all;
    expect(locations.every((l) => l.name === "San Jose HQ")).toBe(true);
    expect(proxy.requests).toHaveLength(20);
    expect(proxy.maxInFlight).toBe(4);
  });
});

describe("a fixed access token", () => {
  it("is valid once Webex takes it", async () => {
    const tokens = staticToken(standIn.token);
    const { upstream } = await client({ tokens });
    await upstream.call(api.locations.get, { params: { locationId: sanJose } });
    expect(tokens.state).toBe("valid");
  });

  it("refused, answers credential and is invalid; the token appears in no record or message", async () => {
    const secret = "not-the-stand-in-token-0123456789";
    const tokens = staticToken(secret);
    const { upstream, calls } = await client({ tokens });
    const error = await failure(upstream.call(api.locations.get, { params: { locationId: sanJose } }));
    expect(error).toMatchObject({ kind: "credential", status: 401 });
    expect(tokens.state).toBe("invalid");
    expect(proxy.requests).toHaveLength(1);
    const visible = JSON.stringify([calls, proxy.requests, error.message, error.body, String(error.cause)]);
    expect(visible).not.toContain(secret);
  });
});

describe("the public-operations check (upstream-spec)", () => {
  it.skipIf(!publicWebexOperations)("refuses a call that is no public Webex operation", () => {
    const operations = publicWebexOperations ?? [];
    expect(nonPublicCalls([{ method: "GET", url: `http://127.0.0.1:1${API_BASE}/auditEvents` }], operations)).toEqual([`GET ${API_BASE}/auditEvents`]);
    // A Webex path, but not with this method.
    expect(nonPublicCalls([{ method: "POST", url: `${API_BASE}/telephony/config/callParkExtensions` }], operations)).toEqual([
      `POST ${API_BASE}/telephony/config/callParkExtensions`,
    ]);
    expect(nonPublicCalls([{ method: "GET", url: "/locations" }], operations)).toEqual(["GET /locations"]);
    expect(
      nonPublicCalls(
        [
          { method: "GET", url: `https://webexapis.com${API_BASE}/telephony/config/locations/L1/callParks/C1?orgId=O` },
          { method: "POST", url: `${API_BASE}/access_token` },
        ],
        operations,
      ),
    ).toEqual([]);
  });

  it("finds every call this file's clients made among the public Webex operations", (context) => {
    expect(allCalls.length).toBeGreaterThan(50);
    expectPublicWebexCalls(allCalls, context);
  });
});

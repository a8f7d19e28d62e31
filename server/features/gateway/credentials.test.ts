import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { API_BASE } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { type Db, openDatabase } from "@server/db/database";
import { type FaultProxy, startFaultProxy } from "@server/test/fault-proxy";
import { type StandIn, startStandIn } from "@server/test/standin";
import { expectPublicWebexCalls } from "@server/test/upstream-spec";
import { CredentialError, dbRefreshTokenStore, type RefreshTokenStore, refreshingToken, type TokenSource } from "./credentials";
import { Upstream, type UpstreamCall, UpstreamError } from "./upstream";

// The refreshing credential against the fault proxy's OAuth endpoint (it issues, rotates
// and revokes tokens as Webex's does) in front of the stand-in for Webex. The gateway's
// own database (a fresh one per test) keeps the newest refresh token.

const CLIENT_ID = "C-integration-client-id";
const CLIENT_SECRET = "integration-client-secret-0123456789";
const HOUR = 3_600_000;

let standIn: StandIn;
let proxy: FaultProxy;
let db: Db;
let store: RefreshTokenStore;
let clock: number;
const allCalls: UpstreamCall[] = [];
const messages: string[] = [];

beforeAll(async () => {
  standIn = await startStandIn();
});

afterAll(async () => {
  await standIn?.close();
});

beforeEach(async () => {
  proxy = await startFaultProxy({ target: standIn.url, oauth: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, targetToken: standIn.token, accessTokenLifetimeS: 3600 } });
  db = await openDatabase("sqlite::memory:");
  store = dbRefreshTokenStore(db);
  clock = Date.parse("2026-03-01T09:00:00Z");
});

afterEach(async () => {
  // Nothing secret in what the proxy saw (its addresses), the calls recorded or the errors' messages.
  const visible = JSON.stringify([proxy.requests, allCalls, messages]);
  for (const secret of [CLIENT_SECRET, ...proxy.issuedTokens]) expect(visible).not.toContain(secret);
  await proxy.close();
  await db.destroy();
});

function tokensFor(refreshToken: string, options: { clientSecret?: string } = {}): TokenSource {
  return refreshingToken({
    baseUrl: proxy.url,
    clientId: CLIENT_ID,
    clientSecret: options.clientSecret ?? CLIENT_SECRET,
    refreshToken,
    store,
    now: () => clock,
    onCall: (call) => allCalls.push(call),
  });
}

function upstreamWith(tokens: TokenSource) {
  const calls: UpstreamCall[] = [];
  const upstream = new Upstream({
    baseUrl: proxy.url,
    tokens,
    orgId: standIn.orgId,
    sleep: async () => undefined,
    onCall: (call) => {
      calls.push(call);
      allCalls.push(call);
    },
  });
  return { upstream, calls, organizations: () => upstream.call(api.locations.list, { query: { max: 1 } }) };
}

/** The proxy's requests, as "METHOD path status". */
function seen() {
  return proxy.requests.map((r) => `${r.method} ${r.path.slice(API_BASE.length)} ${r.status}`);
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  messages.push((error as Error).message);
  return error as Error;
}

async function storedRow() {
  return db.selectFrom("gateway_state").selectAll().where("key", "=", "refreshToken").execute();
}

describe("a refreshing credential", () => {
  it("refreshes before the first call and saves the newest refresh token; a new source from the store uses it", async () => {
    const fromEnvironment = proxy.issueRefreshToken();
    const first = upstreamWith(tokensFor(fromEnvironment));
    await first.organizations();
    expect(seen()).toEqual(["POST /access_token 200", "GET /locations 200"]);
    const saved = await store.load();
    expect(saved?.fromEnvironment).toBe(fromEnvironment);
    expect(saved?.current).not.toBe(fromEnvironment);
    expect(proxy.isRefreshTokenLive(saved!.current)).toBe(true);
    // Webex rotated it: the environment's one is spent.
    expect(proxy.isRefreshTokenLive(fromEnvironment)).toBe(false);
    expect(await storedRow()).toHaveLength(1);

    // A restart with the same environment: the stored token, not the spent one.
    const restarted = tokensFor(fromEnvironment);
    await upstreamWith(restarted).organizations();
    expect(restarted.state).toBe("valid");
    const again = await store.load();
    expect(again?.fromEnvironment).toBe(fromEnvironment);
    expect(again?.current).not.toBe(saved?.current);
    expect(await storedRow()).toHaveLength(1);
  });

  it("takes the environment's refresh token when the operator gives a new one", async () => {
    const old = proxy.issueRefreshToken();
    await upstreamWith(tokensFor(old)).organizations();
    const stored = await store.load();

    const given = proxy.issueRefreshToken();
    await upstreamWith(tokensFor(given)).organizations();
    expect(proxy.isRefreshTokenLive(given)).toBe(false);
    // The stored descendant of the old one was not used.
    expect(proxy.isRefreshTokenLive(stored!.current)).toBe(true);
    expect((await store.load())?.fromEnvironment).toBe(given);
  });

  it("refreshes before a call when the access token is within refreshBeforeMs of its end, not before", async () => {
    const tokens = tokensFor(proxy.issueRefreshToken());
    const { organizations } = upstreamWith(tokens);
    await organizations();
    clock += HOUR - 20 * 60_000;
    await organizations();
    expect(seen()).toEqual(["POST /access_token 200", "GET /locations 200", "GET /locations 200"]);
    clock += 15 * 60_000;
    await organizations();
    clock += 5 * 60_000;
    await organizations();
    expect(seen()).toEqual(["POST /access_token 200", "GET /locations 200", "GET /locations 200", "POST /access_token 200", "GET /locations 200", "GET /locations 200"]);
  });

  it("shares one refresh among concurrent callers", async () => {
    const { upstream } = upstreamWith(tokensFor(proxy.issueRefreshToken()));
    await Promise.all(Array.from({ length: 6 }, () => upstream.call(api.locations.list, { query: { max: 1 } })));
    expect(seen().filter((line) => line.startsWith("POST /access_token"))).toHaveLength(1);
  });

  it("refreshes and retries once when Webex refuses an access token mid-life", async () => {
    const tokens = tokensFor(proxy.issueRefreshToken());
    const { organizations, calls } = upstreamWith(tokens);
    await organizations();
    proxy.expireAccessTokens();
    await organizations();
    expect(seen()).toEqual(["POST /access_token 200", "GET /locations 200", "GET /locations 401", "POST /access_token 200", "GET /locations 200"]);
    expect(calls.map((c) => [c.status, c.attempt])).toEqual([
      [200, 1],
      [401, 1],
      [200, 2],
    ]);
    expect(tokens.state).toBe("valid");
  });

  it("is expired when the refresh token is revoked after it worked: CredentialError, and credential upstream", async () => {
    const tokens = tokensFor(proxy.issueRefreshToken());
    const { organizations } = upstreamWith(tokens);
    await organizations();
    proxy.revokeRefreshTokens();

    // Within the refresh window the access token in hand still serves, but the state says it ends.
    clock += HOUR - 5 * 60_000;
    await organizations();
    expect(tokens.state).toBe("expired");

    clock += 10 * 60_000;
    const error = await failure(organizations());
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).kind).toBe("credential");
    const direct = await failure(tokens.accessToken());
    expect(direct).toBeInstanceOf(CredentialError);
    expect((direct as CredentialError).state).toBe("expired");
    expect(direct.message).toMatch(/invalid_grant/);
    // Refused for good: not asked again for every call.
    expect(seen().filter((line) => line.startsWith("POST /access_token"))).toEqual(["POST /access_token 200", "POST /access_token 400"]);
  });

  it("is invalid when Webex never took it (an unknown refresh token, a wrong client secret)", async () => {
    const unknown = tokensFor("fp_rt_never-issued-by-webex");
    const error = await failure(upstreamWith(unknown).organizations());
    expect(error).toMatchObject({ kind: "credential" });
    expect(unknown.state).toBe("invalid");

    const wrongSecret = tokensFor(proxy.issueRefreshToken(), { clientSecret: "not-the-client-secret-9876543210" });
    await failure(upstreamWith(wrongSecret).organizations());
    expect(wrongSecret.state).toBe("invalid");
    expect(seen()).toEqual(["POST /access_token 400", "POST /access_token 401"]);
    expect(await store.load()).toBeUndefined();
  });

  it("gives up after one refresh when Webex refuses the fresh access token too", async () => {
    await proxy.close();
    proxy = await startFaultProxy({ target: standIn.url, oauth: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, targetToken: "a-token-the-stand-in-refuses" } });
    const tokens = tokensFor(proxy.issueRefreshToken());
    const error = await failure(upstreamWith(tokens).organizations());
    expect(error).toMatchObject({ kind: "credential", status: 401 });
    expect(tokens.state).toBe("invalid");
    expect(seen()).toEqual(["POST /access_token 200", "GET /locations 401", "POST /access_token 200", "GET /locations 401"]);
  });

  it("treats an OAuth endpoint that does not answer as Webex unavailable, keeping the state", async () => {
    const tokens = tokensFor(proxy.issueRefreshToken());
    const { upstream } = upstreamWith(tokens);
    proxy.unavailable({ times: 10, match: { path: /\/access_token$/ } });
    const read = await failure(upstream.call(api.locations.list, { query: { max: 1 } }));
    expect(read).toMatchObject({ kind: "unavailable" });
    const write = await failure(upstream.call(api.callParkExtensions.validateExtensions, { params: { locationId: "x" }, body: { extensions: ["7100"] } }));
    expect(write).toMatchObject({ kind: "unavailable" });
    expect(tokens.state).toBe("valid");
    // Only the token endpoint was asked: the operations never left.
    expect(proxy.requests.every((r) => r.path.endsWith("/access_token"))).toBe(true);
  });

  it("makes only public Webex calls", (context) => {
    expect(allCalls.some((c) => c.path === "/access_token")).toBe(true);
    expectPublicWebexCalls(allCalls, context);
  });
});

describe("the database store", () => {
  it("keeps one row, the last saved", async () => {
    expect(await store.load()).toBeUndefined();
    await store.save({ fromEnvironment: "env-1", current: "rt-1" });
    await store.save({ fromEnvironment: "env-1", current: "rt-2" });
    expect(await store.load()).toEqual({ fromEnvironment: "env-1", current: "rt-2" });
    const rows = await storedRow();
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0].value)).toEqual({ fromEnvironment: "env-1", current: "rt-2" });
  });
});

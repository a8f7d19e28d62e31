import { afterEach, describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { openDatabase } from "@server/db/database";
import { signIn } from "@server/test/sessions";
import { startStandIn, type StandIn } from "@server/test/standin";
import { type FaultProxy, startFaultProxy } from "@server/test/fault-proxy";
import { buildTestApp, locationIdOf, TEST_ADMIN_TOKEN, type TestApp } from "@server/test/test-server";
import { expectPublicWebexCalls } from "@server/test/upstream-spec";
import { staticToken } from "./credentials";
import { Gateway } from "./gateway";
import { Upstream, type UpstreamCall } from "./upstream";

// The gateway against a stand-in for Webex (this project's own server on a real port,
// seeded with the demo organisation), each on its own database: what the gateway shows
// comes from the stand-in, and what it changes lands there.

interface Pair {
  standin: StandIn;
  gateway: Gateway;
  app: TestApp;
  calls: UpstreamCall[];
}
const open: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of open.splice(0).reverse()) await close();
});

interface PairOptions {
  prepare?: (standin: StandIn) => Promise<void>;
  /** Talk to the stand-in through a fault proxy. */
  proxy?: boolean;
  /** The bearer the gateway uses (default: the stand-in's full administrator). */
  token?: (standin: StandIn) => Promise<string>;
}

async function pair(prepareOrOptions?: PairOptions["prepare"] | PairOptions): Promise<Pair & { proxy?: FaultProxy; sleeps: number[] }> {
  const o: PairOptions = typeof prepareOrOptions === "function" ? { prepare: prepareOrOptions } : (prepareOrOptions ?? {});
  const standin = await startStandIn();
  open.push(() => standin.close());
  await o.prepare?.(standin);
  const proxy = o.proxy ? await startFaultProxy({ target: standin.url }) : undefined;
  if (proxy) open.push(() => proxy.close());
  const apiUrl = proxy?.url ?? standin.url;
  const db = await openDatabase("sqlite::memory:");
  const calls: UpstreamCall[] = [];
  const sleeps: number[] = [];
  const tokens = staticToken(o.token ? await o.token(standin) : standin.token);
  // Waits are recorded and skipped: what is tested is that the gateway waits, not the clock.
  const sleep = async (ms: number) => void sleeps.push(ms);
  const upstream = new Upstream({ baseUrl: apiUrl, tokens, onCall: (c) => calls.push(c), sleep });
  const gateway = new Gateway(db, upstream, tokens, { apiUrl, syncIntervalSeconds: 0 });
  await gateway.connect();
  const first = await gateway.sync();
  expect(first.errors).toEqual([]);
  const app = await buildTestApp(db, { gateway });
  open.push(async () => {
    await gateway.stop();
    await app.close();
    await db.destroy();
  });
  return { standin, gateway, app, calls, proxy, sleeps };
}

type Inject = TestApp["inject"];
async function json(inject: Inject, url: string) {
  const res = await inject({ url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe("Webex mode: the mirror", () => {
  it("holds what the stand-in holds after a synchronisation: locations, call park extensions, groups, settings", async () => {
    const { standin, app } = await pair(async (s) => {
      // Groups of every kind: members and ordered destinations, members as destinations, a hunt group recall.
      const locationId = await locationIdOf(s.db, "San Jose HQ");
      const agents = (await json(s.app.inject, urlOf(api.callParks.availableUsers, { locationId }))).agents as { id: string }[];
      const extensions = (await json(s.app.inject, urlOf(api.callParks.availableCallParkExtensions, { locationId }))).callParkExtensions as { id: string }[];
      const huntGroups = (await json(s.app.inject, urlOf(api.callParks.availableRecallHuntGroups, { locationId }))).huntGroups as { id: string }[];
      const create = (payload: object) => s.app.inject({ method: "POST", url: urlOf(api.callParks.create, { locationId }), payload });
      expect((await create({ name: "Docks", recall: { option: "ALERT_PARKING_USER_ONLY" }, agents: [agents[0].id, agents[1].id], callParkExtensions: [extensions[1].id, extensions[0].id] })).statusCode).toBe(201);
      expect((await create({ name: "Ward", recall: { option: "ALERT_HUNT_GROUP_ONLY", huntGroupId: huntGroups[0].id }, agents: [agents[2].id], parkOnAgentsEnabled: true })).statusCode).toBe(201);
      const settings = urlOf(api.callParkSettings.update, { locationId });
      expect((await s.app.inject({ method: "PUT", url: settings, payload: { callParkRecall: { option: "ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP", huntGroupId: huntGroups[0].id } } })).statusCode).toBe(204);
    });
    const both = async (url: string) => [await json(standin.app.inject, url), await json(app.inject, url)];

    const [upLocations, locations] = await both(urlOf(api.locations.list, {}, { include: "callParkCounts" }));
    expect(locations).toEqual(upLocations);
    const [upExtensions, extensions] = await both(urlOf(api.callParkExtensions.list, {}, { max: 1000 }));
    expect(extensions.callParkExtensions).toEqual(upExtensions.callParkExtensions);
    const [upGroups, groups] = await both(urlOf(api.callParks.orgList, {}, {}));
    expect(groups).toEqual(upGroups);
    expect(groups.callParks).toHaveLength(2);
    for (const group of groups.callParks as { id: string; locationId: string }[]) {
      const [upDetail, detail] = await both(urlOf(api.callParks.get, { locationId: group.locationId, callParkId: group.id }));
      expect(detail).toEqual(upDetail);
    }
    const sanJose = await locationIdOf(standin.db, "San Jose HQ");
    const [upSettings, settings] = await both(urlOf(api.callParkSettings.get, { locationId: sanJose }));
    expect(settings).toEqual(upSettings);
  });

  it("calls Webex only through operations of its public specs", async ({ skip }) => {
    const { calls } = await pair();
    expect(calls.length).toBeGreaterThan(10);
    expectPublicWebexCalls(calls, { skip });
  });

  it("reports the mode, the organisation and the last synchronisation; a standalone server says so", async () => {
    const { app, standin } = await pair();
    const status = await json(app.inject, urlOf(api.gateway.status, {}));
    expect(status).toMatchObject({
      mode: "webex",
      upstreamUrl: standin.url,
      organization: { id: standin.orgId },
      credential: "valid",
      readOnly: false,
      syncing: false,
      lastSync: { outcome: "succeeded", drift: 0, errors: [] },
    });
    expect(status.lastSync.objects).toBeGreaterThan(20);
    expect(JSON.stringify(status)).not.toContain(TEST_ADMIN_TOKEN);
    expect(await json(standin.app.inject, urlOf(api.gateway.status, {}))).toEqual({ mode: "standalone", missingScopes: [], readOnly: false, syncing: false });
    const refused = await standin.app.inject({ method: "POST", url: urlOf(api.gateway.sync, {}) });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe("gatewayNotConfigured");
  });
});

describe("Webex mode: changes go to Webex first", () => {
  it("creates, renames and deletes a call park extension on the stand-in, with the audit entries here", async () => {
    const { standin, app } = await pair();
    const sanJose = await locationIdOf(standin.db, "San Jose HQ");
    const created = await app.inject({ method: "POST", url: urlOf(api.callParkExtensions.create, { locationId: sanJose }), payload: { name: "Gate 1", extension: "6601" } });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json();
    const params = { locationId: sanJose, callParkExtensionId: id };
    // The id is Webex's: the stand-in answers for it.
    expect(await json(standin.app.inject, urlOf(api.callParkExtensions.get, params))).toMatchObject({ name: "Gate 1", extension: "6601" });

    expect((await app.inject({ method: "PUT", url: urlOf(api.callParkExtensions.update, params), payload: { name: "Gate one" } })).statusCode).toBe(204);
    expect(await json(standin.app.inject, urlOf(api.callParkExtensions.get, params))).toMatchObject({ name: "Gate one" });
    expect(await json(app.inject, urlOf(api.callParkExtensions.get, params))).toMatchObject({ name: "Gate one" });

    expect((await app.inject({ method: "DELETE", url: urlOf(api.callParkExtensions.delete, params) })).statusCode).toBe(204);
    expect((await standin.app.inject({ url: urlOf(api.callParkExtensions.get, params) })).statusCode).toBe(404);
    expect((await app.inject({ url: urlOf(api.callParkExtensions.get, params) })).statusCode).toBe(404);

    const history = await json(app.inject, urlOf(api.auditEvents.list, {}, { objectId: id }));
    expect(history.items.map((e: { action: string; origin: string }) => [e.action, e.origin])).toEqual([
      ["DELETE", "app"],
      ["UPDATE", "app"],
      ["CREATE", "app"],
    ]);
  });

  it("gives Webex's refusal in the administrator's language, and changes nothing", async () => {
    const { standin, app } = await pair();
    const sanJose = await locationIdOf(standin.db, "San Jose HQ");
    // Taken on the stand-in after the synchronisation: the mirror does not know, Webex refuses.
    const url = urlOf(api.callParkExtensions.create, { locationId: sanJose });
    expect((await standin.app.inject({ method: "POST", url, payload: { name: "Taken there", extension: "6602" } })).statusCode).toBe(201);
    const refused = await app.inject({ method: "POST", url, payload: { name: "Mine", extension: "6602" }, headers: { "accept-language": "pt-BR" } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: "extensionTaken" });
    expect(refused.json().message).toContain("6602");
    expect(refused.json().message).toMatch(/já está em uso|já é usad/);
    const mine = await json(app.inject, urlOf(api.callParkExtensions.list, {}, { locationId: sanJose, name: "Mine" }));
    expect(mine.callParkExtensions).toEqual([]);
  });

  it("creates and renames a call park group: Webex's new id is the mirror's, and the history follows it", async () => {
    const { standin, app } = await pair();
    const sanJose = await locationIdOf(standin.db, "San Jose HQ");
    const free = await json(app.inject, urlOf(api.callParks.availableUsers, { locationId: sanJose }));
    const agents = (free.agents as { id: string }[]).slice(0, 2).map((a) => a.id);
    const created = await app.inject({
      method: "POST",
      url: urlOf(api.callParks.create, { locationId: sanJose }),
      payload: { name: "Gateway desk", recall: { option: "ALERT_PARKING_USER_ONLY" }, agents },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json();
    const renamed = await app.inject({ method: "PUT", url: urlOf(api.callParks.update, { locationId: sanJose, callParkId: id }), payload: { name: "Gateway front desk" } });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const newId = renamed.json().id;
    expect(newId).not.toBe(id);
    const upstream = await json(standin.app.inject, urlOf(api.callParks.get, { locationId: sanJose, callParkId: newId }));
    expect(upstream).toMatchObject({ name: "Gateway front desk", agents: agents.map((a) => ({ id: a })) });
    expect(await json(app.inject, urlOf(api.callParks.get, { locationId: sanJose, callParkId: newId }))).toEqual(upstream);
    expect((await app.inject({ url: urlOf(api.callParks.get, { locationId: sanJose, callParkId: id }) })).statusCode).toBe(404);
    const history = await json(app.inject, urlOf(api.auditEvents.list, {}, { objectId: id }));
    expect(history.items.map((e: { action: string }) => e.action)).toEqual(["UPDATE", "CREATE"]);
  });

  it("changes a location's Call Park Settings on the stand-in", async () => {
    const { standin, app } = await pair();
    const sanJose = await locationIdOf(standin.db, "San Jose HQ");
    const url = urlOf(api.callParkSettings.update, { locationId: sanJose });
    const res = await app.inject({ method: "PUT", url, payload: { callParkSettings: { recallTime: 120, ringPattern: "LONG_LONG" } } });
    expect(res.statusCode, res.body).toBe(204);
    const upstream = await json(standin.app.inject, urlOf(api.callParkSettings.get, { locationId: sanJose }));
    expect(upstream.callParkSettings).toMatchObject({ recallTime: 120, ringPattern: "LONG_LONG" });
    expect(await json(app.inject, urlOf(api.callParkSettings.get, { locationId: sanJose }))).toEqual(upstream);
  });
});

describe("Webex mode: changes made outside this app", () => {
  it("appear after a synchronisation, each with an audit entry marked as made outside", async () => {
    const { standin, app, gateway } = await pair();
    const sanJose = await locationIdOf(standin.db, "San Jose HQ");
    const made = await standin.app.inject({ method: "POST", url: urlOf(api.callParkExtensions.create, { locationId: sanJose }), payload: { name: "Made in Control Hub", extension: "6603" } });
    const { id } = made.json();
    const settings = urlOf(api.callParkSettings.update, { locationId: sanJose });
    expect((await standin.app.inject({ method: "PUT", url: settings, payload: { callParkSettings: { recallTime: 300 } } })).statusCode).toBe(204);

    const run = await gateway.sync();
    expect(run).toMatchObject({ outcome: "succeeded", drift: 2 });
    expect(await json(app.inject, urlOf(api.callParkExtensions.get, { locationId: sanJose, callParkExtensionId: id }))).toMatchObject({ name: "Made in Control Hub" });
    const outside = await json(app.inject, urlOf(api.auditEvents.list, {}, { origin: "upstream" }));
    expect(outside.items.map((e: { action: string; objectType: string; objectName: string; actorName: string }) => [e.action, e.objectType, e.actorName])).toEqual(
      expect.arrayContaining([
        ["CREATE", "callParkExtension", "Webex"],
        ["UPDATE", "callParkSettings", "Webex"],
      ]),
    );
    expect(outside.items).toHaveLength(2);
    // Nothing changed since: the next run finds nothing.
    expect((await gateway.sync()).drift).toBe(0);
  });

  it("follows a group renamed outside: one history across both ids", async () => {
    const { standin, app, gateway } = await pair();
    const locationId = await locationIdOf(standin.db, "San Jose HQ");
    const free = await json(standin.app.inject, urlOf(api.callParks.availableUsers, { locationId }));
    const made = await standin.app.inject({
      method: "POST",
      url: urlOf(api.callParks.create, { locationId }),
      payload: { name: "Outside desk", recall: { option: "ALERT_PARKING_USER_ONLY" }, agents: [free.agents[0].id] },
    });
    const group = { id: made.json().id as string, locationId, name: "Outside desk" };
    expect((await gateway.sync()).drift).toBe(1);
    const renamed = await standin.app.inject({
      method: "PUT",
      url: urlOf(api.callParks.update, { locationId: group.locationId, callParkId: group.id }),
      payload: { name: `${group.name} (renamed)` },
    });
    const newId = renamed.json().id;
    expect((await gateway.sync()).drift).toBe(1);
    expect(await json(app.inject, urlOf(api.callParks.get, { locationId: group.locationId, callParkId: newId }))).toMatchObject({ name: `${group.name} (renamed)` });
    const history = await json(app.inject, urlOf(api.auditEvents.list, {}, { objectId: group.id }));
    expect(history.items).toEqual([
      expect.objectContaining({ action: "UPDATE", objectId: newId, origin: "upstream" }),
      expect.objectContaining({ action: "CREATE", objectId: group.id, origin: "upstream" }),
    ]);
  });
});

describe("Webex mode: an upstream that throttles, fails and stalls", () => {
  it("waits out 429s and retries reads that failed with 503: the synchronisation ends complete", async () => {
    const { proxy, gateway, sleeps, app, standin } = await pair({ proxy: true });
    proxy!.rateLimit({ retryAfter: 7, times: 3, match: { method: "GET" } });
    proxy!.unavailable({ times: 2, match: { method: "GET", path: /callParks\/settings/ } });
    proxy!.latencyMs = 20;
    const run = await gateway.sync();
    expect(run).toMatchObject({ outcome: "succeeded", drift: 0, errors: [] });
    expect(sleeps).toContain(7000);
    const [mine, theirs] = await Promise.all([app, standin.app].map(async (a) => (await a.inject({ url: urlOf(api.callParkExtensions.list, {}, { max: 1000 }) })).json()));
    expect(mine).toEqual(theirs);
  });

  it("never sends a write twice: after an unclear failure it looks at Webex, and finds the change made", async () => {
    const { proxy, app, standin } = await pair({ proxy: true });
    const sanJose = await locationIdOf(standin.db, "San Jose HQ");
    // Webex applies the create, then the answer is lost (503 after forwarding).
    proxy!.unavailable({ after: true, match: { method: "POST", path: /callParkExtensions$/ } });
    const created = await app.inject({ method: "POST", url: urlOf(api.callParkExtensions.create, { locationId: sanJose }), payload: { name: "Once only", extension: "6604" } });
    expect(created.statusCode, created.body).toBe(201);
    const posts = proxy!.requests.filter((r) => r.method === "POST");
    expect(posts).toHaveLength(1);
    const upstream = await standin.app.inject({ url: urlOf(api.callParkExtensions.list, {}, { locationId: sanJose, extension: "6604" }) });
    expect(upstream.json().callParkExtensions).toEqual([expect.objectContaining({ id: created.json().id, name: "Once only" })]);
  });

  it("says nothing was changed when the unclear write did not reach Webex, and changes nothing", async () => {
    const { proxy, app, standin } = await pair({ proxy: true });
    const sanJose = await locationIdOf(standin.db, "San Jose HQ");
    proxy!.unavailable({ after: false, match: { method: "POST", path: /callParkExtensions$/ } });
    const refused = await app.inject({ method: "POST", url: urlOf(api.callParkExtensions.create, { locationId: sanJose }), payload: { name: "Never made", extension: "6605" } });
    expect(refused.statusCode).toBe(503);
    expect(refused.json()).toMatchObject({ code: "upstreamUnavailable" });
    expect(refused.json().message).toContain("Nothing was changed");
    expect(proxy!.requests.filter((r) => r.method === "POST")).toHaveLength(1);
    const mine = await app.inject({ url: urlOf(api.callParkExtensions.list, {}, { locationId: sanJose, extension: "6605" }) });
    expect(mine.json().callParkExtensions).toEqual([]);
  });
});

describe("Webex mode: a token that may not change anything", () => {
  it("turns read-only, names the missing scope, and keeps refusing with the reason", async () => {
    const { app, standin, gateway } = await pair({
      // The stand-in's read-only administrator: it reads everything and may change nothing (403).
      token: async (s) => {
        const session = await signIn({ app: s.app, db: s.db, close: s.close }, "readOnly");
        const res = await s.app.anonymous({ method: "POST", url: urlOf(api.people.createAccessToken), headers: session.write, payload: { name: "gateway" } });
        return res.json().token as string;
      },
    });
    const sanJose = await locationIdOf(standin.db, "San Jose HQ");
    const refused = await app.inject({ method: "POST", url: urlOf(api.callParkExtensions.create, { locationId: sanJose }), payload: { name: "No way", extension: "6606" } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: "upstreamScopeMissing", params: { scope: "spark-admin:telephony_config_write" } });
    expect(gateway.status()).toMatchObject({ readOnly: true, missingScopes: ["spark-admin:telephony_config_write"] });
    const status = await app.inject({ url: urlOf(api.gateway.status, {}) });
    expect(status.json()).toMatchObject({ readOnly: true });
  });
});

import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_BASE, type Endpoint } from "@domain/api/endpoint";
import { allEndpoints, api } from "@domain/api/endpoints";
import { listManagedOrganizations } from "@server/features/organizations/organizations.service";
import { loadAllSpecs } from "./openapi";
import { locationIdOf, startTestServer, TEST_ADMIN_TOKEN, type TestServer } from "./test-server";
import { type Answer, specChecker, WebexClient } from "./webex-client";

// Every public Webex operation driven over HTTP the way a Webex client drives it (see
// ./webex-client): each answer is checked against the Webex specs in ../shared/reference
// (that part is skipped, with a warning, when they are absent), lists are read by
// following Link to the end, and the client's own page size is small so they take pages.
const specs = loadAllSpecs();
const expectConforms = specChecker(specs);
let server: TestServer;
let client: WebexClient;
let orgId: string;
let sanJose: string;

beforeAll(async () => {
  server = await startTestServer();
  await server.app.listen({ host: "127.0.0.1", port: 0 });
  const { port } = server.app.server.address() as AddressInfo;
  [{ id: orgId }] = await listManagedOrganizations(server.db);
  client = new WebexClient(`http://127.0.0.1:${port}${API_BASE}`, TEST_ADMIN_TOKEN, orgId);
  sanJose = await locationIdOf(server.db, "San Jose HQ");
});

afterAll(async () => {
  await server?.close();
});

/** A list read page by page has every item once, the same as one page holding them all, and as many as X-Total-Count says. */
async function expectPagedList<E extends Endpoint & { list: string }>(e: E, params: Parameters<WebexClient["listAll"]>[1], query: Record<string, string | number>, pageSize: number) {
  const { pages, items } = await client.listAll(e, params as never, { ...query, max: pageSize });
  pages.forEach((page) => expectConforms(e, page));
  const ids = items.map((item) => item.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(Number(pages[0].headers.get("x-total-count"))).toBe(ids.length);
  const whole = await client.call(e, params as never, { query: { ...query, max: 1000 } });
  expectConforms(e, whole);
  expect(ids).toEqual((whole.json as Record<string, { id: string }[]>)[e.list].map((item) => item.id));
  return { pages, items };
}

function expectWebexError(answer: Answer, status: number) {
  expect(answer.status).toBe(status);
  const body = answer.json as { message: string; errors: { description: string }[]; trackingId: string };
  expect(body.message).toEqual(expect.any(String));
  expect(body.errors[0].description).toBe(body.message);
  expect(answer.headers.get("trackingid")).toBe(body.trackingId);
}

describe("a Webex client against this server", () => {
  it("reads its organisation, itself and the locations", async () => {
    const orgs = await client.call(api.organizations.list, {});
    expectConforms(api.organizations.list, orgs);
    expect(orgs.data.items.map((o) => o.id)).toEqual([orgId]);
    expectConforms(api.people.me, await client.call(api.people.me, {}));

    const { items, pages } = await expectPagedList(api.locations.list, {}, {}, 2);
    expect(items).toHaveLength(5);
    expect(pages).toHaveLength(3);
    const one = await client.call(api.locations.get, { locationId: sanJose });
    expectConforms(api.locations.get, one);
    expect(one.data).toMatchObject({ id: sanJose, name: "San Jose HQ", orgId });
  });

  it("pages through the organisation's call park extensions and validates extensions", async () => {
    const { items, pages } = await expectPagedList(api.callParkExtensions.list, {}, {}, 7);
    expect(items).toHaveLength(30);
    expect(pages).toHaveLength(5);

    const checked = await client.call(api.callParkExtensions.validateExtensions, { locationId: sanJose }, { body: { extensions: ["7100", "7100", "5001"] } });
    expectConforms(api.callParkExtensions.validateExtensions, checked);
    expect(checked.data.extensionStatus.map((s) => s.state)).toEqual(["VALID", "DUPLICATE_IN_LIST", "DUPLICATE"]);
  });

  it("creates, reads, lists, updates and deletes a call park extension", async () => {
    const locationId = await locationIdOf(server.db, "São Paulo");
    const e = api.callParkExtensions;
    const created = await client.call(e.create, { locationId }, { body: { name: "Estacionamento Já", extension: "7001" } });
    expectConforms(e.create, created);
    const ids = { locationId, callParkExtensionId: created.data.id };

    const got = await client.call(e.get, ids);
    expectConforms(e.get, got);
    expect(got.data).toMatchObject({ name: "Estacionamento Já", extension: "7001" });
    const { items } = await expectPagedList(e.list, {}, { locationId }, 2);
    expect(items.map((item) => item.id)).toContain(created.data.id);

    expectConforms(e.update, await client.call(e.update, ids, { body: { name: "Estacionamento B", extension: "7002" } }));
    expect((await client.call(e.get, ids)).data).toMatchObject({ name: "Estacionamento B", extension: "7002" });

    // A DELETE carries Content-Type: application/json and no body, as client libraries send it.
    expectConforms(e.delete, await client.call(e.delete, ids));
    expectWebexError(await client.call(e.get, ids), 404);
  });

  it("builds call park groups from what is available, pages through them, renames and deletes one", async () => {
    const c = api.callParks;
    const location = { locationId: sanJose };
    const { items: huntGroups } = await expectPagedList(c.availableRecallHuntGroups, location, {}, 1);
    expect(huntGroups).toHaveLength(2);
    const { items: agents } = await expectPagedList(c.availableUsers, location, {}, 10);
    expect(agents.length).toBeGreaterThan(6);
    const { items: extensions } = await expectPagedList(api.callParkExtensions.list, {}, { locationId: sanJose }, 4);

    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const created = await client.call(c.create, location, {
        body: {
          name: `Group ${i}`,
          recall: { option: "ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP", huntGroupId: huntGroups[0].id },
          agents: [agents[2 * i].id, agents[2 * i + 1].id],
          callParkExtensions: [extensions[i].id],
        },
      });
      expectConforms(c.create, created);
      ids.push(created.data.id);
    }
    const { items } = await expectPagedList(c.list, location, {}, 2);
    expect(items.map((item) => item.id)).toEqual(expect.arrayContaining(ids));

    const got = await client.call(c.get, { ...location, callParkId: ids[0] });
    expectConforms(c.get, got);
    expect(got.data.agents?.map((a) => a.id)).toEqual([agents[0].id, agents[1].id]);

    // The update answers the group's id, the one to use from then on (Webex changes it on a rename).
    const updated = await client.call(c.update, { ...location, callParkId: ids[0] }, { body: { name: "Front Desk" } });
    expectConforms(c.update, updated);
    const group = { ...location, callParkId: updated.data.id };
    expect((await client.call(c.get, group)).data.name).toBe("Front Desk");

    expectConforms(c.delete, await client.call(c.delete, group));
    expectWebexError(await client.call(c.get, group), 404);
  });

  it("reads the location's Call Park Settings and sends them back changed", async () => {
    const s = api.callParkSettings;
    const location = { locationId: sanJose };
    const before = await client.call(s.get, location);
    expectConforms(s.get, before);
    const { items: huntGroups } = await client.listAll(api.callParks.availableRecallHuntGroups, location);
    const body = {
      ...before.data,
      callParkRecall: { option: "ALERT_HUNT_GROUP_ONLY", huntGroupId: huntGroups[1].id },
      callParkSettings: { ...before.data.callParkSettings, ringPattern: "LONG_LONG", recallTime: 60 },
    };
    expectConforms(s.update, await client.call(s.update, location, { body }));
    const after = await client.call(s.get, location);
    expectConforms(s.get, after);
    expect(after.data).toMatchObject({
      callParkRecall: { option: "ALERT_HUNT_GROUP_ONLY", huntGroupId: huntGroups[1].id },
      callParkSettings: { ringPattern: "LONG_LONG", recallTime: 60 },
    });
  });

  it("has called every public Webex operation", () => {
    const webex = allEndpoints.filter(({ endpoint }) => endpoint.webex).map(({ name }) => name);
    const called = allEndpoints.filter(({ endpoint }) => client.called.has(endpoint)).map(({ name }) => name);
    expect(called.sort()).toEqual(webex.sort());
  });
});

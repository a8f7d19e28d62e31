import { beforeAll, describe, expect, it } from "vitest";
import { type Endpoint, paramNames, urlOf } from "@domain/api/endpoint";
import { allEndpoints, api } from "@domain/api/endpoints";
import { expectApiError } from "@server/test/api-error";
import { locationIdOf, useTestServer } from "@server/test/test-server";
import { listManagedOrganizations } from "./organizations.service";

// Webex's orgId on every operation: this organisation's id acts on it, like no orgId at
// all; any other answers 403, as Webex does for an organisation the caller cannot manage.
const server = useTestServer("all");
const OTHER_ORG = "Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi9vdGhlcg";
let ownOrgId: string;

beforeAll(async () => {
  [{ id: ownOrgId }] = await listManagedOrganizations(server.db);
});

/** The entry's address with placeholder ids: the organisation is checked before any id is looked up. */
const addressOf = (e: Endpoint) => urlOf(e, Object.fromEntries(paramNames(e.path).map((name) => [name, "bm9uZQ"])));

const call = (e: Endpoint, query: Record<string, string>) =>
  server.app.inject({ method: e.method, url: addressOf(e), query });

describe("orgId in the endpoint table", () => {
  it.each(allEndpoints.map(({ name, endpoint }) => [name, endpoint] as const))("%s takes orgId in its query", (_name, e) => {
    const parsed = e.query?.safeParse({ orgId: OTHER_ORG });
    expect(parsed?.success).toBe(true);
    expect(parsed?.data).toMatchObject({ orgId: OTHER_ORG });
  });
});

describe("orgId on every operation", () => {
  it.each(allEndpoints.map(({ name, endpoint }) => [name, endpoint] as const))(
    "%s: another organisation's id answers 403 organizationNotVisible",
    async (_name, e) => {
      expectApiError(await call(e, { orgId: OTHER_ORG }), "organizationNotVisible");
    },
  );

  it.each(allEndpoints.map(({ name, endpoint }) => [name, endpoint] as const))(
    "%s: this organisation's id answers as no orgId does",
    async (_name, e) => {
      // Without a body nothing is written, so both calls meet the same state.
      const without = await call(e, {});
      const withOwn = await call(e, { orgId: ownOrgId });
      expect(withOwn.statusCode, withOwn.body).toBe(without.statusCode);
      expect(withOwn.statusCode).not.toBe(403);
    },
  );
});

describe("orgId refusals", () => {
  it("acts on this organisation with its own id: the same locations as without orgId", async () => {
    const own = await server.app.inject({ url: urlOf(api.locations.list), query: { orgId: ownOrgId } });
    const plain = await server.app.inject({ url: urlOf(api.locations.list) });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toEqual(plain.json());
    expect(own.json().items.length).toBeGreaterThan(0);
  });

  it("refuses another organisation before reading the body: a write changes nothing", async () => {
    const locationId = await locationIdOf(server.db, "London");
    const before = await server.app.inject({ url: urlOf(api.callParkExtensions.list), query: { locationId } });
    const res = await server.app.inject({
      method: "POST",
      url: urlOf(api.callParkExtensions.create, { locationId }, { orgId: OTHER_ORG }),
      payload: { name: "Elsewhere", extension: "7999" },
    });
    expectApiError(res, "organizationNotVisible");
    const after = await server.app.inject({ url: urlOf(api.callParkExtensions.list), query: { locationId } });
    expect(after.json()).toEqual(before.json());
  });

  it("answers 401 first to a caller without credentials", async () => {
    const res = await server.app.anonymous({ url: urlOf(api.locations.list, {}, { orgId: OTHER_ORG }) });
    expectApiError(res, "unauthorized");
  });

  it("says why in the caller's language", async () => {
    const res = await server.app.inject({
      url: urlOf(api.organizations.list, {}, { orgId: OTHER_ORG }),
      headers: { "accept-language": "pt-BR" },
    });
    expect(expectApiError(res, "organizationNotVisible").message).toMatch(/organização/);
  });

  it("leaves a repeated orgId to the query's validation (400)", async () => {
    const res = await server.app.inject({ url: `${urlOf(api.locations.list)}?orgId=${ownOrgId}&orgId=${OTHER_ORG}` });
    expectApiError(res, "validation");
  });
});

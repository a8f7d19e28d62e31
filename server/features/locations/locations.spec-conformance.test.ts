import { describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { closeObjects, compile, loadSpec, responseSchema, violations } from "@server/test/openapi";
import { locationIdOf, useTestServer } from "@server/test/test-server";

// Webex's Location schema lists only name and id and leaves the rest open, so the
// GET checks are not closed; the last test closes the create body's schema instead.
const spec = loadSpec("webex-locations-openapi.yml");
const server = useTestServer("all");

describe.skipIf(!spec)("locations against webex-locations-openapi.yml", () => {
  it("GET /locations 200", async () => {
    const validate = compile(responseSchema(spec!, "/locations", "get", 200));
    const res = await server.app.inject({ url: urlOf(api.locations.list) });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toHaveLength(5);
    expect(violations(validate, res.json())).toEqual([]);

    const page = await server.app.inject({ url: urlOf(api.locations.list), query: { name: "sao", max: "1" } });
    expect(violations(validate, page.json())).toEqual([]);
  });

  it("GET /locations/{locationId} 200", async () => {
    const validate = compile(responseSchema(spec!, "/locations/{locationId}", "get", 200));
    const id = await locationIdOf(server.db, "Florianópolis");
    const res = await server.app.inject({ url: urlOf(api.locations.get, { locationId: id }) });
    expect(res.statusCode).toBe(200);
    expect(violations(validate, res.json())).toEqual([]);
  });

  it("the fields beyond name and id are named and typed as in Webex's create body", async () => {
    // PostCommonLocationObject spells out address, timeZone and languages; closed, it catches a misspelling.
    const schemas = (spec!.doc.components as { schemas: Record<string, unknown> }).schemas;
    const validate = compile(closeObjects(schemas.PostCommonLocationObject) as Record<string, unknown>);
    const res = await server.app.inject({ url: urlOf(api.locations.list) });
    for (const { id: _id, orgId: _orgId, ...rest } of res.json().items) {
      expect(violations(validate, rest)).toEqual([]);
    }
  });
});

import { describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { validateExtensionsResultSchema } from "@domain/schemas/call-park-extension";
import { closeObjects, compile, hasEmptyResponse, loadSpec, responseSchema, violations } from "@server/test/openapi";
import {
  locationIdOf,
  useTestServer,
} from "@server/test/test-server";

// Responses are checked against the public Webex spec with every object closed
// (additionalProperties: false), so a misspelled or invented field fails here.
const spec = loadSpec("webex-call-park-openapi.yml");
const server = useTestServer("each");

function strictValidator(specPath: string, method: "get" | "post", status: number) {
  return compile(closeObjects(responseSchema(spec!, specPath, method, status)) as Record<string, unknown>);
}

describe.skipIf(!spec)("call park extensions against webex-call-park-openapi.yml", () => {
  it("closing the schemas really refuses an invented field", () => {
    const validate = strictValidator("/telephony/config/locations/{locationId}/callParkExtensions/{callParkExtensionId}", "get", 200);
    expect(violations(validate, { name: "Park", extension: "5001" })).toEqual([]);
    expect(violations(validate, { name: "Park", extension: "5001", locationNme: "typo" })).not.toEqual([]);
    expect(violations(validate, { name: "Park" })).not.toEqual([]);
  });

  it("GET /telephony/config/callParkExtensions 200", async () => {
    const validate = strictValidator("/telephony/config/callParkExtensions", "get", 200);
    const res = await server.app.inject({ url: urlOf(api.callParkExtensions.list), query: { max: "1000" } });
    expect(res.statusCode).toBe(200);
    expect(res.json().callParkExtensions).toHaveLength(30);
    expect(violations(validate, res.json())).toEqual([]);

    const empty = await server.app.inject({ url: urlOf(api.callParkExtensions.list), query: { name: "nothing matches" } });
    expect(violations(validate, empty.json())).toEqual([]);
  });

  it("GET list items without a routing prefix still conform", async () => {
    const locationId = await locationIdOf(server.db, "London");
    await server.db.updateTable("locations").set({ routing_prefix: null }).where("id", "=", locationId).execute();
    const res = await server.app.inject({ url: urlOf(api.callParkExtensions.list), query: { locationId } });
    expect(res.json().callParkExtensions[0]).not.toHaveProperty("esn");
    expect(violations(strictValidator("/telephony/config/callParkExtensions", "get", 200), res.json())).toEqual([]);
  });

  it("POST …/callParkExtensions 201, then GET …/{id} 200", async () => {
    const locationId = await locationIdOf(server.db, "São Paulo");
    const created = await server.app.inject({
      method: "POST",
      url: urlOf(api.callParkExtensions.create, { locationId }),
      payload: { name: "Estacionamento Já", extension: "7001" },
    });
    expect(created.statusCode).toBe(201);
    expect(violations(strictValidator("/telephony/config/locations/{locationId}/callParkExtensions", "post", 201), created.json())).toEqual([]);

    const got = await server.app.inject({ url: urlOf(api.callParkExtensions.get, { locationId, callParkExtensionId: created.json().id }) });
    expect(got.statusCode).toBe(200);
    const getSchema = "/telephony/config/locations/{locationId}/callParkExtensions/{callParkExtensionId}";
    expect(violations(strictValidator(getSchema, "get", 200), got.json())).toEqual([]);
  });

  it("PUT and DELETE …/{id} answer 204 with an empty body, as the spec's empty content", async () => {
    const itemPath = "/telephony/config/locations/{locationId}/callParkExtensions/{callParkExtensionId}";
    expect(hasEmptyResponse(spec!, itemPath, "put", 204)).toBe(true);
    expect(hasEmptyResponse(spec!, itemPath, "delete", 204)).toBe(true);

    const locationId = await locationIdOf(server.db, "San Jose HQ");
    const list = await server.app.inject({ url: urlOf(api.callParkExtensions.list), query: { locationId, extension: "5001" } });
    const id = list.json().callParkExtensions[0].id;
    const put = await server.app.inject({ method: "PUT", url: urlOf(api.callParkExtensions.update, { locationId, callParkExtensionId: id }), payload: { name: "Renamed" } });
    expect(put.statusCode).toBe(204);
    expect(put.body).toBe("");
    expect(put.headers["content-length"] ?? "0").toBe("0");
    const del = await server.app.inject({ method: "DELETE", url: urlOf(api.callParkExtensions.delete, { locationId, callParkExtensionId: id }) });
    expect(del.statusCode).toBe(204);
    expect(del.body).toBe("");
  });
});

// validateExtensions is not in the public spec; its contract is the domain's zod schema.
describe("validateExtensions against validateExtensionsResultSchema", () => {
  it("answers exactly the contract's fields", async () => {
    const locationId = await locationIdOf(server.db, "San Jose HQ");
    const res = await server.app.inject({
      method: "POST",
      url: urlOf(api.callParkExtensions.validateExtensions, { locationId }),
      payload: { extensions: ["7001", "1001", "7001", "x"] },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const parsed = validateExtensionsResultSchema.safeParse(body);
    expect(parsed.error?.issues ?? []).toEqual([]);
    // zod strips unknown keys: equality proves there were none to strip.
    expect(parsed.data).toEqual(body);
  });
});

import { describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { closeObjects, compile, hasEmptyResponse, loadSpec, responseSchema, violations } from "@server/test/openapi";
import { huntGroupWithExtension, locationIdOf, useTestServer } from "@server/test/test-server";
import { putSettings } from "./test-helpers";

// The GET answer is checked against Webex's GetCallParkSettingsObject with every object
// closed (additionalProperties: false); PUT bodies against ModifyCallParkSettingsObject.
const spec = loadSpec("webex-call-park-openapi.yml");
const server = useTestServer("each");
const SETTINGS_PATH = "/telephony/config/locations/{locationId}/callParks/settings";

function strict(schema: unknown) {
  return compile(closeObjects(schema) as Record<string, unknown>);
}

describe.skipIf(!spec)("call park settings against webex-call-park-openapi.yml", () => {
  const getValidator = () => strict(responseSchema(spec!, SETTINGS_PATH, "get", 200));

  it("closing the schema really refuses an invented field", () => {
    const validate = getValidator();
    const answer = {
      callParkRecall: { option: "ALERT_PARKING_USER_ONLY" },
      callParkSettings: { ringPattern: "NORMAL", recallTime: 45, huntWaitTime: 45 },
    };
    expect(violations(validate, answer)).toEqual([]);
    expect(violations(validate, { ...answer, callParkRecall: { option: "ALERT_PARKING_USER_ONLY", huntGroup: "x" } })).not.toEqual([]);
    expect(violations(validate, { callParkRecall: answer.callParkRecall })).not.toEqual([]);
  });

  it("GET 200 for a fresh location (the defaults)", async () => {
    const locationId = await locationIdOf(server.db, "Florianópolis");
    const res = await server.app.inject({ url: urlOf(api.callParkSettings.get, { locationId }) });
    expect(res.statusCode).toBe(200);
    expect(violations(getValidator(), res.json())).toEqual([]);
  });

  it.each(["ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP", "ALERT_HUNT_GROUP_ONLY"])(
    "GET 200 with a hunt group (%s)",
    async (option) => {
      const locationId = await locationIdOf(server.db, "São Paulo");
      const suporte = await huntGroupWithExtension(server.db, locationId, "4001");
      await putSettings(server, locationId, { callParkRecall: { option, huntGroupId: suporte.id } });
      const res = await server.app.inject({ url: urlOf(api.callParkSettings.get, { locationId }) });
      expect(res.json().callParkRecall).toEqual({ option, huntGroupId: suporte.id, huntGroupName: "Suporte" });
      expect(violations(getValidator(), res.json())).toEqual([]);
    },
  );

  it("PUT answers 204 with an empty body, as the spec's empty content", async () => {
    expect(hasEmptyResponse(spec!, SETTINGS_PATH, "put", 204)).toBe(true);
    const locationId = await locationIdOf(server.db, "London");
    const res = await putSettings(server, locationId, { callParkSettings: { ringPattern: "LONG_LONG", recallTime: 60 } });
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe("");
    expect(res.headers["content-length"] ?? "0").toBe("0");
  });

  it("PUT accepts the spec's own example body (with a hunt group of the location)", async () => {
    type Example = { callParkRecall: { huntGroupId: string } };
    const paths = spec!.doc.paths as Record<string, { put: { requestBody: { content: Record<string, { example: Example }> } } }>;
    const example = structuredClone(paths[SETTINGS_PATH].put.requestBody.content["application/json"].example);
    const locationId = await locationIdOf(server.db, "London");
    example.callParkRecall.huntGroupId = (await huntGroupWithExtension(server.db, locationId, "4001")).id;
    expect((await putSettings(server, locationId, example)).statusCode).toBe(204);
  });

  it("accepts every body the spec's ModifyCallParkSettingsObject describes, partial ones included", async () => {
    // The component schemas ride along so that ajv resolves the body schema's $refs.
    const components = spec!.doc.components as { schemas: Record<string, unknown> };
    const closed = closeObjects(components) as typeof components;
    const validate = compile({ ...(closed.schemas.ModifyCallParkSettingsObject as object), components: closed });
    const locationId = await locationIdOf(server.db, "London");
    const sales = await huntGroupWithExtension(server.db, locationId, "4002");
    const bodies = [
      { callParkRecall: { option: "ALERT_PARKING_USER_ONLY" } },
      { callParkRecall: { option: "ALERT_HUNT_GROUP_ONLY", huntGroupId: sales.id } },
      { callParkSettings: { ringPattern: "SHORT_SHORT_LONG" } },
      { callParkSettings: { ringPattern: "LONG_LONG", recallTime: 600, huntWaitTime: 30 } },
      {
        callParkRecall: { option: "ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP", huntGroupId: sales.id },
        callParkSettings: { ringPattern: "NORMAL", recallTime: 45, huntWaitTime: 45 },
      },
      {},
    ];
    for (const body of bodies) {
      expect(violations(validate, body), JSON.stringify(body)).toEqual([]);
      expect((await putSettings(server, locationId, body)).statusCode, JSON.stringify(body)).toBe(204);
    }
    expect(violations(validate, { callParkSettings: { ringPattern: "NORMAL", recallTimer: 45 } })).not.toEqual([]);
  });
});

import { beforeEach, describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { validateExtensionsResultSchema } from "@domain/schemas/call-park-extension";
import { expectApiError } from "@server/test/api-error";
import {
  huntGroupWithExtension,
  locationIdOf,
  memberWithExtension,
  snapshot,
  useTestServer,
} from "@server/test/test-server";

const server = useTestServer("all");
let locationId: string;

beforeEach(async () => {
  locationId = await locationIdOf(server.db, "San Jose HQ");
});

function validate(payload: unknown, id = locationId) {
  return server.app.inject({ method: "POST", url: urlOf(api.callParkExtensions.validateExtensions, { locationId: id }), payload: payload as object });
}

describe("POST …/actions/validateExtensions/invoke", () => {
  it("gives each candidate its state, naming the owner of a DUPLICATE", async () => {
    const person = await memberWithExtension(server.db, locationId, "1001");
    const workspace = await memberWithExtension(server.db, locationId, "2002");
    const line = await memberWithExtension(server.db, locationId, "3002");
    const hunt = await huntGroupWithExtension(server.db, locationId, "4001");
    const park = (await snapshot(server.db, locationId)).extensions.find((e) => e.extension === "5005")!;

    const res = await validate({ extensions: ["7001", "1001", "7001", "50a1", "2002", "3002", "4001", "5005", "1"] });
    expect(res.statusCode).toBe(200);
    expect(validateExtensionsResultSchema.parse(res.json())).toEqual({
      status: "ERRORS",
      extensionStatus: [
        { extension: "7001", state: "VALID" },
        { extension: "1001", state: "DUPLICATE", owner: { type: "PEOPLE", id: person.id, name: person.display_name } },
        { extension: "7001", state: "DUPLICATE_IN_LIST" },
        { extension: "50a1", state: "INVALID" },
        { extension: "2002", state: "DUPLICATE", owner: { type: "PLACE", id: workspace.id, name: "Conference Room" } },
        { extension: "3002", state: "DUPLICATE", owner: { type: "VIRTUAL_LINE", id: line.id, name: "Executive Line" } },
        { extension: "4001", state: "DUPLICATE", owner: { type: "HUNT_GROUP", id: hunt.id, name: "Support" } },
        { extension: "5005", state: "DUPLICATE", owner: { type: "CALL_PARK_EXTENSION", id: park.id, name: "Park 05" } },
        { extension: "1", state: "INVALID" },
      ],
    });
  });

  it("answers OK when every candidate is free, trimming spaces", async () => {
    const res = await validate({ extensions: [" 7001 ", "7002", "1000"] });
    expect(res.json()).toEqual({
      status: "OK",
      extensionStatus: [
        { extension: "7001", state: "VALID" },
        { extension: "7002", state: "VALID" },
        { extension: "1000", state: "VALID" },
      ],
    });
  });

  it("checks against the asked location only", async () => {
    const london = await locationIdOf(server.db, "London");
    const person = await memberWithExtension(server.db, london, "1001");
    const res = await validate({ extensions: ["1001"] }, london);
    expect(res.json().extensionStatus[0].owner).toEqual({ type: "PEOPLE", id: person.id, name: person.display_name });
  });

  it("writes nothing", async () => {
    const before = await snapshot(server.db, locationId);
    await validate({ extensions: ["7001", "7002"] });
    expect(await snapshot(server.db, locationId)).toEqual(before);
  });

  it("answers 404 for an unknown location", async () => {
    expectApiError(await validate({ extensions: ["7001"] }, "bm93aGVyZQ"), "locationNotFound");
  });

  it.each([
    ["no list", {}, ["extensions"], "required"],
    ["an empty list", { extensions: [] }, ["extensions"], "tooSmall"],
    ["more than 500", { extensions: Array(501).fill("7001") }, ["extensions"], "tooBig"],
    ["a number in the list", { extensions: ["7001", 7002] }, ["extensions", 1], "invalidType"],
    ["a 65-character candidate", { extensions: ["7".repeat(65)] }, ["extensions", 0], "tooLong"],
    ["an unknown field", { extensions: ["7001"], locationId: "x" }, [], "unknownField"],
  ])("refuses %s with 400", async (_label, payload, path, code) => {
    const body = expectApiError(await validate(payload), "validation");
    expect(body.issues).toEqual([expect.objectContaining({ path, code })]);
  });

  it("refuses malformed JSON", async () => {
    const res = await server.app.inject({
      method: "POST",
      url: urlOf(api.callParkExtensions.validateExtensions, { locationId }),
      headers: { "content-type": "application/json" },
      payload: '{"extensions": [',
    });
    expectApiError(res, "invalidJson");
  });
});

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeEach, describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { expectApiError } from "@server/test/api-error";
import { locationIdOf, useTestServer } from "@server/test/test-server";
import { putSettings, storedRow } from "./test-helpers";

const server = useTestServer("each");
const localesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../public/locales");
const ptValidation = JSON.parse(fs.readFileSync(path.join(localesDir, "pt-BR/validation.json"), "utf8"));
const ptErrors = JSON.parse(fs.readFileSync(path.join(localesDir, "pt-BR/errors.json"), "utf8"));

let locationId: string;
beforeEach(async () => {
  locationId = await locationIdOf(server.db, "New York Office");
});

/** Sends a PUT that must be refused, and proves nothing was stored. */
async function refused(body: unknown, headers: Record<string, string> = {}) {
  const res = await putSettings(server, locationId, body, headers);
  expect(await storedRow(server.db, locationId)).toBeUndefined();
  return res;
}

const range = { min: 30, max: 600 };

describe("PUT …/callParks/settings: the timers", () => {
  it.each([
    ["29 seconds", 29, "secondsRange", range],
    ["601 seconds", 601, "secondsRange", range],
    ["0 seconds", 0, "secondsRange", range],
    ["a negative number", -45, "secondsRange", range],
    ["a fraction", 45.5, "notInteger", undefined],
    ["a string of digits", "45", "invalidType", undefined],
    ["null", null, "invalidType", undefined],
    ["a boolean", true, "invalidType", undefined],
  ])("refuses %s for recallTime and huntWaitTime, on each field", async (_label, value, code, params) => {
    const res = await refused({ callParkSettings: { recallTime: value, huntWaitTime: value } });
    const issue = (field: string) => ({ path: ["callParkSettings", field], code, ...(params ? { params } : {}) });
    expect(expectApiError(res, "validation").issues).toEqual([issue("recallTime"), issue("huntWaitTime")]);
  });

  it("says what is wrong in the message, field by field", async () => {
    const body = expectApiError(await refused({ callParkSettings: { recallTime: 29 } }), "validation");
    expect(body.message).toBe("Some values are not valid. callParkSettings.recallTime: Enter a number of seconds from 30 to 600.");
  });

  it("answers in Portuguese for Accept-Language: pt-BR", async () => {
    const res = await refused({ callParkSettings: { huntWaitTime: 601 } }, { "accept-language": "pt-BR" });
    const body = expectApiError(res, "validation");
    expect(res.headers["content-language"]).toBe("pt-BR");
    const text = ptValidation.secondsRange.replace("{{min}}", "30").replace("{{max}}", "600");
    expect(body.message).toBe(`${ptErrors.validation} callParkSettings.huntWaitTime: ${text}`);
  });

  it("refuses a number too large for JSON's doubles (Infinity) as invalidType", async () => {
    const res = await refused('{"callParkSettings": {"recallTime": 1e400}}');
    expect(expectApiError(res, "validation").issues).toEqual([{ path: ["callParkSettings", "recallTime"], code: "invalidType" }]);
  });
});

describe("PUT …/callParks/settings: the enums", () => {
  it.each([
    ["an unknown recall option", { callParkRecall: { option: "ALERT_EVERYONE" } }, ["callParkRecall", "option"]],
    ["a recall option in lower case", { callParkRecall: { option: "alert_parking_user_only" } }, ["callParkRecall", "option"]],
    ["an unknown ring pattern", { callParkSettings: { ringPattern: "LOUD" } }, ["callParkSettings", "ringPattern"]],
    ["an empty ring pattern", { callParkSettings: { ringPattern: "" } }, ["callParkSettings", "ringPattern"]],
  ])("refuses %s as invalidValue", async (_label, body, path) => {
    expect(expectApiError(await refused(body), "validation").issues).toEqual([{ path, code: "invalidValue" }]);
  });

  it("refuses a number where an enum belongs as invalidValue", async () => {
    const res = await refused({ callParkSettings: { ringPattern: 1 } });
    expect(expectApiError(res, "validation").issues).toEqual([{ path: ["callParkSettings", "ringPattern"], code: "invalidValue" }]);
  });

  it("refuses an empty hunt group id as huntGroupRequired", async () => {
    const res = await refused({ callParkRecall: { option: "ALERT_HUNT_GROUP_ONLY", huntGroupId: "" } });
    expect(expectApiError(res, "validation").issues).toEqual([
      { path: ["callParkRecall", "huntGroupId"], code: "huntGroupRequired" },
    ]);
  });
});

describe("PUT …/callParks/settings: the shape", () => {
  it.each([
    ["at the top", { callParkSettings: { recallTime: 60 }, callParkGroup: {} }, [], "callParkGroup"],
    ["in callParkRecall", { callParkRecall: { option: "ALERT_PARKING_USER_ONLY", alternate: "x" } }, ["callParkRecall"], "alternate"],
    ["in callParkSettings", { callParkSettings: { recallTime: 60, recallTimer: 60 } }, ["callParkSettings"], "recallTimer"],
  ])("refuses unknown fields %s, naming them", async (_label, body, path, keys) => {
    expect(expectApiError(await refused(body), "validation").issues).toEqual([
      { path, code: "unknownField", params: { keys } },
    ]);
  });

  it.each([
    ["null", null],
    ["an array", [{ callParkSettings: { recallTime: 60 } }]],
    ["a string", '"settings"'],
  ])("refuses %s as the body with invalidType at the root", async (_label, body) => {
    const res = await refused(typeof body === "string" ? body : JSON.stringify(body));
    expect(expectApiError(res, "validation").issues).toEqual([{ path: [], code: "invalidType" }]);
  });

  it("refuses a part that is not an object", async () => {
    const res = await refused({ callParkSettings: "fast", callParkRecall: [] });
    expect(expectApiError(res, "validation").issues).toEqual([
      { path: ["callParkRecall"], code: "invalidType" },
      { path: ["callParkSettings"], code: "invalidType" },
    ]);
  });

  it.each([
    ["truncated JSON", '{"callParkSettings": {'],
    ["single quotes", "{'callParkSettings': {}}"],
  ])("refuses %s with 400 invalidJson", async (_label, body) => {
    expectApiError(await refused(body), "invalidJson");
  });

  it("refuses a body that is not JSON with 415", async () => {
    const res = await server.app.inject({
      method: "PUT",
      url: urlOf(api.callParkSettings.update, { locationId }),
      headers: { "content-type": "text/plain" },
      payload: "recallTime=60",
    });
    expectApiError(res, "unsupportedMediaType");
  });

  it("answers 404 for an id longer than any id can be", async () => {
    expectApiError(await server.app.inject({ url: urlOf(api.callParkSettings.get, { locationId: "x".repeat(501) }) }), "routeNotFound");
  });
});

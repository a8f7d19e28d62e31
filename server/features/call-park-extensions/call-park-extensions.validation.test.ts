import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeEach, describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { expectApiError } from "@server/test/api-error";
import { locationIdOf, snapshot, totals, useTestServer } from "@server/test/test-server";

const server = useTestServer("each");
const localesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../public/locales");
const ptValidation = JSON.parse(fs.readFileSync(path.join(localesDir, "pt-BR/validation.json"), "utf8"));
const ptErrors = JSON.parse(fs.readFileSync(path.join(localesDir, "pt-BR/errors.json"), "utf8"));

let locationId: string;
let existingId: string;

beforeEach(async () => {
  locationId = await locationIdOf(server.db, "San Jose HQ");
  const list = await server.app.inject({ url: urlOf(api.callParkExtensions.list), query: { locationId, extension: "5001" } });
  existingId = list.json().callParkExtensions[0].id;
});

function post(payload: unknown, headers: Record<string, string> = {}) {
  const body = typeof payload === "string" ? payload : JSON.stringify(payload);
  return server.app.inject({
    method: "POST",
    url: urlOf(api.callParkExtensions.create, { locationId }),
    headers: { "content-type": "application/json", ...headers },
    payload: body,
  });
}

function put(payload: unknown) {
  return server.app.inject({ method: "PUT", url: urlOf(api.callParkExtensions.update, { locationId, callParkExtensionId: existingId }), payload: payload as object });
}

/** Runs a refused request and proves it left the database exactly as it was. */
async function refused(request: () => Promise<Awaited<ReturnType<typeof post>>>) {
  const before = { all: await totals(server.db), here: await snapshot(server.db, locationId) };
  const res = await request();
  expect(await totals(server.db)).toEqual(before.all);
  expect(await snapshot(server.db, locationId)).toEqual(before.here);
  return res;
}

describe("POST callParkExtensions: malformed bodies", () => {
  it.each([
    ["truncated JSON", '{"name": "Park", '],
    ["single quotes", "{'name': 'Park'}"],
    ["a __proto__ key", '{"__proto__": {"admin": true}, "name": "Park", "extension": "7001"}'],
    ["a constructor.prototype key", '{"constructor": {"prototype": {"admin": true}}, "name": "P", "extension": "7001"}'],
  ])("refuses %s with 400 invalidJson", async (_label, body) => {
    expectApiError(await refused(() => post(body)), "invalidJson");
  });

  it.each([
    ["null", null],
    ["an array", [{ name: "Park", extension: "7001" }]],
    ["a string", "\"Park\""],
    ["a number", 7001],
  ])("refuses %s as the body with invalidType at the root", async (_label, body) => {
    const res = await refused(() => post(typeof body === "string" ? body : JSON.stringify(body)));
    expect(expectApiError(res, "validation").issues).toEqual([{ path: [], code: "invalidType" }]);
  });
});

describe("POST callParkExtensions: field rules", () => {
  it("tells missing fields (required) from wrongly typed ones (invalidType)", async () => {
    expect(expectApiError(await refused(() => post({})), "validation").issues).toEqual([
      { path: ["name"], code: "required" },
      { path: ["extension"], code: "required" },
    ]);
    expect(expectApiError(await refused(() => post({ name: 5, extension: 7001 })), "validation").issues).toEqual([
      { path: ["name"], code: "invalidType" },
      { path: ["extension"], code: "invalidType" },
    ]);
  });

  it("refuses unknown fields, naming them", async () => {
    const res = await refused(() => post({ name: "Park", extension: "7001", id: "mine", locationId }));
    expect(expectApiError(res, "validation").issues).toEqual([
      { path: [], code: "unknownField", params: { keys: "id, locationId" } },
    ]);
  });

  it("refuses a 31-character name with tooLong and max 30, and says so in the message", async () => {
    const body = expectApiError(await refused(() => post({ name: "x".repeat(31), extension: "7001" })), "validation");
    expect(body.issues).toEqual([{ path: ["name"], code: "tooLong", params: { max: 30 } }]);
    expect(body.message).toBe("Some values are not valid. name: Enter at most 30 characters.");
  });

  it("accepts 30 emoji as a 30-character name, and keeps them intact", async () => {
    const name = "🚗".repeat(30);
    const res = await post({ name, extension: "7001" });
    expect(res.statusCode, res.body).toBe(201);
    const get = await server.app.inject({ url: urlOf(api.callParkExtensions.get, { locationId, callParkExtensionId: res.json().id }) });
    expect(get.json().name).toBe(name);
  });

  it.each([
    ["letters", "70a1", "extensionDigits"],
    ["emoji digits", "7️⃣0️⃣", "extensionDigits"],
    ["Arabic-Indic digits", "٧٠٠١", "extensionDigits"],
    ["a dash", "70-01", "extensionDigits"],
    ["one digit", "7", "extensionLength"],
    ["eleven digits", "70010010010", "extensionLength"],
    ["an empty string", "", "required"],
  ])("refuses an extension with %s", async (_label, extension, code) => {
    const body = expectApiError(await refused(() => post({ name: "Park", extension })), "validation");
    expect(body.issues).toEqual([expect.objectContaining({ path: ["extension"], code })]);
  });

  it.each([
    ["a bidi override", "Park\u202e1007"],
    ["a lone surrogate", "Park \ud83d"],
    ["a control character", "Park\u0000"],
  ])("refuses a name with %s as invalidCharacters", async (_label, name) => {
    const body = expectApiError(await refused(() => post({ name, extension: "7001" })), "validation");
    expect(body.issues).toEqual([{ path: ["name"], code: "invalidCharacters" }]);
  });

  it("answers in Portuguese for Accept-Language: pt-BR, field by field", async () => {
    const res = await refused(() => post({ name: "x".repeat(31), extension: "7a" }, { "accept-language": "pt-BR" }));
    const body = expectApiError(res, "validation");
    expect(res.headers["content-language"]).toBe("pt-BR");
    const tooLong = ptValidation.tooLong.replace("{{max}}", "30");
    expect(body.message).toBe(`${ptErrors.validation} name: ${tooLong} extension: ${ptValidation.extensionDigits}`);
  });
});

describe("PUT callParkExtensions/{id}: field rules", () => {
  it.each([
    ["wrong types", { name: 1, extension: true }, [["name", "invalidType"], ["extension", "invalidType"]]],
    ["an unknown field", { name: "A", esn: "80015001" }, [[undefined, "unknownField"]]],
    ["a 31-character name", { name: "y".repeat(31) }, [["name", "tooLong"]]],
    ["a blank name", { name: "   " }, [["name", "required"]]],
    ["a non-digit extension", { extension: "5oo1" }, [["extension", "extensionDigits"]]],
  ])("refuses %s with 400, changing nothing", async (_label, payload, expected) => {
    const body = expectApiError(await refused(() => put(payload)), "validation");
    expect(body.issues?.map((i) => [i.path[0], i.code])).toEqual(expected);
  });

  it("refuses malformed JSON", async () => {
    const res = await refused(() =>
      server.app.inject({
        method: "PUT",
        url: urlOf(api.callParkExtensions.update, { locationId, callParkExtensionId: existingId }),
        headers: { "content-type": "application/json" },
        payload: "{name:",
      }),
    );
    expectApiError(res, "invalidJson");
  });
});

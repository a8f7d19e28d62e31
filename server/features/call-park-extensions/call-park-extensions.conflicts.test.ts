import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { DEMO_LOCATIONS } from "@server/db/seed";
import { expectApiError } from "@server/test/api-error";
import {
  fillLocation,
  huntGroupWithExtension,
  locationIdOf,
  memberWithExtension,
  snapshot,
  totals,
  useTestServer,
} from "@server/test/test-server";

const server = useTestServer("each");
const localesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../public/locales");
const ptErrors = JSON.parse(fs.readFileSync(path.join(localesDir, "pt-BR/errors.json"), "utf8"));

function post(locationId: string, payload: object, headers: Record<string, string> = {}) {
  return server.app.inject({ method: "POST", url: urlOf(api.callParkExtensions.create, { locationId }), payload, headers });
}

async function expectUnchanged<T>(locationId: string, action: () => Promise<T>): Promise<T> {
  const before = { all: await totals(server.db), here: await snapshot(server.db, locationId) };
  const result = await action();
  expect(await totals(server.db)).toEqual(before.all);
  expect(await snapshot(server.db, locationId)).toEqual(before.here);
  return result;
}

describe("extension conflicts: 409 naming the owner", () => {
  it.each(DEMO_LOCATIONS.map((l) => l.name))("refuses 1001 in %s, held by a person", async (locationName) => {
    const locationId = await locationIdOf(server.db, locationName);
    const person = await memberWithExtension(server.db, locationId, "1001");
    const res = await expectUnchanged(locationId, () => post(locationId, { name: "Park", extension: "1001" }));
    const body = expectApiError(res, "extensionTaken");
    const params = { extension: "1001", ownerName: person.display_name, context: "PEOPLE" };
    expect(body.params).toEqual(params);
    expect(body.issues).toEqual([{ path: ["extension"], code: "extensionTaken", params }]);
    expect(body.message).toContain("1001");
  });

  it.each([
    ["2001", "PLACE", "Lobby"],
    ["2003", "PLACE", "Warehouse"],
    ["3001", "VIRTUAL_LINE", "After Hours Line"],
    ["4001", "HUNT_GROUP", "Support"],
    ["4002", "HUNT_GROUP", "Sales"],
    ["5001", "CALL_PARK_EXTENSION", "Park 01"],
    ["5006", "CALL_PARK_EXTENSION", "Park 06"],
  ])("refuses %s, held by the %s %s", async (extension, type, ownerName) => {
    const locationId = await locationIdOf(server.db, "San Jose HQ");
    const res = await expectUnchanged(locationId, () => post(locationId, { name: "Park", extension }));
    expect(expectApiError(res, "extensionTaken").params).toEqual({ extension, ownerName, context: type });
  });

  it("names the hunt group from its own table", async () => {
    const locationId = await locationIdOf(server.db, "São Paulo");
    const hunt = await huntGroupWithExtension(server.db, locationId, "4001");
    const body = expectApiError(await post(locationId, { name: "Park", extension: "4001" }), "extensionTaken");
    expect(body.params?.ownerName).toBe(hunt.name);
  });

  it("refuses a PUT onto a taken extension, leaving the call park extension as it was", async () => {
    const locationId = await locationIdOf(server.db, "London");
    const list = await server.app.inject({ url: urlOf(api.callParkExtensions.list), query: { locationId, extension: "5002" } });
    const id = list.json().callParkExtensions[0].id;
    const res = await expectUnchanged(locationId, () =>
      server.app.inject({ method: "PUT", url: urlOf(api.callParkExtensions.update, { locationId, callParkExtensionId: id }), payload: { name: "Moved", extension: "4002" } }),
    );
    expect(expectApiError(res, "extensionTaken").params).toMatchObject({ extension: "4002", context: "HUNT_GROUP" });
    expect((await server.app.inject({ url: urlOf(api.callParkExtensions.get, { locationId, callParkExtensionId: id }) })).json()).toMatchObject({
      name: "Park 02",
      extension: "5002",
    });
  });

  it("says it in Portuguese for pt-BR", async () => {
    const locationId = await locationIdOf(server.db, "São Paulo");
    const res = await post(locationId, { name: "Park", extension: "5003" }, { "accept-language": "pt-BR" });
    expect(expectApiError(res, "extensionTaken").message).toBe(
      ptErrors.extensionTaken_CALL_PARK_EXTENSION.replace("{{extension}}", "5003").replace("{{ownerName}}", "Estacionamento 03"),
    );
    expect(res.headers["content-language"]).toBe("pt-BR");
  });
});

describe("the limit of 100 call park extensions per location", () => {
  it("refuses the 101st with 409 callParkExtensionLimit, writing nothing", async () => {
    const locationId = await locationIdOf(server.db, "New York Office");
    await fillLocation(server, locationId, 100);
    expect((await snapshot(server.db, locationId)).count).toBe(100);

    const res = await expectUnchanged(locationId, () => post(locationId, { name: "One too many", extension: "7999" }));
    const body = expectApiError(res, "callParkExtensionLimit");
    expect(body.params).toEqual({ max: 100 });
    expect(body.issues).toEqual([{ path: ["locationId"], code: "locationFull", params: { max: 100 } }]);
    expect(body.message).toContain("100");

    const after = await snapshot(server.db, locationId);
    expect(after.extensions).toHaveLength(100);
    expect(after.numbers.filter((n) => n.owner_type === "CALL_PARK_EXTENSION")).toHaveLength(100);
  });

  it("says it in Portuguese for pt-BR", async () => {
    const locationId = await locationIdOf(server.db, "São Paulo");
    await fillLocation(server, locationId, 100);
    const res = await post(locationId, { name: "Demais", extension: "7999" }, { "accept-language": "pt-BR,pt;q=0.9,en;q=0.5" });
    expect(expectApiError(res, "callParkExtensionLimit").message).toBe(ptErrors.callParkExtensionLimit.replace("{{max}}", "100"));
  });

  it("counts per location, and frees a slot on delete", async () => {
    const full = await locationIdOf(server.db, "London");
    const other = await locationIdOf(server.db, "San Jose HQ");
    await fillLocation(server, full, 100);
    expect((await post(other, { name: "Elsewhere", extension: "7999" })).statusCode).toBe(201);

    const id = (await snapshot(server.db, full)).extensions[0].id;
    const edit = await server.app.inject({ method: "PUT", url: urlOf(api.callParkExtensions.update, { locationId: full, callParkExtensionId: id }), payload: { name: "Renamed" } });
    expect(edit.statusCode).toBe(204);
    expect((await server.app.inject({ method: "DELETE", url: urlOf(api.callParkExtensions.delete, { locationId: full, callParkExtensionId: id }) })).statusCode).toBe(204);
    expect((await post(full, { name: "Back in", extension: "7999" })).statusCode).toBe(201);
    expectApiError(await post(full, { name: "Over again", extension: "7998" }), "callParkExtensionLimit");
  });
});

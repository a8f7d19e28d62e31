import { beforeEach, describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { suggestExtensionsResultSchema } from "@domain/schemas/extension-suggestions";
import type { Db } from "@server/db/database";
import { expectApiError } from "@server/test/api-error";
import { signIn } from "@server/test/sessions";
import { huntGroupWithExtension, locationIdOf, memberWithExtension, snapshot, useTestServer } from "@server/test/test-server";
import { suggestExtensions } from "./call-park-extensions.suggest";

// The seeded San Jose HQ holds people at 1001–1036, workspaces at 2001–2003, virtual lines
// at 3001–3002, hunt groups at 4001–4002 and call park extensions at 5001–5006.
const server = useTestServer("each");
let locationId: string;

beforeEach(async () => {
  locationId = await locationIdOf(server.db, "San Jose HQ");
});

function suggest(payload: unknown, id = locationId, headers?: Record<string, string>) {
  return server.app.inject({
    method: "POST",
    url: urlOf(api.callParkExtensions.suggestExtensions, { locationId: id }),
    payload: payload as object,
    ...(headers ? { headers } : {}),
  });
}

async function suggested(payload: unknown, id = locationId) {
  const res = await suggest(payload, id);
  expect(res.statusCode, res.body).toBe(200);
  return suggestExtensionsResultSchema.parse(res.json()).extensions;
}

/** Numbers held in the location's plan, straight into it: a block as dense as a test needs. */
async function hold(db: Db, id: string, extensions: string[]) {
  await db
    .insertInto("location_numbers")
    .values(extensions.map((extension) => ({ location_id: id, extension, owner_type: "HUNT_GROUP" as const, owner_id: `held-${extension}` })))
    .execute();
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

describe("POST …/actions/suggestExtensions/invoke", () => {
  it("answers the three free extensions nearest to near, of its length, skipping the people's", async () => {
    const person = await memberWithExtension(server.db, locationId, "1003");
    expect(person.type).toBe("PEOPLE");
    // 1001 and 1003–1036 are people's; 1000 is the lowest four-digit number, so 0999 never comes.
    expect(await suggested({ near: "1002" })).toEqual(["1000", "1037", "1038"]);
  });

  it("skips call park extensions too, and puts the lower of two as near first", async () => {
    const park = (await snapshot(server.db, locationId)).extensions.find((e) => e.extension === "5004");
    expect(park).toBeDefined();
    // 5001–5006 are call park extensions: 5000 at 3, then 4999 and 5007 both at 4.
    expect(await suggested({ near: "5003", count: 5 })).toEqual(["5000", "4999", "5007", "4998", "5008"]);
  });

  it("skips a hunt group's, a workspace's, a virtual line's and one created through the API", async () => {
    await huntGroupWithExtension(server.db, locationId, "4002");
    expect(await suggested({ near: "4002", count: 2 })).toEqual(["4003", "4000"]);
    expect(await suggested({ near: "2002", count: 2 })).toEqual(["2000", "2004"]);
    expect(await suggested({ near: "3001", count: 3 })).toEqual(["3000", "2999", "3003"]);
    const created = await server.app.inject({
      method: "POST",
      url: urlOf(api.callParkExtensions.create, { locationId }),
      payload: { name: "Dock", extension: "1037" },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(await suggested({ near: "1002" })).toEqual(["1000", "1038", "1039"]);
  });

  it("leaves near out even when it is free, and answers count of them (up to 10)", async () => {
    expect(await suggested({ near: "7000", count: 2 })).toEqual(["6999", "7001"]);
    expect(await suggested({ near: "7000", count: 1 })).toEqual(["6999"]);
    const ten = await suggested({ near: "7000", count: 10 });
    expect(ten).toEqual(["6999", "7001", "6998", "7002", "6997", "7003", "6996", "7004", "6995", "7005"]);
  });

  it("keeps near's length at either end of the range, and a leading 0 only when near has one", async () => {
    expect(await suggested({ near: "10" })).toEqual(["11", "12", "13"]);
    expect(await suggested({ near: "99" })).toEqual(["98", "97", "96"]);
    expect(await suggested({ near: "9999999999", count: 2 })).toEqual(["9999999998", "9999999997"]);
    expect(await suggested({ near: "0100" })).toEqual(["0099", "0101", "0098"]);
  });

  it("looks in the asked location only", async () => {
    const london = await locationIdOf(server.db, "London");
    await hold(server.db, london, ["7001", "6999"]);
    expect(await suggested({ near: "7000", count: 2 }, london)).toEqual(["6998", "7002"]);
    expect(await suggested({ near: "7000", count: 2 })).toEqual(["6999", "7001"]);
  });

  it("goes on past a first batch that is all taken", async () => {
    // The 600 numbers nearest to 50000 (49700–50300 but 50000): more than one batch of 500.
    await hold(server.db, locationId, range(49700, 50300));
    expect(await suggested({ near: "50000" })).toEqual(["49699", "50301", "49698"]);
  });

  it("answers fewer, or none, when the range has no more free", async () => {
    // Every two-digit number but 42 and 17 held.
    await hold(server.db, locationId, range(10, 99).filter((e) => e !== "42" && e !== "17"));
    expect(await suggested({ near: "42", count: 3 })).toEqual(["17"]);
    await hold(server.db, locationId, ["17"]);
    expect(await suggested({ near: "42", count: 3 })).toEqual([]);
  });

  it("stops after scanMax candidates, answering what it found by then", async () => {
    await hold(server.db, locationId, range(7800, 8200).filter((e) => e !== "8000"));
    // 400 candidates around 8000 are all held: a scan of 300 finds nothing, one of 402 the first two.
    expect(await suggestExtensions(server.db, locationId, "8000", 3, { batchSize: 100, scanMax: 300 })).toEqual({ extensions: [] });
    expect(await suggestExtensions(server.db, locationId, "8000", 3, { batchSize: 100, scanMax: 402 })).toEqual({ extensions: ["7799", "8201"] });
  });

  it("writes nothing", async () => {
    const before = await snapshot(server.db, locationId);
    await suggested({ near: "1002", count: 10 });
    expect(await snapshot(server.db, locationId)).toEqual(before);
  });

  it("answers 404 for an unknown location", async () => {
    expectApiError(await suggest({ near: "1002" }, "bm93aGVyZQ"), "locationNotFound");
  });

  it.each([
    ["no near", {}, ["near"], "required"],
    ["an empty near", { near: "" }, ["near"], "required"],
    ["a near with a letter", { near: "10a2" }, ["near"], "extensionDigits"],
    ["a near of one digit", { near: "1" }, ["near"], "extensionLength"],
    ["a near of eleven digits", { near: "12345678901" }, ["near"], "extensionLength"],
    ["a near as a number", { near: 1002 }, ["near"], "invalidType"],
    ["a count of 11", { near: "1002", count: 11 }, ["count"], "tooBig"],
    ["a count of 0", { near: "1002", count: 0 }, ["count"], "tooSmall"],
    ["a fractional count", { near: "1002", count: 2.5 }, ["count"], "notInteger"],
    ["a count as text", { near: "1002", count: "3" }, ["count"], "invalidType"],
    ["an unknown field", { near: "1002", extensions: ["1002"] }, [], "unknownField"],
  ])("refuses %s with 400 on its field", async (_label, payload, path, code) => {
    const body = expectApiError(await suggest(payload), "validation");
    expect(body.issues).toEqual([expect.objectContaining({ path, code })]);
  });

  it("says the largest count it takes", async () => {
    const body = expectApiError(await suggest({ near: "1002", count: 11 }), "validation");
    expect(body.issues).toEqual([{ path: ["count"], code: "tooBig", params: { max: 10 } }]);
  });
});

describe("suggestExtensions: who may ask, as for validateExtensions", () => {
  const validate = (id: string, headers: Record<string, string>) =>
    server.app.inject({
      method: "POST",
      url: urlOf(api.callParkExtensions.validateExtensions, { locationId: id }),
      payload: { extensions: ["7000"] },
      headers,
    });

  it("answers a location administrator about their location, and elsewhere as validateExtensions does: 404", async () => {
    const session = await signIn(server, "location");
    const own = await locationIdOf(server.db, "São Paulo");
    const other = await locationIdOf(server.db, "London");

    const mine = await suggest({ near: "7000", count: 1 }, own, session.write);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json()).toEqual({ extensions: ["6999"] });
    expect((await validate(own, session.write)).statusCode).toBe(200);

    const theirs = await suggest({ near: "7000" }, other, session.write);
    const validated = await validate(other, session.write);
    expect(validated.statusCode).toBe(404);
    expect(theirs.statusCode).toBe(validated.statusCode);
    expect(expectApiError(theirs, "locationNotFound").code).toBe(expectApiError(validated, "locationNotFound").code);
  });

  it("refuses a read-only administrator as validateExtensions does: 403", async () => {
    const session = await signIn(server, "readOnly");
    expectApiError(await validate(locationId, session.write), "forbidden");
    expectApiError(await suggest({ near: "7000" }, locationId, session.write), "forbidden");
  });

  it("refuses a caller signed out: 401", async () => {
    const res = await server.app.anonymous({
      method: "POST",
      url: urlOf(api.callParkExtensions.suggestExtensions, { locationId }),
      payload: { near: "7000" },
    });
    expectApiError(res, "unauthorized");
  });
});

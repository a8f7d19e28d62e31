import { describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { callParkSettingsSchema } from "@domain/schemas/call-park-settings";
import { DEFAULT_CALL_PARK_SETTINGS } from "@domain/rules/recall";
import { expectApiError } from "@server/test/api-error";
import { huntGroupWithExtension, locationIdOf, useTestServer } from "@server/test/test-server";
import { getSettings, putSettings, storedRow } from "./test-helpers";

const server = useTestServer("each");

const DEFAULTS = {
  callParkRecall: { option: "ALERT_PARKING_USER_ONLY" },
  callParkSettings: { ringPattern: "NORMAL", recallTime: 45, huntWaitTime: 45 },
};

describe("GET …/callParks/settings", () => {
  it("answers the defaults for a location never changed, without storing anything", async () => {
    const locationId = await locationIdOf(server.db, "New York Office");
    const res = await server.app.inject({ url: urlOf(api.callParkSettings.get, { locationId }) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(DEFAULTS);
    expect(callParkSettingsSchema.parse(res.json())).toEqual(DEFAULTS);
    expect(DEFAULTS.callParkSettings).toEqual({
      ringPattern: DEFAULT_CALL_PARK_SETTINGS.ringPattern,
      recallTime: DEFAULT_CALL_PARK_SETTINGS.recallTime,
      huntWaitTime: DEFAULT_CALL_PARK_SETTINGS.huntWaitTime,
    });
    expect(await storedRow(server.db, locationId)).toBeUndefined();
  });

  it("accepts Webex's orgId query parameter with this organisation's id", async () => {
    const locationId = await locationIdOf(server.db, "London");
    const { id: orgId } = await server.db.selectFrom("organizations").select("id").executeTakeFirstOrThrow();
    const res = await server.app.inject({ url: urlOf(api.callParkSettings.get, { locationId }), query: { orgId } });
    expect(res.statusCode).toBe(200);
  });

  it("answers 404 locationNotFound for an unknown location", async () => {
    const body = expectApiError(await server.app.inject({ url: urlOf(api.callParkSettings.get, { locationId: "bm93aGVyZQ" }) }), "locationNotFound");
    expect(body.params).toEqual({ id: "bm93aGVyZQ" });
  });
});

describe("PUT …/callParks/settings", () => {
  it("answers 204 with an empty body, and GET gives back every field", async () => {
    const locationId = await locationIdOf(server.db, "New York Office");
    const sales = await huntGroupWithExtension(server.db, locationId, "4002");
    const res = await putSettings(server, locationId, {
      callParkRecall: { option: "ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP", huntGroupId: sales.id },
      callParkSettings: { ringPattern: "SHORT_LONG_SHORT", recallTime: 120, huntWaitTime: 300 },
    });
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe("");
    expect(await getSettings(server, locationId)).toEqual({
      callParkRecall: { option: "ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP", huntGroupId: sales.id, huntGroupName: "Sales" },
      callParkSettings: { ringPattern: "SHORT_LONG_SHORT", recallTime: 120, huntWaitTime: 300 },
    });
  });

  it.each(["NORMAL", "LONG_LONG", "SHORT_SHORT_LONG", "SHORT_LONG_SHORT"])("stores ring pattern %s", async (ringPattern) => {
    const locationId = await locationIdOf(server.db, "São Paulo");
    expect((await putSettings(server, locationId, { callParkSettings: { ringPattern } })).statusCode).toBe(204);
    expect((await getSettings(server, locationId)).callParkSettings.ringPattern).toBe(ringPattern);
  });

  it.each([30, 600])("accepts %d seconds, the ends of the range, for both timers", async (seconds) => {
    const locationId = await locationIdOf(server.db, "São Paulo");
    const res = await putSettings(server, locationId, { callParkSettings: { recallTime: seconds, huntWaitTime: seconds } });
    expect(res.statusCode).toBe(204);
    expect((await getSettings(server, locationId)).callParkSettings).toMatchObject({ recallTime: seconds, huntWaitTime: seconds });
  });

  it("accepts an empty body as a change of nothing, still answering 204", async () => {
    const locationId = await locationIdOf(server.db, "Florianópolis");
    expect((await putSettings(server, locationId, {})).statusCode).toBe(204);
    expect(await getSettings(server, locationId)).toEqual(DEFAULTS);
  });

  it("accepts the GET answer sent back as it is (huntGroupName is ignored)", async () => {
    const locationId = await locationIdOf(server.db, "London");
    const support = await huntGroupWithExtension(server.db, locationId, "4001");
    await putSettings(server, locationId, { callParkRecall: { option: "ALERT_HUNT_GROUP_ONLY", huntGroupId: support.id } });
    const answer = await getSettings(server, locationId);
    const res = await putSettings(server, locationId, {
      ...answer,
      callParkRecall: { ...answer.callParkRecall, huntGroupName: "Not its name" },
    });
    expect(res.statusCode).toBe(204);
    expect(await getSettings(server, locationId)).toEqual(answer);
  });

  it("answers 404 locationNotFound for an unknown location, storing nothing", async () => {
    const res = await putSettings(server, "bm93aGVyZQ", { callParkSettings: { recallTime: 60 } });
    expectApiError(res, "locationNotFound");
    expect(await server.db.selectFrom("location_call_park_settings").selectAll().execute()).toEqual([]);
  });
});

describe("PUT …/callParks/settings: a partial body changes only what it carries", () => {
  async function changedLocation() {
    const locationId = await locationIdOf(server.db, "San Jose HQ");
    const support = await huntGroupWithExtension(server.db, locationId, "4001");
    await putSettings(server, locationId, {
      callParkRecall: { option: "ALERT_HUNT_GROUP_ONLY", huntGroupId: support.id },
      callParkSettings: { ringPattern: "LONG_LONG", recallTime: 90, huntWaitTime: 120 },
    });
    return { locationId, support };
  }

  it.each([
    ["the ring pattern", { ringPattern: "SHORT_SHORT_LONG" }],
    ["the Recall Timer", { recallTime: 31 }],
    ["the Alert Hunt Group Wait Time", { huntWaitTime: 599 }],
  ])("changes %s alone", async (_label, change) => {
    const { locationId, support } = await changedLocation();
    expect((await putSettings(server, locationId, { callParkSettings: change })).statusCode).toBe(204);
    expect(await getSettings(server, locationId)).toEqual({
      callParkRecall: { option: "ALERT_HUNT_GROUP_ONLY", huntGroupId: support.id, huntGroupName: "Support" },
      callParkSettings: { ringPattern: "LONG_LONG", recallTime: 90, huntWaitTime: 120, ...change },
    });
  });

  it("changes the recall option alone, keeping the stored hunt group", async () => {
    const { locationId, support } = await changedLocation();
    const res = await putSettings(server, locationId, { callParkRecall: { option: "ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP" } });
    expect(res.statusCode).toBe(204);
    expect(await getSettings(server, locationId)).toEqual({
      callParkRecall: { option: "ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP", huntGroupId: support.id, huntGroupName: "Support" },
      callParkSettings: { ringPattern: "LONG_LONG", recallTime: 90, huntWaitTime: 120 },
    });
  });

  it("changes the hunt group alone, keeping the option", async () => {
    const { locationId } = await changedLocation();
    const sales = await huntGroupWithExtension(server.db, locationId, "4002");
    expect((await putSettings(server, locationId, { callParkRecall: { huntGroupId: sales.id } })).statusCode).toBe(204);
    expect((await getSettings(server, locationId)).callParkRecall).toEqual({
      option: "ALERT_HUNT_GROUP_ONLY",
      huntGroupId: sales.id,
      huntGroupName: "Sales",
    });
  });

  it("leaves the recall alone when only the timers change, even on a fresh location", async () => {
    const locationId = await locationIdOf(server.db, "Florianópolis");
    expect((await putSettings(server, locationId, { callParkSettings: { recallTime: 200 } })).statusCode).toBe(204);
    expect(await getSettings(server, locationId)).toEqual({
      ...DEFAULTS,
      callParkSettings: { ...DEFAULTS.callParkSettings, recallTime: 200 },
    });
  });

  it("drops the hunt group when the option no longer uses one", async () => {
    const { locationId } = await changedLocation();
    await putSettings(server, locationId, { callParkRecall: { option: "ALERT_PARKING_USER_ONLY" } });
    expect((await getSettings(server, locationId)).callParkRecall).toEqual({ option: "ALERT_PARKING_USER_ONLY" });
    expect((await storedRow(server.db, locationId))?.recall_hunt_group_id).toBeNull();
    // So going back to a hunt-group option asks for the hunt group again.
    const again = await putSettings(server, locationId, { callParkRecall: { option: "ALERT_HUNT_GROUP_ONLY" } });
    expect(expectApiError(again, "validation").issues).toEqual([
      { path: ["callParkRecall", "huntGroupId"], code: "huntGroupRequired" },
    ]);
  });
});

describe("PUT …/callParks/settings: the hunt group rules", () => {
  it.each(["ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP", "ALERT_HUNT_GROUP_ONLY"])(
    "refuses %s without a hunt group, on callParkRecall.huntGroupId, changing nothing",
    async (option) => {
      const locationId = await locationIdOf(server.db, "New York Office");
      const res = await putSettings(server, locationId, {
        callParkRecall: { option },
        callParkSettings: { recallTime: 300 },
      });
      const body = expectApiError(res, "validation");
      expect(body.issues).toEqual([{ path: ["callParkRecall", "huntGroupId"], code: "huntGroupRequired" }]);
      expect(body.message).toBe(
        "Some values are not valid. callParkRecall.huntGroupId: Choose the hunt group that recalled calls go to.",
      );
      expect(await getSettings(server, locationId)).toEqual(DEFAULTS);
    },
  );

  it("refuses a hunt group of another location, naming it", async () => {
    const newYork = await locationIdOf(server.db, "New York Office");
    const saoPaulo = await locationIdOf(server.db, "São Paulo");
    const suporte = await huntGroupWithExtension(server.db, saoPaulo, "4001");
    const res = await putSettings(server, newYork, { callParkRecall: { option: "ALERT_HUNT_GROUP_ONLY", huntGroupId: suporte.id } });
    const body = expectApiError(res, "validation");
    expect(body.issues).toEqual([
      {
        path: ["callParkRecall", "huntGroupId"],
        code: "huntGroupOtherLocation",
        params: { name: "Suporte", locationName: "São Paulo" },
      },
    ]);
    expect(body.message).toContain("The hunt group Suporte belongs to another location.");
    expect(await storedRow(server.db, newYork)).toBeUndefined();
  });

  it("refuses a hunt group that does not exist", async () => {
    const locationId = await locationIdOf(server.db, "New York Office");
    const res = await putSettings(server, locationId, {
      callParkRecall: { option: "ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP", huntGroupId: "bm8taHVudC1ncm91cA" },
    });
    expect(expectApiError(res, "validation").issues).toEqual([
      { path: ["callParkRecall", "huntGroupId"], code: "huntGroupNotFound" },
    ]);
  });

  it("checks a hunt group sent with 'parking user only' too, but keeps none", async () => {
    const newYork = await locationIdOf(server.db, "New York Office");
    const london = await locationIdOf(server.db, "London");
    const foreign = await huntGroupWithExtension(server.db, london, "4001");
    const own = await huntGroupWithExtension(server.db, newYork, "4001");
    const refused = await putSettings(server, newYork, {
      callParkRecall: { option: "ALERT_PARKING_USER_ONLY", huntGroupId: foreign.id },
    });
    expect(expectApiError(refused, "validation").issues?.[0].code).toBe("huntGroupOtherLocation");

    const res = await putSettings(server, newYork, { callParkRecall: { option: "ALERT_PARKING_USER_ONLY", huntGroupId: own.id } });
    expect(res.statusCode).toBe(204);
    expect((await getSettings(server, newYork)).callParkRecall).toEqual({ option: "ALERT_PARKING_USER_ONLY" });
  });

  it("no longer names a hunt group once it is deleted", async () => {
    const locationId = await locationIdOf(server.db, "New York Office");
    const support = await huntGroupWithExtension(server.db, locationId, "4001");
    await putSettings(server, locationId, { callParkRecall: { option: "ALERT_HUNT_GROUP_ONLY", huntGroupId: support.id } });
    await server.db.deleteFrom("location_numbers").where("owner_id", "=", support.id).execute();
    await server.db.deleteFrom("hunt_groups").where("id", "=", support.id).execute();
    expect((await getSettings(server, locationId)).callParkRecall).toEqual({ option: "ALERT_HUNT_GROUP_ONLY" });
    // A change of the timers alone still goes through; a change of the recall asks for a hunt group.
    expect((await putSettings(server, locationId, { callParkSettings: { recallTime: 60 } })).statusCode).toBe(204);
    const res = await putSettings(server, locationId, { callParkRecall: { option: "ALERT_HUNT_GROUP_ONLY" } });
    expect(expectApiError(res, "validation").issues?.[0].code).toBe("huntGroupRequired");
  });
});

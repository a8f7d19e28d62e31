import { expect } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import type { Db } from "@server/db/database";
import { huntGroupWithExtension, locationIdOf, memberWithExtension, type TestServer } from "@server/test/test-server";

/** The three lists of what a group may take, by their name in `api.callParks`. */
export type AvailableList = "availableUsers" | "availableRecallHuntGroups" | "availableCallParkExtensions";

/** Ids of the seeded people, workspaces and virtual lines holding these extensions, in the order given. */
export async function memberIds(db: Db, locationId: string, extensions: string[]): Promise<string[]> {
  return Promise.all(extensions.map(async (e) => (await memberWithExtension(db, locationId, e)).id));
}

/** Ids of the seeded call park extensions holding these extensions, in the order given. */
export async function extensionIds(db: Db, locationId: string, extensions: string[]): Promise<string[]> {
  return Promise.all(
    extensions.map(async (extension) => {
      const row = await db
        .selectFrom("call_park_extensions")
        .select("id")
        .where("location_id", "=", locationId)
        .where("extension", "=", extension)
        .executeTakeFirstOrThrow();
      return row.id;
    }),
  );
}

export async function huntGroupId(db: Db, locationId: string, extension: string): Promise<string> {
  return (await huntGroupWithExtension(db, locationId, extension)).id;
}

/** A location's id and the ids the tests build groups from: members 1001–1004, 2001, 3001; call park extensions 5001–5006. */
export async function fixture(db: Db, locationName = "San Jose HQ") {
  const locationId = await locationIdOf(db, locationName);
  return {
    locationId,
    people: await memberIds(db, locationId, ["1001", "1002", "1003", "1004"]),
    workspace: (await memberIds(db, locationId, ["2001"]))[0],
    virtualLine: (await memberIds(db, locationId, ["3001"]))[0],
    extensions: await extensionIds(db, locationId, ["5001", "5002", "5003", "5004", "5005", "5006"]),
    support: await huntGroupId(db, locationId, "4001"),
  };
}

export const PARKING_USER_ONLY = { option: "ALERT_PARKING_USER_ONLY" } as const;

/** Creates a group through the API and answers its id; fails the test on anything but 201. */
export async function createGroup(server: TestServer, locationId: string, body: Record<string, unknown>): Promise<string> {
  const res = await server.app.inject({
    method: "POST",
    url: urlOf(api.callParks.create, { locationId }),
    payload: { recall: PARKING_USER_ONLY, ...body },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

/** Every call park row, member and destination: proves a refusal wrote nothing. */
export async function groupTables(db: Db) {
  const [parks, agents, destinations] = await Promise.all([
    db.selectFrom("call_parks").selectAll().orderBy("id").execute(),
    db.selectFrom("call_park_agents").selectAll().orderBy("call_park_id").orderBy("position").execute(),
    db.selectFrom("call_park_destinations").selectAll().orderBy("call_park_id").orderBy("position").execute(),
  ]);
  return { parks, agents, destinations };
}

import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  availableRecallHuntGroupsQuerySchema,
  availableUsersQuerySchema,
  callParkCreateSchema,
  callParkFormSchema,
  callParkListQuerySchema,
  callParkOrgListQuerySchema,
  callParkUpdateSchema,
} from "./call-park";
import { toFieldIssues } from "./issues";

function issuesOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  return result.success ? [] : toFieldIssues(result.error, input);
}

const recall = { option: "ALERT_PARKING_USER_ONLY" };

describe("callParkCreateSchema", () => {
  it("takes Webex's PostCallParkObject, trimming and composing the name", () => {
    const body = {
      name: "  Recepc\u0327a\u0303o ",
      recall: { option: "ALERT_HUNT_GROUP_ONLY", huntGroupId: "h1" },
      agents: ["p1", "p2"],
      parkOnAgentsEnabled: false,
      callParkExtensions: ["c1"],
    };
    expect(callParkCreateSchema.parse(body)).toEqual({ ...body, name: "Recepção" });
  });

  it("accepts 80 characters (emoji counted as one) and refuses 81 with tooLong max 80", () => {
    expect(callParkCreateSchema.safeParse({ name: "x".repeat(80), recall }).success).toBe(true);
    expect(callParkCreateSchema.safeParse({ name: "🚗".repeat(80), recall }).success).toBe(true);
    expect(issuesOf(callParkCreateSchema, { name: "x".repeat(81), recall })).toEqual([
      { path: ["name"], code: "tooLong", params: { max: 80 } },
    ]);
  });

  it("requires a name and a recall with its option", () => {
    expect(issuesOf(callParkCreateSchema, {})).toEqual([
      { path: ["name"], code: "required" },
      { path: ["recall"], code: "required" },
    ]);
    expect(issuesOf(callParkCreateSchema, { name: "G", recall: {} })).toEqual([{ path: ["recall", "option"], code: "required" }]);
    expect(issuesOf(callParkCreateSchema, { name: "G", recall: { option: "RING_EVERYONE" } })).toEqual([
      { path: ["recall", "option"], code: "invalidValue" },
    ]);
  });

  it("refuses unknown fields at the top and inside recall", () => {
    expect(issuesOf(callParkCreateSchema, { name: "G", recall, id: "x" })).toEqual([
      { path: [], code: "unknownField", params: { keys: "id" } },
    ]);
    expect(issuesOf(callParkCreateSchema, { name: "G", recall: { ...recall, huntGroupName: "S" } })).toEqual([
      { path: ["recall"], code: "unknownField", params: { keys: "huntGroupName" } },
    ]);
  });

  it("refuses ids that are not strings by position, and a boolean sent as text", () => {
    expect(issuesOf(callParkCreateSchema, { name: "G", recall, agents: ["p1", 2, ""], parkOnAgentsEnabled: "true" })).toEqual([
      { path: ["agents", 1], code: "invalidType" },
      { path: ["agents", 2], code: "tooShort", params: { min: 1 } },
      { path: ["parkOnAgentsEnabled"], code: "invalidType" },
    ]);
  });

  it("bounds the lists: 1000 members, 100 park destinations", () => {
    expect(issuesOf(callParkCreateSchema, { name: "G", recall, callParkExtensions: Array(101).fill("c") })).toEqual([
      { path: ["callParkExtensions"], code: "tooBig", params: { max: 100 } },
    ]);
    expect(issuesOf(callParkCreateSchema, { name: "G", recall, agents: Array(1001).fill("p") })[0].code).toBe("tooBig");
  });
});

describe("callParkUpdateSchema", () => {
  it("takes any part alone, or nothing, and still refuses unknown fields", () => {
    expect(callParkUpdateSchema.parse({})).toEqual({});
    expect(callParkUpdateSchema.parse({ agents: [] })).toEqual({ agents: [] });
    expect(issuesOf(callParkUpdateSchema, { locationId: "L" })[0].code).toBe("unknownField");
    expect(issuesOf(callParkUpdateSchema, { name: "" })).toEqual([{ path: ["name"], code: "required" }]);
  });
});

describe("callParkFormSchema", () => {
  const agent = (id: string) => ({ id, firstName: "A", lastName: id, displayName: `A ${id}`, type: "PEOPLE", email: "", numbers: [] });
  const destination = (id: string) => ({ id, name: `Park ${id}`, extension: "5001" });
  const form = {
    locationId: "L",
    name: "G",
    recall,
    agents: [agent("p1")],
    parkOnAgentsEnabled: false,
    callParkExtensions: [destination("c1")],
  };

  it("holds whole members and destinations, of which the group rules read the ids", () => {
    expect(callParkFormSchema.parse({ ...form, agents: [{ ...agent("p1"), callParkName: "Sales" }] }).agents[0]).toMatchObject({
      id: "p1",
      callParkName: "Sales",
    });
    const wrong = {
      ...form,
      recall: { option: "ALERT_HUNT_GROUP_ONLY" },
      parkOnAgentsEnabled: true,
      callParkExtensions: [destination("c1"), destination("c1")],
    };
    expect(issuesOf(callParkFormSchema, wrong)).toEqual([
      { path: ["callParkExtensions", 1], code: "duplicateInList" },
      { path: ["recall", "huntGroupId"], code: "huntGroupRequired" },
      { path: ["parkOnAgentsEnabled"], code: "parkOnAgentsWithDestinations" },
    ]);
  });

  it("requires the location, and an id on every member and destination", () => {
    expect(issuesOf(callParkFormSchema, { ...form, locationId: "" })).toMatchObject([{ path: ["locationId"], code: "locationRequired" }]);
    expect(issuesOf(callParkFormSchema, { ...form, agents: [agent("")] })).toEqual([
      { path: ["agents", 0, "id"], code: "tooShort", params: { min: 1 } },
    ]);
  });

  it("checks the group rules even when the name is wrong, so one Save reports both", () => {
    expect(issuesOf(callParkFormSchema, { ...form, name: " ", recall: { option: "ALERT_HUNT_GROUP_ONLY" } })).toEqual([
      { path: ["name"], code: "required" },
      { path: ["recall", "huntGroupId"], code: "huntGroupRequired" },
    ]);
  });

  it("leaves the rules out while a part they read is malformed", () => {
    expect(issuesOf(callParkFormSchema, { ...form, agents: "p1", recall: { option: "ALERT_HUNT_GROUP_ONLY" } })).toEqual([
      { path: ["agents"], code: "invalidType" },
    ]);
  });
});

describe("list queries", () => {
  it("reads Webex's ASC and DSC as the name's direction, and our field list", () => {
    expect(callParkListQuerySchema.parse({ order: "DSC" }).order).toEqual([{ field: "name", direction: "desc" }]);
    expect(callParkListQuerySchema.parse({ order: "asc" }).order).toEqual([{ field: "name", direction: "asc" }]);
    expect(callParkOrgListQuerySchema.parse({ order: "locationName,name-desc" }).order).toEqual([
      { field: "locationName", direction: "asc" },
      { field: "name", direction: "desc" },
    ]);
    expect(issuesOf(callParkListQuerySchema, { order: "extension" })).toEqual([
      { path: ["order"], code: "invalidValue", params: { value: "extension" } },
    ]);
  });

  it("does not mistake an inherited property for a sort field", () => {
    expect(issuesOf(callParkListQuerySchema, { order: "constructor" })[0].code).toBe("invalidValue");
  });
});

describe("availableUsersQuerySchema", () => {
  it("takes up to three of fname, lname, number and extension", () => {
    expect(availableUsersQuerySchema.parse({ order: "lname|fname|extension" }).order).toEqual([
      { field: "lname", direction: "asc" },
      { field: "fname", direction: "asc" },
      { field: "extension", direction: "asc" },
    ]);
    expect(issuesOf(availableUsersQuerySchema, { order: "lname|fname|extension|number" })).toEqual([
      { path: ["order"], code: "invalidValue", params: { value: "number" } },
    ]);
    expect(issuesOf(availableUsersQuerySchema, { order: "email" })[0].code).toBe("invalidValue");
  });

  it("reads includeAssigned as true or false only", () => {
    expect(availableUsersQuerySchema.parse({ includeAssigned: "true" }).includeAssigned).toBe(true);
    expect(availableUsersQuerySchema.parse({ includeAssigned: "false" }).includeAssigned).toBe(false);
    expect(issuesOf(availableUsersQuerySchema, { includeAssigned: "yes" })).toEqual([
      { path: ["includeAssigned"], code: "invalidValue" },
    ]);
  });
});

describe("availableRecallHuntGroupsQuerySchema", () => {
  it("sorts by Webex's lname (the name) only", () => {
    expect(availableRecallHuntGroupsQuerySchema.parse({ order: "lname-desc" }).order).toEqual([{ field: "name", direction: "desc" }]);
    expect(issuesOf(availableRecallHuntGroupsQuerySchema, { order: "fname" })[0].code).toBe("invalidValue");
  });
});

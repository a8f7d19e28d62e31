import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { locationIdOf, snapshot, startTestServer, type TestServer } from "@server/test/test-server";
import { constraintViolation } from "./constraint-error";

// The service checks first for a clear answer; these prove the database refuses on
// its own, which is what decides a race between two admins.
let server: TestServer;
let locationId: string;

beforeEach(async () => {
  server = await startTestServer();
  locationId = await locationIdOf(server.db, "San Jose HQ");
});
afterEach(() => server.close());

async function refusal(work: () => Promise<unknown>) {
  const error = await work().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, "the database accepted it").toBeDefined();
  return constraintViolation(error);
}

describe("the numbering plan: one owner per extension per location", () => {
  it("refuses a second location_numbers row for the same (location_id, extension)", async () => {
    const violation = await refusal(() =>
      server.db
        .insertInto("location_numbers")
        .values({ location_id: locationId, extension: "1001", owner_type: "CALL_PARK_EXTENSION", owner_id: "intruder" })
        .execute(),
    );
    expect(violation?.kind).toBe("unique");
  });

  it("allows the same extension in another location", async () => {
    const london = await locationIdOf(server.db, "London");
    await server.db
      .insertInto("location_numbers")
      .values({ location_id: london, extension: "9999", owner_type: "CALL_PARK_EXTENSION", owner_id: "a" })
      .execute();
    await server.db
      .insertInto("location_numbers")
      .values({ location_id: locationId, extension: "9999", owner_type: "CALL_PARK_EXTENSION", owner_id: "b" })
      .execute();
    const rows = await server.db.selectFrom("location_numbers").select("owner_id").where("extension", "=", "9999").execute();
    expect(rows.map((r) => r.owner_id).sort()).toEqual(["a", "b"]);
  });

  it("refuses one owner holding two numbers", async () => {
    const [park] = (await snapshot(server.db, locationId)).extensions;
    const violation = await refusal(() =>
      server.db
        .insertInto("location_numbers")
        .values({ location_id: locationId, extension: "9998", owner_type: "CALL_PARK_EXTENSION", owner_id: park.id })
        .execute(),
    );
    expect(violation?.kind).toBe("unique");
  });

  it("refuses two call park extensions with the same extension in a location", async () => {
    const violation = await refusal(() =>
      server.db
        .insertInto("call_park_extensions")
        .values({ id: "dup", location_id: locationId, name: "Dup", name_key: "dup", extension: "5001", created_at: "now" })
        .execute(),
    );
    expect(violation?.kind).toBe("unique");
  });

  it("refuses a call park extension in a location that does not exist", async () => {
    const violation = await refusal(() =>
      server.db
        .insertInto("call_park_extensions")
        .values({ id: "lost", location_id: "nowhere", name: "Lost", name_key: "lost", extension: "7001", created_at: "now" })
        .execute(),
    );
    expect(violation?.kind).toBe("foreignKey");
  });
});

describe("the cap of 100 call park extensions per location", () => {
  const setCount = (value: number) =>
    server.db.updateTable("locations").set({ call_park_extension_count: value }).where("id", "=", locationId).execute();

  it("holds 100", async () => {
    await setCount(100);
    expect((await snapshot(server.db, locationId)).count).toBe(100);
  });

  it("refuses 101 by a CHECK constraint", async () => {
    const violation = await refusal(() => setCount(101));
    expect(violation).toEqual({ kind: "check", detail: expect.stringContaining("call_park_extension_cap") });
    expect((await snapshot(server.db, locationId)).count).toBe(6);
  });

  it("refuses bumping past 100 with an increment, as the service does", async () => {
    await setCount(100);
    const violation = await refusal(() =>
      sql`update locations set call_park_extension_count = call_park_extension_count + 1 where id = ${locationId}`.execute(server.db),
    );
    expect(violation?.kind).toBe("check");
  });

  it("refuses a negative count", async () => {
    expect((await refusal(() => setCount(-1)))?.kind).toBe("check");
  });
});

describe("constraintViolation", () => {
  it("recognises PostgreSQL's SQLSTATEs as well", () => {
    expect(constraintViolation({ code: "23505", constraint: "location_numbers_pk" })).toEqual({ kind: "unique", detail: "location_numbers_pk" });
    expect(constraintViolation({ code: "23514", message: "violates check" })).toEqual({ kind: "check", detail: "violates check" });
    expect(constraintViolation({ code: "23503", message: "fk" })?.kind).toBe("foreignKey");
  });

  it("ignores anything that is not a constraint failure", () => {
    expect(constraintViolation(new Error("boom"))).toBeUndefined();
    expect(constraintViolation({ code: "SQLITE_BUSY" })).toBeUndefined();
    expect(constraintViolation(undefined)).toBeUndefined();
    expect(constraintViolation("SQLITE_CONSTRAINT_UNIQUE")).toBeUndefined();
  });
});

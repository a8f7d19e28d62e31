import { describe, expect, it } from "vitest";
import { fillLocation, huntGroupWithExtension, locationIdOf, memberWithExtension, useTestServer } from "@server/test/test-server";
import { addRows, callParkState, csvOf, expectConsistent, preview, runImport, tableCounts } from "./test-helpers";

// The dry run: every row classified against the data as the rows before it leave it,
// by the same code the job runs, and nothing written.
const server = useTestServer("each");

describe("the preview", () => {
  it("classifies every outcome, naming the old name an update replaces, and writes nothing", async () => {
    const before = await tableCounts(server.db);
    const state = await callParkState(server.db);
    const result = await preview(
      server.app,
      csvOf([
        { location: "London", name: "Front desk", extension: "7001" },
        { location: "London", name: "Park 01", extension: "5001" },
        { location: "london", name: "Loading bay", extension: "5002", action: "ADD" },
        { location: "London", name: "", extension: "5003", action: "DELETE" },
        { location: "Atlantis", name: "Lost", extension: "7002" },
      ]),
    );
    // Each row names its location's id when there is one (a taken row's free extensions are asked of it).
    const locationId = await locationIdOf(server.db, "London");
    expect(result.rows).toEqual([
      { itemNumber: 2, location: "London", locationId, name: "Front desk", extension: "7001", action: "ADD", outcome: "CREATE" },
      { itemNumber: 3, location: "London", locationId, name: "Park 01", extension: "5001", action: "ADD", outcome: "UNCHANGED" },
      { itemNumber: 4, location: "london", locationId, name: "Loading bay", extension: "5002", action: "ADD", outcome: "UPDATE", previousName: "Park 02" },
      { itemNumber: 5, location: "London", locationId, name: "", extension: "5003", action: "DELETE", outcome: "DELETE", previousName: "Park 03" },
      {
        itemNumber: 6,
        location: "Atlantis",
        name: "Lost",
        extension: "7002",
        action: "ADD",
        outcome: "ERROR",
        issues: [{ path: ["location"], code: "locationNotFound", params: { location: "Atlantis" } }],
      },
    ]);
    expect(result.counts).toEqual({ create: 1, update: 1, delete: 1, unchanged: 1, error: 1, total: 5 });
    expect(result.wouldApply).toBe(true);
    expect(await tableCounts(server.db)).toEqual(before);
    expect(await callParkState(server.db)).toEqual(state);
  });

  it("says an atomic import would apply nothing when a row errs, and would when none does", async () => {
    const bad = csvOf([
      { location: "London", name: "Front desk", extension: "7001" },
      { location: "London", name: "Clash", extension: "1001" },
    ]);
    expect((await preview(server.app, bad, { mode: "atomic" })).wouldApply).toBe(false);
    expect((await preview(server.app, bad, { mode: "partial" })).wouldApply).toBe(true);
    const good = csvOf([{ location: "London", name: "Front desk", extension: "7001" }]);
    expect(await preview(server.app, good, { mode: "atomic" })).toMatchObject({ mode: "atomic", wouldApply: true });
  });

  it("finds a location by its name regardless of case and accents", async () => {
    const result = await preview(server.app, csvOf([{ location: "SAO PAULO", name: "Recepção", extension: "7001" }, { location: "florianopolis", name: "Sala", extension: "7001" }]));
    expect(result.rows.map((r) => r.outcome)).toEqual(["CREATE", "CREATE"]);
  });

  it("refuses the 101st call park extension of a location, counting the file's own rows as they go", async () => {
    const locationId = await locationIdOf(server.db, "London");
    await fillLocation(server, locationId, 98);
    const result = await preview(
      server.app,
      csvOf([
        ...addRows("London", 3, 7000),
        { location: "London", name: "", extension: "5001", action: "DELETE" },
        { location: "London", name: "Last one", extension: "7100" },
        { location: "London", name: "One too many", extension: "7101" },
      ]),
    );
    expect(result.rows.map((r) => r.outcome)).toEqual(["CREATE", "CREATE", "ERROR", "DELETE", "CREATE", "ERROR"]);
    expect(result.rows[2].issues).toEqual([{ path: ["location"], code: "locationFull", params: { max: 100 } }]);
    expect(result.rows[5].issues).toEqual([{ path: ["location"], code: "locationFull", params: { max: 100 } }]);
  });

  it("refuses a row repeating the one before for the same location and extension, yet lets DELETE then ADD through", async () => {
    const result = await preview(
      server.app,
      csvOf([
        { location: "London", name: "First", extension: "7001" },
        { location: "LONDON", name: "Second", extension: "7001" },
        { location: "London", name: "", extension: "5001", action: "DELETE" },
        { location: "London", name: "Reborn", extension: "5001" },
        { location: "London", name: "", extension: "5002", action: "DELETE" },
        { location: "London", name: "", extension: "5002", action: "DELETE" },
        { location: "New York Office", name: "Elsewhere", extension: "7001" },
      ]),
    );
    expect(result.rows.map((r) => r.outcome)).toEqual(["CREATE", "ERROR", "DELETE", "CREATE", "DELETE", "ERROR", "CREATE"]);
    expect(result.rows[1].issues).toEqual([{ path: ["extension"], code: "extensionRepeated", params: { extension: "7001", row: 2 } }]);
    expect(result.rows[5].issues).toEqual([{ path: ["extension"], code: "extensionRepeated", params: { extension: "5002", row: 6 } }]);
  });

  it("refuses an extension of the numbering plan held by a person, a workspace, a virtual line or a hunt group, naming it", async () => {
    const locationId = await locationIdOf(server.db, "New York Office");
    const holders = await Promise.all([
      memberWithExtension(server.db, locationId, "1001"),
      memberWithExtension(server.db, locationId, "2001"),
      memberWithExtension(server.db, locationId, "3001"),
      huntGroupWithExtension(server.db, locationId, "4001").then((h) => ({ type: "HUNT_GROUP", display_name: h.name })),
    ]);
    const result = await preview(
      server.app,
      csvOf(["1001", "2001", "3001", "4001"].map((extension) => ({ location: "New York Office", name: "Taken", extension }))),
    );
    expect(result.rows.map((r) => r.issues)).toEqual(
      ["1001", "2001", "3001", "4001"].map((extension, i) => [
        { path: ["extension"], code: "extensionTaken", params: { extension, ownerName: holders[i].display_name, context: holders[i].type } },
      ]),
    );
  });

  it("refuses deleting what is not a call park extension of the location", async () => {
    const result = await preview(
      server.app,
      csvOf([
        { location: "London", name: "", extension: "7999", action: "DELETE" },
        { location: "London", name: "", extension: "1001", action: "DELETE" },
      ]),
    );
    expect(result.rows.map((r) => r.issues)).toEqual(
      ["7999", "1001"].map((extension) => [{ path: ["extension"], code: "callParkExtensionNotFound", params: { extension } }]),
    );
  });

  it("reports a row's own cell problems with the API's codes", async () => {
    const result = await preview(server.app, csvOf([{ location: "London", name: "x".repeat(31), extension: "70a" }]));
    expect(result.rows[0].outcome).toBe("ERROR");
    expect(result.rows[0].issues?.map((i) => i.code).sort()).toEqual(["extensionDigits", "tooLong"]);
  });

  it("agrees with the job the same file then runs, and a re-import of it changes nothing", async () => {
    const file = csvOf([
      ...addRows("São Paulo", 3, 7000),
      { location: "São Paulo", name: "Renamed", extension: "5001" },
      { location: "São Paulo", name: "", extension: "5002", action: "DELETE" },
      { location: "São Paulo", name: "Clash", extension: "1001" },
      { location: "Nowhere", name: "Lost", extension: "7001" },
    ]);
    const dry = await preview(server.app, file);
    const job = await runImport(server.app, file);
    expect(job.counts).toEqual({
      total: dry.counts.total,
      processed: dry.counts.total,
      created: dry.counts.create,
      updated: dry.counts.update,
      deleted: dry.counts.delete,
      unchanged: dry.counts.unchanged,
      failed: dry.counts.error,
    });
    await expectConsistent(server.db);
  });

  it("finds nothing to change when the same file is imported again, or an export of every call park extension", async () => {
    const file = csvOf([...addRows("São Paulo", 3, 7000), { location: "São Paulo", name: "Renamed", extension: "5001" }]);
    expect((await runImport(server.app, file)).counts).toMatchObject({ created: 3, updated: 1 });
    const before = await callParkState(server.db);
    const again = await runImport(server.app, file);
    expect(again.counts).toEqual({ total: 4, processed: 4, created: 0, updated: 0, deleted: 0, unchanged: 4, failed: 0 });
    expect(again.latestExecutionExitCode).toBe("COMPLETED");
    expect(await callParkState(server.db)).toEqual(before);
    const exported = csvOf(before.rows.map((r) => ({ location: r.location, name: r.name, extension: r.extension })));
    const dry = await preview(server.app, exported);
    expect(dry.counts).toEqual({ create: 0, update: 0, delete: 0, unchanged: before.rows.length, error: 0, total: before.rows.length });
  });
});

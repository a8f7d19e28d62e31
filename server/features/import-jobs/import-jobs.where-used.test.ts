import { describe, expect, it } from "vitest";
import { signIn } from "@server/test/sessions";
import { locationIdOf, useTestServer } from "@server/test/test-server";
import { createGroup, extensionIds } from "@server/features/call-parks/test-helpers";
import { csvOf, preview, runImport } from "./test-helpers";

// The preview's DELETE rows say which group parks on the call park extension they remove,
// and where in its hunting order, as the data stands before the import.
const server = useTestServer("each");

async function londonDesk() {
  const locationId = await locationIdOf(server.db, "London");
  const [e5001, e5002, e5003] = await extensionIds(server.db, locationId, ["5001", "5002", "5003"]);
  const id = await createGroup(server, locationId, { name: "Front desk", callParkExtensions: [e5003, e5002, e5001] });
  return { locationId, id };
}

describe("the preview's DELETE rows: where the call park extension is used", () => {
  it("names the group and the position of the extension in its hunting order; an unused one, none", async () => {
    const { id } = await londonDesk();
    const result = await preview(
      server.app,
      csvOf([
        { location: "London", name: "", extension: "5002", action: "DELETE" },
        { location: "London", name: "", extension: "5004", action: "DELETE" },
        { location: "London", name: "Renamed", extension: "5001" },
      ]),
    );
    expect(result.rows[0]).toMatchObject({ outcome: "DELETE", previousName: "Park 02", usedBy: { id, name: "Front desk", position: 2, of: 3 } });
    expect(result.rows[1].outcome).toBe("DELETE");
    expect(result.rows[1]).not.toHaveProperty("usedBy");
    // Only a DELETE says so: renaming keeps the extension in its group.
    expect(result.rows[2].outcome).toBe("UPDATE");
    expect(result.rows[2]).not.toHaveProperty("usedBy");
  });

  it("says nothing of an extension the file itself adds then deletes, and nothing for a row in error", async () => {
    await londonDesk();
    const result = await preview(
      server.app,
      csvOf([
        { location: "London", name: "", extension: "5003", action: "DELETE" },
        { location: "London", name: "New park", extension: "5003", action: "ADD" },
        { location: "London", name: "", extension: "5003", action: "DELETE" },
        { location: "London", name: "", extension: "7999", action: "DELETE" },
      ]),
    );
    expect(result.rows.map((r) => r.outcome)).toEqual(["DELETE", "CREATE", "DELETE", "ERROR"]);
    expect(result.rows[0].usedBy).toMatchObject({ name: "Front desk", position: 1, of: 3 });
    expect(result.rows.slice(1).map((r) => r.usedBy)).toEqual([undefined, undefined, undefined]);
  });

  it("keeps the job's own outcome unchanged: the rows are deleted and the group loses them", async () => {
    const { locationId } = await londonDesk();
    const job = await runImport(server.app, csvOf([{ location: "London", name: "", extension: "5002", action: "DELETE" }]));
    expect(job.counts).toMatchObject({ deleted: 1, failed: 0 });
    const left = await server.db.selectFrom("call_park_destinations").select("call_park_extension_id").execute();
    expect(left.map((d) => d.call_park_extension_id).sort()).toEqual((await extensionIds(server.db, locationId, ["5001", "5003"])).sort());
  });

  it("tells a location administrator about their locations' groups only", async () => {
    await londonDesk();
    const session = await signIn(server, "location");
    const saoPaulo = await locationIdOf(server.db, "São Paulo");
    const [mine] = await extensionIds(server.db, saoPaulo, ["5001"]);
    await createGroup(server, saoPaulo, { name: "Recepção", callParkExtensions: [mine] });
    const result = await preview(
      server.app,
      csvOf([
        { location: "São Paulo", name: "", extension: "5001", action: "DELETE" },
        { location: "London", name: "", extension: "5002", action: "DELETE" },
      ]),
      { headers: session.write },
    );
    expect(result.rows[0]).toMatchObject({ outcome: "DELETE", usedBy: { name: "Recepção", position: 1, of: 1 } });
    expect(result.rows[1]).toMatchObject({ outcome: "ERROR" });
    expect(result.rows[1]).not.toHaveProperty("usedBy");
  });
});

import { describe, expect, it } from "vitest";
import { CALL_PARK_CSV_HEADERS, checkCallParkCsvRow, parseCallParkCsv, toCallParkCsv } from "./call-park-csv";

const empty = { name: "Dock", location: "London", recallTo: "", huntGroup: "", members: "", membersAsDestinations: "", extensions: "", action: "" };
const codes = (values: Partial<typeof empty>) => checkCallParkCsvRow({ ...empty, ...values }).issues.map((i) => `${i.path.join(".")}:${i.code}`);

describe("the call park groups CSV", () => {
  it("writes the template's header, and reads back what it wrote, members and extensions in order", () => {
    const csv = toCallParkCsv([
      { name: "=Dock", location: "London", recallOption: "ALERT_HUNT_GROUP_ONLY", huntGroup: "Support", members: ["ana@acme.example", "Lobby"], parkOnAgentsEnabled: false, extensions: ["5003", "5001"] },
    ]);
    expect(csv.split("\r\n")[0]).toBe(Object.values(CALL_PARK_CSV_HEADERS).map((h) => `"${h}"`).join(","));
    expect(csv).toContain(`"'=Dock"`);
    const parsed = parseCallParkCsv(csv);
    expect(parsed.ok && parsed.rows[0].row).toEqual({
      name: "=Dock",
      location: "London",
      recallOption: "ALERT_HUNT_GROUP_ONLY",
      huntGroup: "Support",
      members: [{ text: "ana@acme.example", kind: "email" }, { text: "Lobby", kind: "name" }],
      parkOnAgentsEnabled: false,
      extensions: ["5003", "5001"],
      action: "ADD_OR_UPDATE",
    });
  });

  it("accepts Portuguese headers and semicolons, and needs only the name and location columns", () => {
    const parsed = parseCallParkCsv("Nome do grupo;Local;Membros;Ação\r\nDoca;São Paulo;Recepção | Linha Plantão;update\r\n");
    expect(parsed.ok && parsed.rows[0].row).toMatchObject({ name: "Doca", members: [{ text: "Recepção" }, { text: "Linha Plantão" }], action: "UPDATE", recallOption: "ALERT_PARKING_USER_ONLY" });
    expect(parseCallParkCsv("Local\r\nLondon\r\n")).toEqual({ ok: false, problem: { code: "csvMissingColumns", params: { columns: "Call Park Name" } } });
  });

  it("refuses, all at once, what a row's cells cannot be", () => {
    expect(codes({ action: "MOVE", recallTo: "SOMEONE", membersAsDestinations: "maybe" })).toEqual([
      "action:invalidGroupAction",
      "recallTo:invalidRecallOption",
      "membersAsDestinations:invalidFlag",
    ]);
    expect(codes({ recallTo: "alert_hunt_group_only" })).toEqual(["huntGroup:huntGroupRequired"]);
    expect(codes({ members: "a@x.io|Lobby|A@X.io", extensions: "5001|5001|12a" })).toEqual([
      "members.2:listRepeated",
      "extensions.1:listRepeated",
      "extensions.2:extensionDigits",
    ]);
    expect(codes({ membersAsDestinations: "sim", extensions: "5001" })).toEqual(["membersAsDestinations:parkOnAgentsWithDestinations"]);
    expect(codes({ name: "", location: "" })).toEqual(["name:required", "location:required"]);
  });

  it("reads a DELETE row by its name and location only", () => {
    expect(checkCallParkCsvRow({ ...empty, action: "delete", recallTo: "nonsense", members: "x|x" })).toMatchObject({ row: { action: "DELETE" }, issues: [] });
  });
});

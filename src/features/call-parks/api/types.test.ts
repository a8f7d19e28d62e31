import { describe, expect, it } from "vitest";
import { callParkAgent, parkDestination } from "@/test/fixtures";
import { type CallParkDraft, toRequestBody, updateBody } from "./types";

const ANA = callParkAgent("U1", "Ana Souza", { extension: "1001" });
const BRUNO = callParkAgent("U2", "Bruno Lima", { extension: "1002" });
const LOBBY = callParkAgent("W1", "Lobby phone", { type: "PLACE", extension: "2001" });
const RECEPTION = parkDestination("CPE1", "Reception park", "5001");
const DOCK = parkDestination("CPE2", "Loading dock", "5002");
const ANNEX = parkDestination("CPE3", "Annex", "5003");

function draft(overrides: Partial<CallParkDraft> = {}): CallParkDraft {
  return {
    name: "Front desk",
    agents: [],
    parkOnAgentsEnabled: false,
    callParkExtensions: [],
    recall: { option: "ALERT_PARKING_USER_ONLY" },
    ...overrides,
  };
}

describe("toRequestBody", () => {
  it("sends members and destinations as IDs, in the order chosen", () => {
    const body = toRequestBody(draft({ agents: [BRUNO, LOBBY, ANA], callParkExtensions: [DOCK, ANNEX, RECEPTION] }));
    expect(body).toStrictEqual({
      name: "Front desk",
      agents: ["U2", "W1", "U1"],
      parkOnAgentsEnabled: false,
      callParkExtensions: ["CPE2", "CPE3", "CPE1"],
      recall: { option: "ALERT_PARKING_USER_ONLY" },
    });
  });

  it("sends no call park extensions when the members are the park destinations", () => {
    const body = toRequestBody(draft({ agents: [ANA], parkOnAgentsEnabled: true, callParkExtensions: [RECEPTION, DOCK] }));
    expect(body.parkOnAgentsEnabled).toBe(true);
    expect(body.callParkExtensions).toEqual([]);
    expect(body.agents).toEqual(["U1"]);
  });

  it("drops the hunt group when the recall only alerts the parking user", () => {
    const body = toRequestBody(draft({ recall: { option: "ALERT_PARKING_USER_ONLY", huntGroupId: "HG1" } }));
    expect(body.recall).toStrictEqual({ option: "ALERT_PARKING_USER_ONLY" });
    expect(body.recall).not.toHaveProperty("huntGroupId");
  });

  it.each(["ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP", "ALERT_HUNT_GROUP_ONLY"] as const)(
    "keeps the hunt group for %s",
    (option) => {
      const body = toRequestBody(draft({ recall: { option, huntGroupId: "HG1" } }));
      expect(body.recall).toStrictEqual({ option, huntGroupId: "HG1" });
    },
  );

  it("trims the name", () => {
    expect(toRequestBody(draft({ name: "   Front desk \t " })).name).toBe("Front desk");
  });
});

describe("updateBody: only what the administrator changed from the version opened", () => {
  const opened = draft({ agents: [ANA], callParkExtensions: [RECEPTION, DOCK] });

  it("sends nothing when nothing changed, whatever spaces the name gained", () => {
    expect(updateBody(draft({ ...opened, name: " Front desk " }), opened)).toStrictEqual({});
  });

  it("sends only the changed parts: a new name, a reordered list, a recall with its hunt group", () => {
    expect(updateBody({ ...opened, name: "Reception" }, opened)).toStrictEqual({ name: "Reception" });
    expect(updateBody({ ...opened, callParkExtensions: [DOCK, RECEPTION] }, opened)).toStrictEqual({ callParkExtensions: ["CPE2", "CPE1"] });
    expect(updateBody({ ...opened, agents: [ANA, BRUNO] }, opened)).toStrictEqual({ agents: ["U1", "U2"] });
    expect(updateBody({ ...opened, recall: { option: "ALERT_HUNT_GROUP_ONLY", huntGroupId: "HG1" } }, opened)).toStrictEqual({
      recall: { option: "ALERT_HUNT_GROUP_ONLY", huntGroupId: "HG1" },
    });
  });

  it("sends no call park extensions with members as destinations, even when the group opened had none", () => {
    expect(updateBody({ ...opened, parkOnAgentsEnabled: true }, opened)).toStrictEqual({
      parkOnAgentsEnabled: true,
      callParkExtensions: [],
    });
    // Someone may have listed some meanwhile: the server refuses both kinds at once unless the list is emptied too.
    const none = draft({ agents: [ANA] });
    expect(updateBody({ ...none, parkOnAgentsEnabled: true }, none)).toStrictEqual({ parkOnAgentsEnabled: true, callParkExtensions: [] });
  });

  it("sends the chosen call park extensions when members stop being the destinations", () => {
    const onMembers = draft({ agents: [ANA], parkOnAgentsEnabled: true });
    expect(updateBody({ ...onMembers, parkOnAgentsEnabled: false, callParkExtensions: [DOCK] }, onMembers)).toStrictEqual({
      parkOnAgentsEnabled: false,
      callParkExtensions: ["CPE2"],
    });
    expect(updateBody({ ...onMembers, parkOnAgentsEnabled: false }, onMembers)).toStrictEqual({
      parkOnAgentsEnabled: false,
      callParkExtensions: [],
    });
  });
});

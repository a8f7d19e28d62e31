import { describe, expect, it } from "vitest";
import type { SimulationDestination, SimulationParticipant } from "@domain/schemas/simulation";
import { ANSWER, checkSteps, newRow, previewScript, stepsOf } from "./script-model";

describe("the script's rows as the request's steps", () => {
  it("sends #58 as it is, *68 and *88 with their extension, and an answer naming its call", () => {
    const rows = [
      newRow({ at: "0", by: "p1" }),
      newRow({ at: "5", by: "p2", code: "*68", extension: "5002" }),
      newRow({ at: "9", by: "p3", code: "*88", extension: "5002" }),
      newRow({ at: "50", by: "p1", code: ANSWER, call: "1" }),
    ];
    expect(stepsOf(rows)).toEqual([
      { at: 0, by: "p1", dial: "#58" },
      { at: 5, by: "p2", dial: "*685002" },
      { at: 9, by: "p3", dial: "*885002" },
      { at: 50, by: "p1", answer: "call-1" },
    ]);
    expect(checkSteps(stepsOf(rows))).toEqual([]);
  });

  it("marks an answer without a call number on its row", () => {
    const issues = checkSteps(stepsOf([newRow({ by: "p1", code: ANSWER, call: "" }), newRow({ by: "", code: ANSWER, call: "2" })]));
    expect(issues.map((issue) => issue.path)).toEqual([
      ["steps", 0, "answer"],
      ["steps", 1, "by"],
    ]);
  });
});

describe("the script a form's preview plays", () => {
  const person = (id: string, extension: string | null, callParkId: string | null = null, type: SimulationParticipant["type"] = "PEOPLE") =>
    ({ id, name: id, type, extension, callParkId }) satisfies SimulationParticipant;
  const ana = person("ana", "1001", "G1");
  const bruno = person("bruno", "1002", "G1");
  const carla = person("carla", "1003", "G1");
  const davi = person("davi", "1004", "G1");
  const lobby = person("lobby", "2001", null, "PLACE");
  const hunt = person("hunt", "3001", null, "HUNT_GROUP");
  const cpe: SimulationDestination = { extension: "5001", kind: "CALL_PARK_EXTENSION", id: "C1", name: "Reception" };
  const own = (p: SimulationParticipant): SimulationDestination => ({ extension: p.extension!, kind: "MEMBER", id: p.id, name: p.name });
  const timers = { recallTime: 45, huntWaitTime: 30 };

  it("parks one person's call with *68 on the first call park extension, long enough for two recalls and the wait", () => {
    const script = previewScript({ participants: [hunt, lobby, ana], destinations: [own(lobby), cpe] }, { kind: "direct" }, timers);
    expect(script).toEqual({ steps: [{ at: 0, by: "ana", dial: "*685001" }], until: 120, parkers: [ana], extension: "5001" });
  });

  it("parks on someone else's extension when there is no call park extension, and never past an hour", () => {
    const script = previewScript({ participants: [ana, bruno], destinations: [own(ana), own(bruno)] }, { kind: "direct" }, { recallTime: 600, huntWaitTime: 600 });
    expect(script?.steps).toEqual([{ at: 0, by: "ana", dial: "*681002" }]);
    expect(script?.until).toBe(1800);
    expect(previewScript({ participants: [ana], destinations: [cpe] }, { kind: "direct" }, { recallTime: 3000, huntWaitTime: 1000 })?.until).toBe(3600);
  });

  it("has the group's first three members dial #58 at once, in the form's order", () => {
    const cast = { participants: [ana, bruno, carla, davi, lobby], destinations: [cpe] };
    const script = previewScript(cast, { kind: "group", memberIds: ["davi", "ana", "lobby", "bruno"] }, timers);
    expect(script?.steps).toEqual([
      { at: 0, by: "davi", dial: "#58" },
      { at: 0, by: "ana", dial: "#58" },
      { at: 0, by: "lobby", dial: "#58" },
    ]);
  });

  it("plays nothing when nobody could park", () => {
    expect(previewScript({ participants: [hunt], destinations: [cpe] }, { kind: "direct" }, timers)).toBeNull();
    expect(previewScript({ participants: [ana], destinations: [own(ana)] }, { kind: "direct" }, timers)).toBeNull();
    expect(previewScript({ participants: [ana], destinations: [cpe] }, { kind: "group", memberIds: [] }, timers)).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import type { SimulationDestination, SimulationEvent } from "@domain/schemas/simulation";
import { boardState, callNumber, nextRecall } from "./board-state";

const destinations: SimulationDestination[] = [
  { extension: "5001", kind: "CALL_PARK_EXTENSION", id: "cpe-1", name: "Park 1" },
  { extension: "5002", kind: "CALL_PARK_EXTENSION", id: "cpe-2", name: "Park 2" },
  { extension: "1001", kind: "MEMBER", id: "ana", name: "Ana Souza" },
];

const ev = (at: number, kind: SimulationEvent["kind"], callId: string | null, extension: string | null, by: string | null = "ana"): SimulationEvent => ({
  at, kind, callId, extension, by, alerted: [], ringPattern: null, reason: null,
});

const held = (events: SimulationEvent[]) => boardState(destinations, events, 45).map((s) => [s.destination.extension, s.held]);

describe("boardState", () => {
  it("shows every destination free before anything happens", () => {
    expect(held([])).toEqual([["5001", null], ["5002", null], ["1001", null]]);
  });

  it("holds a parked call with who parked it, since when and its first recall (parked + Recall Timer)", () => {
    const state = held([ev(3, "PARKED", "call-1", "5002", "ana"), ev(3, "ANNOUNCED", "call-1", "5002")]);
    expect(state).toEqual([
      ["5001", null],
      ["5002", { callId: "call-1", parker: "ana", since: 3, recallAt: 48, ringingSince: null }],
      ["1001", null],
    ]);
  });

  it("keeps a recalled call on its extension, ringing the parker from the last recall", () => {
    const state = held([ev(0, "PARKED", "call-1", "5001"), ev(45, "RECALLED_TO_PARKER", "call-1", "5001"), ev(90, "RECALLED_TO_PARKER", "call-1", "5001")]);
    expect(state[0][1]).toMatchObject({ callId: "call-1", since: 0, ringingSince: 90 });
  });

  it("frees the slot on a retrieve, an answer or a hunt group alert", () => {
    const parked = [ev(0, "PARKED", "call-1", "5001"), ev(0, "PARKED", "call-2", "5002", "bia"), ev(1, "PARKED", "call-3", "1001")];
    expect(held([...parked, ev(5, "RETRIEVED", "call-1", "5001", "caio")])[0][1]).toBeNull();
    expect(held([...parked, ev(45, "ALERTED_HUNT_GROUP", "call-2", "5002")])[1][1]).toBeNull();
    expect(held([...parked, ev(46, "RECALLED_TO_PARKER", "call-3", "1001"), ev(50, "ANSWERED", "call-3", "1001")])[2][1]).toBeNull();
    // The others stay held.
    expect(held([...parked, ev(5, "RETRIEVED", "call-1", "5001")]).filter(([, h]) => h).map(([x]) => x)).toEqual(["5002", "1001"]);
  });

  it("ignores failures and events about another call than the one held", () => {
    const parked = [ev(0, "PARKED", "call-1", "5001")];
    const state = held([
      ...parked,
      ev(1, "PARK_FAILED", "call-2", "5001", "bia"),
      ev(2, "RETRIEVE_FAILED", null, "5002"),
      ev(3, "ANSWER_FAILED", "call-9", "5001"),
      ev(4, "RETRIEVED", "call-9", "5001"),
    ]);
    expect(state[0][1]).toMatchObject({ callId: "call-1" });
    expect(state[1][1]).toBeNull();
  });

  it("a freed destination can hold the next call", () => {
    const state = held([ev(0, "PARKED", "call-1", "5001"), ev(2, "RETRIEVED", "call-1", "5001"), ev(4, "PARKED", "call-2", "5001", "bia")]);
    expect(state[0][1]).toEqual({ callId: "call-2", parker: "bia", since: 4, recallAt: 49, ringingSince: null });
  });

  it("numbers calls as the screens do", () => {
    expect(callNumber("call-12")).toBe("12");
  });
});

describe("nextRecall", () => {
  const timeline = [
    ev(0, "PARKED", "call-1", "5001"),
    ev(0, "PARKED", "call-2", "5002", "bia"),
    ev(45, "RECALLED_TO_PARKER", "call-1", "5001"),
    ev(45, "RECALLED_TO_PARKER", "call-2", "5002", "bia"),
    ev(75, "ALERTED_HUNT_GROUP", "call-2", "5002", "bia"),
    ev(90, "RECALLED_TO_PARKER", "call-1", "5001"),
  ];

  it("looks ahead to the call's own next recall: the parker again, or the hunt group", () => {
    expect(nextRecall(timeline, "call-1", 0)).toEqual({ at: 45, to: "PARKER" });
    expect(nextRecall(timeline, "call-1", 45)).toEqual({ at: 90, to: "PARKER" });
    expect(nextRecall(timeline, "call-2", 45)).toEqual({ at: 75, to: "HUNT_GROUP" });
  });

  it("is null once nothing more happens to the call before the end", () => {
    expect(nextRecall(timeline, "call-1", 90)).toBeNull();
    expect(nextRecall(timeline, "call-2", 75)).toBeNull();
    expect(nextRecall([], "call-1", 0)).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { huntingPlaces, namesToShow } from "./where-used";

describe("huntingPlaces", () => {
  it("counts each extension's place in its group's hunting order, from 1, of the group's destinations", () => {
    const places = huntingPlaces([
      { callParkId: "G1", callParkExtensionId: "E3", position: 2 },
      { callParkId: "G1", callParkExtensionId: "E1", position: 0 },
      { callParkId: "G2", callParkExtensionId: "E9", position: 0 },
      { callParkId: "G1", callParkExtensionId: "E2", position: 1 },
    ]);
    expect(places.get("E1")).toEqual({ callParkId: "G1", position: 1, of: 3 });
    expect(places.get("E2")).toEqual({ callParkId: "G1", position: 2, of: 3 });
    expect(places.get("E3")).toEqual({ callParkId: "G1", position: 3, of: 3 });
    expect(places.get("E9")).toEqual({ callParkId: "G2", position: 1, of: 1 });
    expect(places.has("E4")).toBe(false);
  });

  it("counts positions rather than reading them: gaps in the stored order never show", () => {
    const places = huntingPlaces([
      { callParkId: "G1", callParkExtensionId: "E1", position: 5 },
      { callParkId: "G1", callParkExtensionId: "E2", position: 40 },
    ]);
    expect(places.get("E2")).toEqual({ callParkId: "G1", position: 2, of: 2 });
  });
});

describe("namesToShow", () => {
  const names = (n: number) => Array.from({ length: n }, (_, i) => `M${i + 1}`);

  it("shows every name up to the limit", () => {
    expect(namesToShow(names(10))).toEqual({ shown: names(10), more: 0 });
    expect(namesToShow([])).toEqual({ shown: [], more: 0 });
  });

  it("past the limit, shows one fewer and counts the rest, never 'and 1 more'", () => {
    expect(namesToShow(names(11))).toEqual({ shown: names(9), more: 2 });
    expect(namesToShow(names(36)).more).toBe(27);
    expect(namesToShow(names(4), 3)).toEqual({ shown: ["M1", "M2"], more: 2 });
  });
});

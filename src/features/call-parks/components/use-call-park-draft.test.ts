import { beforeEach, describe, expect, it } from "vitest";
import { emptyDraft, loadDraft } from "./use-call-park-draft";

const KEY = "callParkAdmin.groupDraft.L1";

beforeEach(() => sessionStorage.clear());

describe("loadDraft", () => {
  it("reads back the location's saved draft, keeping its own location", () => {
    const saved = { ...emptyDraft("L9"), name: "  Front desk", parkOnAgentsEnabled: true };
    sessionStorage.setItem(KEY, JSON.stringify(saved));
    expect(loadDraft("L1")).toEqual({ ...saved, locationId: "L1" });
    expect(loadDraft("L2")).toEqual(emptyDraft("L2"));
  });

  it("keeps only the form's own fields, each of its own kind, so an old draft cannot break the form", () => {
    sessionStorage.setItem(KEY, JSON.stringify({ name: 42, agents: "U1", colour: "red", parkOnAgentsEnabled: true }));
    expect(loadDraft("L1")).toEqual({ ...emptyDraft("L1"), parkOnAgentsEnabled: true });
  });

  it("starts empty when the saved draft cannot be read", () => {
    sessionStorage.setItem(KEY, "{not json");
    expect(loadDraft("L1")).toEqual(emptyDraft("L1"));
    sessionStorage.setItem(KEY, "null");
    expect(loadDraft("L1")).toEqual(emptyDraft("L1"));
  });
});

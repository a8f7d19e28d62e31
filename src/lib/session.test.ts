import { describe, expect, it } from "vitest";
import { abilityOf, safeNext, signInUrl } from "./session";

const me = (role: "FULL_ADMIN" | "READ_ONLY_ADMIN" | "LOCATION_ADMIN", locationIds: string[] = []) => ({
  id: "P1",
  emails: ["a@example.com"],
  displayName: "A",
  role,
  locationIds,
});

describe("session helpers", () => {
  it("answers what each role may do, and nothing before the session is known", () => {
    expect(abilityOf(undefined).canWrite()).toBe(false);
    expect(abilityOf(me("FULL_ADMIN")).canWrite("L9")).toBe(true);
    expect(abilityOf(me("READ_ONLY_ADMIN")).canWrite()).toBe(false);
    expect(abilityOf(me("READ_ONLY_ADMIN")).canImport).toBe(false);
    expect(abilityOf(me("LOCATION_ADMIN", ["L1"])).canWrite("L1")).toBe(true);
    expect(abilityOf(me("LOCATION_ADMIN", ["L1"])).canWrite("L2")).toBe(false);
  });

  it("only ever sends the user back to a path of this app", () => {
    expect(safeNext("/tasks?x=1")).toBe("/tasks?x=1");
    expect(safeNext("//evil.example/")).toBe("/");
    expect(safeNext("/\\evil.example")).toBe("/");
    expect(safeNext("https://evil.example/")).toBe("/");
    expect(safeNext(null)).toBe("/");
    expect(signInUrl("/tasks")).toBe("/sign-in?next=%2Ftasks");
    expect(signInUrl("/")).toBe("/sign-in");
  });
});

import { describe, expect, it } from "vitest";
import { canImport, canSeeLocation, canWrite, locationScope } from "./access";

const full = { role: "FULL_ADMIN" as const, locationIds: [] };
const readOnly = { role: "READ_ONLY_ADMIN" as const, locationIds: [] };
const local = { role: "LOCATION_ADMIN" as const, locationIds: ["sp"] };

describe("administrator access", () => {
  it("lets a full administrator read and write everywhere", () => {
    expect(locationScope(full)).toEqual({ all: true });
    expect(canSeeLocation(full, "london")).toBe(true);
    expect(canWrite(full)).toBe(true);
    expect(canWrite(full, "london")).toBe(true);
    expect(canImport(full)).toBe(true);
  });

  it("lets a read-only administrator see everything and change nothing", () => {
    expect(canSeeLocation(readOnly, "london")).toBe(true);
    expect(canWrite(readOnly)).toBe(false);
    expect(canWrite(readOnly, "london")).toBe(false);
    expect(canImport(readOnly)).toBe(false);
  });

  it("keeps a location administrator to their own locations", () => {
    expect(locationScope(local)).toEqual({ all: false, locationIds: ["sp"] });
    expect(canSeeLocation(local, "sp")).toBe(true);
    expect(canSeeLocation(local, "london")).toBe(false);
    expect(canWrite(local, "sp")).toBe(true);
    expect(canWrite(local, "london")).toBe(false);
    expect(canImport(local)).toBe(true);
  });
});

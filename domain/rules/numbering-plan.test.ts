import { describe, expect, it } from "vitest";
import { callParkExtensionRoom, MAX_CALL_PARK_EXTENSIONS_PER_LOCATION } from "./limits";
import { classifyExtensions, esn, isValidExtension, type NumberOwner } from "./numbering-plan";

const alex: NumberOwner = { type: "PEOPLE", id: "person-1", name: "Alex Smith" };
const support: NumberOwner = { type: "HUNT_GROUP", id: "hunt-1", name: "Support" };
const taken = new Map<string, NumberOwner>([
  ["1001", alex],
  ["4001", support],
]);

describe("isValidExtension", () => {
  it.each(["10", "5001", "0000", "1234567890"])("accepts %s", (extension) => {
    expect(isValidExtension(extension)).toBe(true);
  });

  it.each([
    ["one digit", "1"],
    ["eleven digits", "12345678901"],
    ["empty", ""],
    ["a letter", "50a1"],
    ["a sign", "+5001"],
    ["a space", "50 01"],
    ["Arabic-Indic digits", "٥٠٠١"],
    ["full-width digits", "５００１"],
    ["keycap emoji", "1️⃣2️⃣"],
  ])("refuses %s", (_label, extension) => {
    expect(isValidExtension(extension)).toBe(false);
  });
});

describe("esn", () => {
  it("joins the routing prefix and the extension", () => {
    expect(esn("8001", "5001")).toBe("80015001");
  });

  it("is absent when the location has no routing prefix", () => {
    expect(esn(null, "5001")).toBeUndefined();
    expect(esn(undefined, "5001")).toBeUndefined();
    expect(esn("", "5001")).toBeUndefined();
  });
});

describe("classifyExtensions", () => {
  it("marks a free, well-formed extension VALID", () => {
    expect(classifyExtensions(["7001"], taken)).toEqual([{ extension: "7001", state: "VALID" }]);
  });

  it("marks a taken extension DUPLICATE and names its owner", () => {
    expect(classifyExtensions(["1001", "4001"], taken)).toEqual([
      { extension: "1001", state: "DUPLICATE", owner: alex },
      { extension: "4001", state: "DUPLICATE", owner: support },
    ]);
  });

  it("keeps the first occurrence of a repeat VALID and marks the later ones DUPLICATE_IN_LIST", () => {
    expect(classifyExtensions(["7001", "7002", "7001", "7001"], taken)).toEqual([
      { extension: "7001", state: "VALID" },
      { extension: "7002", state: "VALID" },
      { extension: "7001", state: "DUPLICATE_IN_LIST" },
      { extension: "7001", state: "DUPLICATE_IN_LIST" },
    ]);
  });

  it("reports a repeated taken extension as DUPLICATE each time, since taken wins over repeated", () => {
    const states = classifyExtensions(["1001", "1001"], taken).map((c) => c.state);
    expect(states).toEqual(["DUPLICATE", "DUPLICATE"]);
  });

  it("marks malformed extensions INVALID before looking them up", () => {
    const withMalformedOwner = new Map(taken).set("1", alex);
    expect(classifyExtensions(["1", "abc", "١٢٣", "12345678901"], withMalformedOwner)).toEqual([
      { extension: "1", state: "INVALID" },
      { extension: "abc", state: "INVALID" },
      { extension: "١٢٣", state: "INVALID" },
      { extension: "12345678901", state: "INVALID" },
    ]);
  });

  it("does not count an INVALID entry as the first occurrence of a repeat", () => {
    expect(classifyExtensions(["x1", "x1"], taken).map((c) => c.state)).toEqual(["INVALID", "INVALID"]);
  });

  it("answers in the order asked, one entry per candidate", () => {
    const result = classifyExtensions(["9", "1001", "7001", "7001"], taken);
    expect(result.map((c) => `${c.extension}:${c.state}`)).toEqual([
      "9:INVALID",
      "1001:DUPLICATE",
      "7001:VALID",
      "7001:DUPLICATE_IN_LIST",
    ]);
  });

  it("gives an empty answer to an empty list", () => {
    expect(classifyExtensions([], taken)).toEqual([]);
  });
});

describe("callParkExtensionRoom", () => {
  it("is what is left under the cap of 100, never negative", () => {
    expect(MAX_CALL_PARK_EXTENSIONS_PER_LOCATION).toBe(100);
    expect(callParkExtensionRoom(0)).toBe(100);
    expect(callParkExtensionRoom(94)).toBe(6);
    expect(callParkExtensionRoom(100)).toBe(0);
    expect(callParkExtensionRoom(120)).toBe(0);
  });
});

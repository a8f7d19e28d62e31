import { describe, expect, it } from "vitest";
import { callParkExtensionRoom, MAX_CALL_PARK_EXTENSIONS_PER_LOCATION } from "./limits";
import { classifyExtensions, esn, extensionsNear, isValidExtension, type NumberOwner, takeBatch } from "./numbering-plan";

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

describe("extensionsNear", () => {
  const first = (near: string, n: number) => takeBatch(extensionsNear(near), n);

  it("goes outwards from near, the lower of a tie first, never near itself", () => {
    expect(first("1002", 6)).toEqual(["1001", "1003", "1000", "1004", "1005", "1006"]);
    expect(first("5003", 4)).toEqual(["5002", "5004", "5001", "5005"]);
  });

  it("keeps the length of near: past the range's end, only the other side", () => {
    // 1000 is the lowest four-digit number not starting with 0: 0999 is never offered.
    expect(first("1001", 4)).toEqual(["1000", "1002", "1003", "1004"]);
    expect(first("9998", 4)).toEqual(["9997", "9999", "9996", "9995"]);
    expect(first("10", 3)).toEqual(["11", "12", "13"]);
    expect(first("99", 3)).toEqual(["98", "97", "96"]);
  });

  it("offers numbers starting with 0 only when near starts with 0, padded to its length", () => {
    expect(first("0100", 4)).toEqual(["0099", "0101", "0098", "0102"]);
    expect(first("01", 3)).toEqual(["00", "02", "03"]);
  });

  it("ends with the range: every other number of that length, once each", () => {
    const all = [...extensionsNear("42")];
    expect(all).toHaveLength(89);
    expect(new Set(all).size).toBe(89);
    expect(all).not.toContain("42");
    expect(all.every((e) => e.length === 2 && !e.startsWith("0"))).toBe(true);
    expect([...extensionsNear("07")]).toHaveLength(99);
  });

  it("orders by distance whatever the length, up to ten digits", () => {
    expect(first("9999999999", 3)).toEqual(["9999999998", "9999999997", "9999999996"]);
    expect(first("1000000000", 3)).toEqual(["1000000001", "1000000002", "1000000003"]);
    const near = 5_000_000_000;
    const distances = first(String(near), 1000).map((e) => Math.abs(Number(e) - near));
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });

  it("yields nothing for what is not an extension", () => {
    expect(first("1", 3)).toEqual([]);
    expect(first("12a", 3)).toEqual([]);
    expect(first("12345678901", 3)).toEqual([]);
  });
});

describe("takeBatch", () => {
  it("takes up to size values, then what is left, then none", () => {
    const it = extensionsNear("11");
    expect(takeBatch(it, 80)).toHaveLength(80);
    expect(takeBatch(it, 80)).toHaveLength(9);
    expect(takeBatch(it, 80)).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { extensionRangeFormSchema, rangeFormRows } from "@domain/schemas/extension-range";
import { toFieldIssues } from "@domain/schemas/issues";
import { namesEachApart, rangeCount, rangeExtensions, rangeName, rangeRows } from "./extension-range";

describe("a range of call park extensions", () => {
  it("counts from the first, keeping its length and leading zeros, never past the last number of that length", () => {
    expect(rangeExtensions("8001", 3)).toEqual(["8001", "8002", "8003"]);
    expect(rangeExtensions("0098", 4)).toEqual(["0098", "0099", "0100", "0101"]);
    expect(rangeExtensions("97", 5)).toEqual(["97", "98", "99"]);
    expect(rangeExtensions("1234567890", 2)).toEqual(["1234567890", "1234567891"]);
    expect(rangeCount("8001", "8010")).toBe(10);
    expect(rangeCount("8010", "8001")).toBe(0);
  });

  it("names each from the pattern: {n} its position, {ext} its extension, every time they appear", () => {
    expect(rangeName("Park {n}", 3, "8003")).toBe("Park 3");
    expect(rangeName("Estacionamento {ext} ({n}/{n})", 2, "0101")).toBe("Estacionamento 0101 (2/2)");
    expect(namesEachApart("Park")).toBe(false);
    expect(rangeRows({ first: "8009", count: 2, pattern: "Park {n} · {ext}" })).toEqual([
      { extension: "8009", name: "Park 1 · 8009" },
      { extension: "8010", name: "Park 2 · 8010" },
    ]);
  });
});

describe("the range builder's form", () => {
  const form = (values: Partial<Record<string, string>>) =>
    extensionRangeFormSchema.safeParse({ locationId: "L1", first: "8001", end: "last", last: "8010", count: "", pattern: "Park {n}", ...values });
  const issues = (values: Partial<Record<string, string>>) => {
    const result = form(values);
    return result.success ? [] : toFieldIssues(result.error).map((i) => [i.path.join("."), i.code, i.params ?? null]);
  };

  it("takes a first and last extension, or a first extension and a count", () => {
    const byLast = form({});
    expect(byLast.success && rangeFormRows(byLast.data).rows).toHaveLength(10);
    const byCount = form({ end: "count", last: "", count: "3" });
    expect(byCount.success && rangeFormRows(byCount.data)).toEqual({
      rows: [
        { extension: "8001", name: "Park 1" },
        { extension: "8002", name: "Park 2" },
        { extension: "8003", name: "Park 3" },
      ],
      nameIssue: undefined,
    });
  });

  it("refuses a last extension of another length, before the first, or past the 100 a location holds", () => {
    expect(issues({ last: "801" })).toEqual([["last", "rangeSameLength", null]]);
    expect(issues({ last: "7999" })).toEqual([["last", "rangeOrder", null]]);
    expect(issues({ last: "8101" })).toEqual([["last", "tooBig", { max: 100 }]]);
    expect(issues({ last: "80a1" })).toEqual([["last", "extensionDigits", null]]);
    expect(issues({ last: "8100" })).toEqual([]);
  });

  it("refuses a count that is missing, not whole, under 1 or over 100, and a first extension that is not one", () => {
    expect(issues({ end: "count", count: "" })).toEqual([["count", "required", null]]);
    expect(issues({ end: "count", count: "2.5" })).toEqual([["count", "notInteger", null]]);
    expect(issues({ end: "count", count: "0" })).toEqual([["count", "tooSmall", { min: 1 }]]);
    expect(issues({ end: "count", count: "101" })).toEqual([["count", "tooBig", { max: 100 }]]);
    expect(issues({ first: "1", end: "count", count: "2" })).toEqual([["first", "extensionLength", { min: 2, max: 10 }]]);
  });

  it("asks for a location, and a pattern that names each extension apart", () => {
    expect(issues({ locationId: " " }).map(([path, code]) => [path, code])).toEqual([["locationId", "locationRequired"]]);
    expect(issues({ pattern: "Park" })).toEqual([["pattern", "rangePattern", null]]);
    expect(issues({ pattern: "" }).map(([path, code]) => [path, code])).toEqual([["pattern", "required"]]);
  });

  it("says when the pattern makes a name a call park extension may not have", () => {
    const long = form({ pattern: `${"x".repeat(80)} {n}` });
    expect(long.success && rangeFormRows(long.data).nameIssue).toBe("tooLong");
  });
});

import { describe, expect, it } from "vitest";
import { MAX_CSV_ROWS } from "@domain/csv/csv-file";
import { SUGGEST_EXCLUDE_MAX, suggestExtensionsInputSchema } from "./extension-suggestions";
import { toFieldIssues } from "./issues";

function issuesOf(input: unknown) {
  const result = suggestExtensionsInputSchema.safeParse(input);
  return result.success ? [] : toFieldIssues(result.error, input);
}

describe("suggestExtensionsInputSchema", () => {
  it("asks for 3 when count is absent, and trims near", () => {
    expect(suggestExtensionsInputSchema.parse({ near: " 1002 " })).toEqual({ near: "1002", count: 3, exclude: [] });
  });

  it("takes a count of 1 to 10", () => {
    expect(suggestExtensionsInputSchema.parse({ near: "1002", count: 1 }).count).toBe(1);
    expect(suggestExtensionsInputSchema.parse({ near: "1002", count: 10 }).count).toBe(10);
    expect(issuesOf({ near: "1002", count: 11 })).toEqual([{ path: ["count"], code: "tooBig", params: { max: 10 } }]);
    expect(issuesOf({ near: "1002", count: 0 })).toEqual([{ path: ["count"], code: "tooSmall", params: { min: 1 } }]);
  });

  it("wants near to be an extension, as the numbering plan's rules say", () => {
    expect(issuesOf({ near: "1" })).toEqual([{ path: ["near"], code: "extensionLength", params: { min: 2, max: 10 } }]);
    expect(issuesOf({ near: "10a2" })).toEqual([{ path: ["near"], code: "extensionDigits" }]);
    expect(issuesOf({})).toEqual([{ path: ["near"], code: "required" }]);
  });

  it("takes extensions to exclude, trimmed, up to as many as a bulk import file has rows", () => {
    expect(SUGGEST_EXCLUDE_MAX).toBe(MAX_CSV_ROWS);
    expect(suggestExtensionsInputSchema.parse({ near: "1002", exclude: [" 1003 ", "0100"] }).exclude).toEqual(["1003", "0100"]);
    expect(suggestExtensionsInputSchema.parse({ near: "1002", exclude: [] }).exclude).toEqual([]);
    const many = Array.from({ length: SUGGEST_EXCLUDE_MAX }, (_, i) => String(10_000 + i));
    expect(suggestExtensionsInputSchema.parse({ near: "1002", exclude: many }).exclude).toHaveLength(SUGGEST_EXCLUDE_MAX);
    expect(issuesOf({ near: "1002", exclude: [...many, "20000"] })).toEqual([{ path: ["exclude"], code: "tooBig", params: { max: 1000 } }]);
  });

  it("wants each extension to exclude to be an extension, said on its place in the list", () => {
    expect(issuesOf({ near: "1002", exclude: ["1003", "10a4"] })).toEqual([{ path: ["exclude", 1], code: "extensionDigits" }]);
    expect(issuesOf({ near: "1002", exclude: ["1"] })).toEqual([{ path: ["exclude", 0], code: "extensionLength", params: { min: 2, max: 10 } }]);
    expect(issuesOf({ near: "1002", exclude: [""] })).toEqual([{ path: ["exclude", 0], code: "required" }]);
    expect(issuesOf({ near: "1002", exclude: [1003] })).toEqual([expect.objectContaining({ path: ["exclude", 0], code: "invalidType" })]);
    expect(issuesOf({ near: "1002", exclude: "1003" })).toEqual([expect.objectContaining({ path: ["exclude"], code: "invalidType" })]);
    expect(issuesOf({ near: "1002", exclude: null })).toEqual([expect.objectContaining({ path: ["exclude"], code: "invalidType" })]);
  });
});

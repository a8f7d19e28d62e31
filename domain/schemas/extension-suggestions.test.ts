import { describe, expect, it } from "vitest";
import { suggestExtensionsInputSchema } from "./extension-suggestions";
import { toFieldIssues } from "./issues";

function issuesOf(input: unknown) {
  const result = suggestExtensionsInputSchema.safeParse(input);
  return result.success ? [] : toFieldIssues(result.error, input);
}

describe("suggestExtensionsInputSchema", () => {
  it("asks for 3 when count is absent, and trims near", () => {
    expect(suggestExtensionsInputSchema.parse({ near: " 1002 " })).toEqual({ near: "1002", count: 3 });
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
});

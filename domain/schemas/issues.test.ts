import { describe, expect, it } from "vitest";
import { z } from "zod";
import { apiErrorBodySchema } from "./api-error";
import { requiredString, toFieldIssues, VALIDATION_CODES } from "./issues";

function issuesOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error("expected a failure");
  return toFieldIssues(result.error, input);
}

// Plain zod types, without our error keys, so the mapping of zod's own codes is what is tested.
const plain = z.strictObject({
  title: z.string().min(2).max(5),
  size: z.number().min(1).max(9),
  tags: z.array(z.string()).max(2),
  nested: z.object({ deep: z.string() }).optional(),
  kind: z.enum(["a", "b"]).optional(),
});

describe("toFieldIssues: zod codes mapped onto our vocabulary", () => {
  it("tells a missing field (required) from a wrongly typed one (invalidType)", () => {
    expect(issuesOf(plain, { size: "3", tags: [] })).toEqual([
      { path: ["title"], code: "required" },
      { path: ["size"], code: "invalidType" },
    ]);
  });

  it("treats an explicit null as a wrong type, not a missing field", () => {
    expect(issuesOf(plain, { title: null, size: 3, tags: [] })).toEqual([{ path: ["title"], code: "invalidType" }]);
  });

  it("maps string length to tooShort/tooLong with min/max", () => {
    expect(issuesOf(plain, { title: "a", size: 3, tags: [] })).toEqual([
      { path: ["title"], code: "tooShort", params: { min: 2 } },
    ]);
    expect(issuesOf(plain, { title: "abcdef", size: 3, tags: [] })).toEqual([
      { path: ["title"], code: "tooLong", params: { max: 5 } },
    ]);
  });

  it("maps number and array bounds to tooSmall/tooBig", () => {
    expect(issuesOf(plain, { title: "ab", size: 0, tags: [] })).toEqual([
      { path: ["size"], code: "tooSmall", params: { min: 1 } },
    ]);
    expect(issuesOf(plain, { title: "ab", size: 3, tags: ["x", "y", "z"] })).toEqual([
      { path: ["tags"], code: "tooBig", params: { max: 2 } },
    ]);
  });

  it("maps unrecognised keys to unknownField with the keys named", () => {
    expect(issuesOf(plain, { title: "ab", size: 3, tags: [], extra: 1 })).toEqual([
      { path: [], code: "unknownField", params: { keys: "extra" } },
    ]);
  });

  it("keeps nested and array paths, and looks up the nested input to tell missing from wrong", () => {
    expect(issuesOf(plain, { title: "ab", size: 3, tags: ["ok", 7], nested: {} })).toEqual([
      { path: ["tags", 1], code: "invalidType" },
      { path: ["nested", "deep"], code: "required" },
    ]);
  });

  it("maps anything else to invalidValue", () => {
    expect(issuesOf(plain, { title: "ab", size: 3, tags: [], kind: "c" })).toEqual([
      { path: ["kind"], code: "invalidValue" },
    ]);
  });

  it("reports a non-object root as invalidType at the empty path", () => {
    expect(issuesOf(plain, "nope")).toEqual([{ path: [], code: "invalidType" }]);
    expect(issuesOf(plain, undefined)).toEqual([{ path: [], code: "required" }]);
  });
});

describe("toFieldIssues: our own keys pass through", () => {
  it("uses a schema's error key as the code and a custom issue's params", () => {
    const schema = z.object({
      a: z.string().max(3, { error: "extensionLength" }),
      b: z.string().check((ctx) => {
        ctx.issues.push({ code: "custom", message: "tooLong", params: { max: 30 }, input: ctx.value });
      }),
    });
    expect(issuesOf(schema, { a: "abcd", b: "x" })).toEqual([
      { path: ["a"], code: "extensionLength", params: { max: 3 } },
      { path: ["b"], code: "tooLong", params: { max: 30 } },
    ]);
  });

  it("falls back to the zod code when a message is not one of ours", () => {
    const schema = z.object({ a: z.string().max(3, { error: "Too long, friend" }) });
    expect(issuesOf(schema, { a: "abcd" })).toEqual([{ path: ["a"], code: "tooLong", params: { max: 3 } }]);
  });

  it("only ever answers codes the API error body accepts", () => {
    const issues = issuesOf(plain, { title: 1, size: "x", tags: [1], kind: "z", extra: true });
    for (const issue of issues) expect(VALIDATION_CODES).toContain(issue.code);
    const body = { message: "m", errors: [{ description: "m", errorCode: 4002 }], trackingId: "t", issues };
    expect(apiErrorBodySchema.safeParse(body).success).toBe(true);
  });
});

describe("requiredString", () => {
  it("names missing input required and other types invalidType, leaving other issues alone", () => {
    expect(requiredString({ code: "invalid_type", input: undefined })).toBe("required");
    expect(requiredString({ code: "invalid_type", input: 5 })).toBe("invalidType");
    expect(requiredString({ code: "too_big", input: "x" })).toBeUndefined();
  });
});

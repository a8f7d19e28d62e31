import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  callParkExtensionCreateSchema,
  callParkExtensionFormSchema,
  callParkExtensionUpdateSchema,
  validateExtensionsInputSchema,
} from "./call-park-extension";
import { toFieldIssues } from "./issues";

function issuesOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  return result.success ? [] : toFieldIssues(result.error, input);
}

const create = (input: unknown) => callParkExtensionCreateSchema.safeParse(input);

describe("callParkExtensionCreateSchema: name", () => {
  it("accepts 1 to 30 characters", () => {
    expect(create({ name: "P", extension: "5001" }).success).toBe(true);
    expect(create({ name: "x".repeat(30), extension: "5001" }).success).toBe(true);
  });

  it("refuses 31 characters with tooLong and max 30", () => {
    expect(issuesOf(callParkExtensionCreateSchema, { name: "x".repeat(31), extension: "5001" })).toEqual([
      { path: ["name"], code: "tooLong", params: { max: 30 } },
    ]);
  });

  it("counts code points: 30 emoji (60 UTF-16 units) fit, 31 do not", () => {
    expect(create({ name: "🚗".repeat(30), extension: "5001" }).success).toBe(true);
    expect(issuesOf(callParkExtensionCreateSchema, { name: "🚗".repeat(31), extension: "5001" })[0].code).toBe("tooLong");
  });

  it("normalises to NFC before counting, so 30 decomposed accents fit", () => {
    const result = create({ name: "e\u0301".repeat(30), extension: "5001" });
    expect(result.success).toBe(true);
    expect(result.data?.name).toBe("é".repeat(30));
  });

  it("trims, and counts what is left", () => {
    const result = create({ name: `  ${"x".repeat(30)}  `, extension: "5001" });
    expect(result.data?.name).toBe("x".repeat(30));
  });

  it("stores the composed form of São Paulo", () => {
    expect(create({ name: "Sa\u0303o Paulo", extension: "5001" }).data?.name).toBe("São Paulo");
  });

  it.each([
    ["empty", ""],
    ["only spaces", "   "],
    ["a zero-width space", "\u200b"],
    ["zero-width joiners and a word joiner", "\u200c\u200d\u2060"],
    ["a BOM and a soft hyphen", "\ufeff\u00ad"],
    ["no-break and ideographic spaces", "\u00a0\u3000"],
    ["line and paragraph separators", "\u2028\u2029"],
    ["a combining grapheme joiner", "\u034f"],
    ["Hangul fillers", "\u3164\u115f\u1160"],
    ["a braille blank", "\u2800"],
    ["a right-to-left override", "\u202e"],
  ])("refuses a name that is %s as required", (_label, name) => {
    expect(issuesOf(callParkExtensionCreateSchema, { name, extension: "5001" })).toEqual([
      { path: ["name"], code: "required" },
    ]);
  });

  it.each([
    ["a zero-width-joiner family", "👨‍👩‍👧 Family"],
    ["a soft hyphen", "Estaciona\u00admento"],
    ["a zero-width non-joiner in Persian", "می\u200cخواهم"],
  ])("accepts a name with %s, as typed", (_label, name) => {
    expect(create({ name, extension: "5001" }).data?.name).toBe(name);
  });

  it.each([
    ["a bidi override", "Park\u202e1005"],
    ["a lone surrogate", "Park\ud83d"],
    ["a control character", "Park\u0007"],
  ])("refuses %s as invalidCharacters", (_label, name) => {
    expect(issuesOf(callParkExtensionCreateSchema, { name, extension: "5001" })).toEqual([
      { path: ["name"], code: "invalidCharacters" },
    ]);
  });
});

describe("callParkExtensionCreateSchema: extension", () => {
  it.each(["10", "5001", "1234567890"])("accepts %s", (extension) => {
    expect(create({ name: "Park", extension }).data?.extension).toBe(extension);
  });

  it("trims surrounding spaces", () => {
    expect(create({ name: "Park", extension: " 5001 " }).data?.extension).toBe("5001");
  });

  it.each([
    ["letters", "50a1"],
    ["Arabic-Indic digits", "٥٠٠١"],
    ["full-width digits", "５００１"],
    ["keycap emoji", "5️⃣0️⃣"],
    ["a digit emoji mixed in", "50🚗1"],
  ])("refuses %s as extensionDigits", (_label, extension) => {
    expect(issuesOf(callParkExtensionCreateSchema, { name: "Park", extension })).toEqual([
      { path: ["extension"], code: "extensionDigits" },
    ]);
  });

  it.each(["1", "12345678901"])("refuses %s as extensionLength 2–10", (extension) => {
    expect(issuesOf(callParkExtensionCreateSchema, { name: "Park", extension })).toEqual([
      { path: ["extension"], code: "extensionLength", params: { min: 2, max: 10 } },
    ]);
  });

  it("refuses a number, which is not a string", () => {
    expect(issuesOf(callParkExtensionCreateSchema, { name: "Park", extension: 5001 })).toEqual([
      { path: ["extension"], code: "invalidType" },
    ]);
  });
});

describe("callParkExtensionCreateSchema: shape", () => {
  it("requires both fields", () => {
    expect(issuesOf(callParkExtensionCreateSchema, {})).toEqual([
      { path: ["name"], code: "required" },
      { path: ["extension"], code: "required" },
    ]);
  });

  it("refuses unknown fields, naming them", () => {
    expect(issuesOf(callParkExtensionCreateSchema, { name: "Park", extension: "5001", id: "x", colour: "red" })).toEqual([
      { path: [], code: "unknownField", params: { keys: "id, colour" } },
    ]);
  });
});

describe("callParkExtensionUpdateSchema", () => {
  it("accepts either field alone, or none", () => {
    expect(callParkExtensionUpdateSchema.parse({ name: " New " })).toEqual({ name: "New" });
    expect(callParkExtensionUpdateSchema.parse({ extension: "7001" })).toEqual({ extension: "7001" });
    expect(callParkExtensionUpdateSchema.parse({})).toEqual({});
  });

  it("applies the same rules to what it carries, and refuses unknown fields", () => {
    expect(issuesOf(callParkExtensionUpdateSchema, { name: "x".repeat(31) })[0].code).toBe("tooLong");
    expect(issuesOf(callParkExtensionUpdateSchema, { extension: "x" })[0].code).toBe("extensionDigits");
    expect(issuesOf(callParkExtensionUpdateSchema, { locationId: "L" })[0].code).toBe("unknownField");
  });
});

describe("callParkExtensionFormSchema", () => {
  it("requires a location chosen in the form", () => {
    expect(issuesOf(callParkExtensionFormSchema, { name: "Park", extension: "5001" })).toEqual([
      { path: ["locationId"], code: "locationRequired" },
    ]);
    expect(issuesOf(callParkExtensionFormSchema, { name: "Park", extension: "5001", locationId: "" })[0].code).toBe(
      "locationRequired",
    );
  });
});

describe("validateExtensionsInputSchema", () => {
  it("takes 1 to 500 strings", () => {
    expect(validateExtensionsInputSchema.safeParse({ extensions: ["5001"] }).success).toBe(true);
    expect(issuesOf(validateExtensionsInputSchema, { extensions: [] })).toEqual([
      { path: ["extensions"], code: "tooSmall", params: { min: 1 } },
    ]);
    expect(issuesOf(validateExtensionsInputSchema, { extensions: Array(501).fill("5001") })).toEqual([
      { path: ["extensions"], code: "tooBig", params: { max: 500 } },
    ]);
  });

  it("refuses non-strings by position and unknown fields", () => {
    expect(issuesOf(validateExtensionsInputSchema, { extensions: ["5001", 5002] })).toEqual([
      { path: ["extensions", 1], code: "invalidType" },
    ]);
    expect(issuesOf(validateExtensionsInputSchema, { extensions: ["5001"], all: true })[0].code).toBe("unknownField");
  });
});

import { describe, expect, it } from "vitest";
import { z } from "zod";
import { callParkExtensionListQuerySchema, sortOrderSchema } from "./call-park-extension";
import { toFieldIssues } from "./issues";
import { callParkListQuerySchema } from "./call-park";
import { locationListQuerySchema } from "./location";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, pageSize, pagingQuery, WEBEX_PAGE_SIZE } from "./paging";

function issuesOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error("expected a failure");
  return toFieldIssues(result.error, input);
}

describe("sortOrderSchema", () => {
  it("reads our field names, ascending by default", () => {
    expect(sortOrderSchema.parse("name")).toEqual([{ field: "name", direction: "asc" }]);
    expect(sortOrderSchema.parse("locationName,extension")).toEqual([
      { field: "locationName", direction: "asc" },
      { field: "extension", direction: "asc" },
    ]);
  });

  it("accepts Webex's aliases and its | separator", () => {
    expect(sortOrderSchema.parse("groupName|callParkExtension|callParkExtensionName")).toEqual([
      { field: "locationName", direction: "asc" },
      { field: "extension", direction: "asc" },
      { field: "name", direction: "asc" },
    ]);
  });

  it("reads -desc, -asc, :desc and a space, in any case", () => {
    expect(sortOrderSchema.parse("name-desc")).toEqual([{ field: "name", direction: "desc" }]);
    expect(sortOrderSchema.parse("EXTENSION-ASC")).toEqual([{ field: "extension", direction: "asc" }]);
    expect(sortOrderSchema.parse("extension:desc")).toEqual([{ field: "extension", direction: "desc" }]);
    expect(sortOrderSchema.parse("groupName desc")).toEqual([{ field: "locationName", direction: "desc" }]);
  });

  it("ignores empty parts", () => {
    expect(sortOrderSchema.parse("")).toEqual([]);
    expect(sortOrderSchema.parse("name,,|")).toEqual([{ field: "name", direction: "asc" }]);
  });

  it.each([
    ["an unknown field", "bogus", "bogus"],
    ["a field Webex lists that we do not sort by", "callParkExtensionExternalId", "callParkExtensionExternalId"],
    ["an unknown direction", "name-sideways", "name-sideways"],
    ["one bad part among good ones", "name,colour-desc", "colour-desc"],
  ])("refuses %s as invalidValue naming the part", (_label, order, part) => {
    expect(issuesOf(sortOrderSchema, order)).toEqual([{ path: [], code: "invalidValue", params: { value: part } }]);
  });

  it("refuses more than 200 characters as tooLong", () => {
    expect(issuesOf(sortOrderSchema, "name,".repeat(41))[0]).toMatchObject({ code: "tooLong", params: { max: 200 } });
  });
});

describe("pagingQuery", () => {
  const paging = z.object(pagingQuery);

  it("defaults to start 0 and a page of 100", () => {
    expect(paging.parse({})).toEqual({ start: 0, max: DEFAULT_PAGE_SIZE });
    expect(DEFAULT_PAGE_SIZE).toBe(100);
  });

  it("coerces the query string's text to numbers", () => {
    expect(paging.parse({ start: "20", max: "10" })).toEqual({ start: 20, max: 10 });
  });

  it("reads a page above 1000 as 1000, as Webex clamps rather than refuses", () => {
    expect(MAX_PAGE_SIZE).toBe(1000);
    expect(paging.parse({ max: "1000" }).max).toBe(1000);
    expect(paging.parse({ max: "1001" }).max).toBe(1000);
    expect(paging.parse({ max: "5000" }).max).toBe(1000);
    // Past 2^53: still a whole number above the limit, not a refusal.
    expect(paging.parse({ max: "99999999999999999999" }).max).toBe(1000);
  });

  it("refuses text, fractions, zero or negative pages and negative offsets", () => {
    expect(issuesOf(paging, { max: "ten" })).toEqual([{ path: ["max"], code: "invalidType" }]);
    expect(issuesOf(paging, { max: "Infinity" })).toEqual([{ path: ["max"], code: "invalidType" }]);
    expect(issuesOf(paging, { max: "2.5" })).toEqual([{ path: ["max"], code: "notInteger" }]);
    expect(issuesOf(paging, { max: "5000.5" })).toEqual([{ path: ["max"], code: "notInteger" }]);
    expect(issuesOf(paging, { max: "0" })).toEqual([{ path: ["max"], code: "tooSmall", params: { min: 1 } }]);
    expect(issuesOf(paging, { max: "-5" })).toEqual([{ path: ["max"], code: "tooSmall", params: { min: 1 } }]);
    expect(issuesOf(paging, { start: "-1" })).toEqual([{ path: ["start"], code: "tooSmall", params: { min: 0 } }]);
  });
});

describe("pageSize", () => {
  it("takes its own default and limit", () => {
    const schema = z.object({ max: pageSize({ fallback: 20, limit: 50 }) });
    expect(schema.parse({}).max).toBe(20);
    expect(schema.parse({ max: "50" }).max).toBe(50);
    expect(schema.parse({ max: "51" }).max).toBe(50);
  });
});

describe("callParkExtensionListQuerySchema", () => {
  it("defaults to a page of 2000 and reads more as 2000, as Webex's call park lists", () => {
    expect(WEBEX_PAGE_SIZE).toBe(2000);
    expect(callParkExtensionListQuerySchema.parse({}).max).toBe(2000);
    expect(callParkExtensionListQuerySchema.parse({ max: "5000" }).max).toBe(2000);
    expect(callParkListQuerySchema.parse({}).max).toBe(2000);
    expect(callParkListQuerySchema.parse({ max: "2001" }).max).toBe(2000);
  });

  it("canonicalises search text and parses the order", () => {
    expect(callParkExtensionListQuerySchema.parse({ name: " Sa\u0303o ", order: "name-desc", max: "5" })).toEqual({
      name: "São",
      order: [{ field: "name", direction: "desc" }],
      start: 0,
      max: 5,
    });
  });

  it("refuses a search over 200 characters and a bad order, by field", () => {
    expect(issuesOf(callParkExtensionListQuerySchema, { q: "x".repeat(201), order: "bogus" })).toEqual([
      { path: ["q"], code: "tooLong", params: { max: 200 } },
      { path: ["order"], code: "invalidValue", params: { value: "bogus" } },
    ]);
  });
});

describe("locationListQuerySchema", () => {
  it("defaults to a page of 500, as Webex's locations API", () => {
    expect(locationListQuerySchema.parse({})).toEqual({ start: 0, max: 500 });
    expect(locationListQuerySchema.parse({ max: "2" }).max).toBe(2);
    expect(locationListQuerySchema.parse({ max: "1001" }).max).toBe(1000);
  });
});

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { InjectOptions } from "fastify";
import { beforeEach, describe, expect, it } from "vitest";
import { BODY_LIMIT } from "@server/app";
import { expectApiError } from "@server/test/api-error";
import { callParkExtensionsUrl, locationIdOf, totals, useTestServer, validateExtensionsUrl } from "@server/test/test-server";

const server = useTestServer("all");
const localesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../public/locales");
const catalog = (lng: string) => JSON.parse(fs.readFileSync(path.join(localesDir, lng, "errors.json"), "utf8"));

let locationId: string;
beforeEach(async () => {
  locationId = await locationIdOf(server.db, "San Jose HQ");
});

describe("bodies the server will not read", () => {
  it("refuses a body over 1 MB with 413, writing nothing", async () => {
    const before = await totals(server.db);
    const payload = JSON.stringify({ name: "x".repeat(BODY_LIMIT), extension: "7001" });
    const res = await server.app.inject({
      method: "POST",
      url: callParkExtensionsUrl(locationId),
      headers: { "content-type": "application/json" },
      payload,
    });
    expectApiError(res, "bodyTooLarge");
    expect(await totals(server.db)).toEqual(before);
  });

  it.each([
    ["text/plain, fetch's default for a string body", "text/plain;charset=UTF-8"],
    ["a form", "application/x-www-form-urlencoded"],
    ["XML", "application/xml"],
    ["multipart", "multipart/form-data; boundary=x"],
  ])("refuses %s with 415", async (_label, contentType) => {
    const before = await totals(server.db);
    const res = await server.app.inject({
      method: "POST",
      url: callParkExtensionsUrl(locationId),
      headers: { "content-type": contentType },
      payload: JSON.stringify({ name: "Park", extension: "7001" }),
    });
    expectApiError(res, "unsupportedMediaType");
    expect(await totals(server.db)).toEqual(before);
  });

  it("refuses a body with no content type with 415", async () => {
    const res = await server.app.inject({ method: "POST", url: validateExtensionsUrl(locationId), payload: '{"extensions":["7001"]}' });
    expectApiError(res, "unsupportedMediaType");
  });

  it("accepts JSON with a charset", async () => {
    const res = await server.app.inject({
      method: "POST",
      url: validateExtensionsUrl(locationId),
      headers: { "content-type": "application/json; charset=utf-8" },
      payload: '{"extensions":["7001"]}',
    });
    expect(res.statusCode).toBe(200);
  });
});

describe("addresses that do not exist", () => {
  it.each(["/v1/nothing", "/v1/telephony/config/callQueues", "/nope", "/v1/locations/a/b/c"])(
    "answers %s with a JSON 404",
    async (url) => {
      expectApiError(await server.app.inject({ url }), "routeNotFound");
    },
  );

  it("answers an empty path segment with 404", async () => {
    expectApiError(await server.app.inject({ url: `${callParkExtensionsUrl(locationId)}/` }), "routeNotFound");
  });

  it("answers a malformed percent-escape in the path with the same error body, not Fastify's", async () => {
    expectApiError(await server.app.inject({ url: "/v1/locations/%E0%A4%A" }), "badRequest");
  });

  it("looks up ids up to 500 characters, as the route schemas allow", async () => {
    expectApiError(await server.app.inject({ url: `/v1/locations/${"x".repeat(150)}` }), "locationNotFound");
    expectApiError(await server.app.inject({ url: callParkExtensionsUrl(locationId, "y".repeat(500)) }), "callParkExtensionNotFound");
  });

  it("answers a longer path segment with a JSON 404, without echoing it back", async () => {
    const res = await server.app.inject({ url: callParkExtensionsUrl(locationId, "z".repeat(5000)) });
    expectApiError(res, "routeNotFound");
    expect(res.body).not.toContain("zzzz");
  });
});

describe("the user's language", () => {
  const en = catalog("en");
  const pt = catalog("pt-BR");

  it.each([
    [undefined, "en", en],
    ["pt-BR", "pt-BR", pt],
    ["pt", "pt-BR", pt],
    ["fr-FR, pt-BR;q=0.8, en;q=0.5", "pt-BR", pt],
    ["en-GB, pt-BR;q=0.9", "en", en],
    ["de-DE", "en", en],
  ])("Accept-Language %j answers in %s", async (header, language, messages) => {
    const res = await server.app.inject({
      url: "/v1/locations/bm93aGVyZQ",
      headers: header ? { "accept-language": header } : {},
    });
    const body = expectApiError(res, "locationNotFound");
    expect(res.headers["content-language"]).toBe(language);
    expect(body.message).toBe(messages.locationNotFound);
    expect(body.errors[0].description).toBe(messages.locationNotFound);
  });

  it("translates Fastify's own refusals too", async () => {
    const res = await server.app.inject({
      method: "POST",
      url: callParkExtensionsUrl(locationId),
      headers: { "content-type": "application/json", "accept-language": "pt-BR" },
      payload: "{",
    });
    expect(expectApiError(res, "invalidJson").message).toBe(pt.invalidJson);
    const missing = await server.app.inject({ url: "/v1/nothing", headers: { "accept-language": "pt-BR" } });
    expect(expectApiError(missing, "routeNotFound").message).toBe(pt.routeNotFound);
  });
});

describe("never a 5xx", () => {
  const odd: [string, InjectOptions][] = [
    ["a huge start", { url: "/v1/telephony/config/callParkExtensions?start=99999999999999999999" }],
    ["a repeated query field", { url: "/v1/telephony/config/callParkExtensions?order=name&order=extension" }],
    ["a search for a quote", { url: "/v1/telephony/config/callParkExtensions?q=%27%22%3B--" }],
    ["a NUL in a search", { url: "/v1/locations?name=%00" }],
    ["a NUL in an id", { url: "/v1/locations/%00" }],
    ["a deeply nested body", { method: "POST", url: "/v1/organizations", payload: { a: { b: { c: { d: 1 } } } } }],
    ["DELETE with a JSON body", { method: "DELETE", url: "/v1/locations/x/y", payload: {} }],
    ["HEAD of a list", { method: "HEAD", url: "/v1/telephony/config/callParkExtensions" }],
    ["OPTIONS", { method: "OPTIONS", url: "/v1/locations" }],
  ];

  it.each(odd)("answers %s below 500, with a tracking id", async (_label, request) => {
    const res = await server.app.inject(request);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.headers.trackingid).toMatch(/^CPA_/);
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
  });
});

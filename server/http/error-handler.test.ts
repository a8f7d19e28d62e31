import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { InjectOptions } from "fastify";
import { beforeEach, describe, expect, it } from "vitest";
import { API_BASE, urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { BODY_LIMIT } from "@server/app";
import { expectApiError } from "@server/test/api-error";
import { locationIdOf, totals, useTestServer } from "@server/test/test-server";

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
      url: urlOf(api.callParkExtensions.create, { locationId }),
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
      url: urlOf(api.callParkExtensions.create, { locationId }),
      headers: { "content-type": contentType },
      payload: JSON.stringify({ name: "Park", extension: "7001" }),
    });
    expectApiError(res, "unsupportedMediaType");
    expect(await totals(server.db)).toEqual(before);
  });

  it("refuses a body with no content type with 415", async () => {
    const res = await server.app.inject({ method: "POST", url: urlOf(api.callParkExtensions.validateExtensions, { locationId }), payload: '{"extensions":["7001"]}' });
    expectApiError(res, "unsupportedMediaType");
  });

  it("accepts JSON with a charset", async () => {
    const res = await server.app.inject({
      method: "POST",
      url: urlOf(api.callParkExtensions.validateExtensions, { locationId }),
      headers: { "content-type": "application/json; charset=utf-8" },
      payload: '{"extensions":["7001"]}',
    });
    expect(res.statusCode).toBe(200);
  });
});

describe("addresses that do not exist", () => {
  // Deliberately outside the endpoint table, so written by hand under API_BASE.
  it.each([`${API_BASE}/nothing`, `${API_BASE}/telephony/config/callQueues`, "/nope", `${API_BASE}/locations/a/b/c`])(
    "answers %s with a JSON 404",
    async (url) => {
      expectApiError(await server.app.inject({ url }), "routeNotFound");
    },
  );

  it("answers an empty path segment with 404", async () => {
    const collection = urlOf(api.callParkExtensions.create, { locationId });
    expectApiError(await server.app.inject({ url: `${collection}/` }), "routeNotFound");
  });

  it("answers a malformed percent-escape in the path with the same error body, not Fastify's", async () => {
    // By hand: urlOf would escape the broken escape into a valid one.
    expectApiError(await server.app.inject({ url: `${API_BASE}/locations/%E0%A4%A` }), "badRequest");
  });

  it("looks up ids up to 500 characters, as the route schemas allow", async () => {
    expectApiError(await server.app.inject({ url: urlOf(api.locations.get, { locationId: "x".repeat(150) }) }), "locationNotFound");
    expectApiError(await server.app.inject({ url: urlOf(api.callParkExtensions.get, { locationId, callParkExtensionId: "y".repeat(500) }) }), "callParkExtensionNotFound");
  });

  it("answers a longer path segment with a JSON 404, without echoing it back", async () => {
    const res = await server.app.inject({ url: urlOf(api.callParkExtensions.get, { locationId, callParkExtensionId: "z".repeat(5000) }) });
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
      url: urlOf(api.locations.get, { locationId: "bm93aGVyZQ" }),
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
      url: urlOf(api.callParkExtensions.create, { locationId }),
      headers: { "content-type": "application/json", "accept-language": "pt-BR" },
      payload: "{",
    });
    expect(expectApiError(res, "invalidJson").message).toBe(pt.invalidJson);
    const missing = await server.app.inject({ url: `${API_BASE}/nothing`, headers: { "accept-language": "pt-BR" } });
    expect(expectApiError(missing, "routeNotFound").message).toBe(pt.routeNotFound);
  });
});

describe("never a 5xx", () => {
  const odd: [string, InjectOptions][] = [
    ["a huge start", { url: urlOf(api.callParkExtensions.list, {}, { start: "99999999999999999999" }) }],
    // urlOf sends a field once: the repetition is written by hand.
    ["a repeated query field", { url: `${urlOf(api.callParkExtensions.list)}?order=name&order=extension` }],
    ["a search for a quote", { url: urlOf(api.callParkExtensions.list, {}, { q: `'";--` }) }],
    ["a NUL in a search", { url: urlOf(api.locations.list, {}, { name: "\0" }) }],
    ["a NUL in an id", { url: urlOf(api.locations.get, { locationId: "\0" }) }],
    ["a deeply nested body", { method: "POST", url: urlOf(api.organizations.list), payload: { a: { b: { c: { d: 1 } } } } }],
    ["DELETE with a JSON body", { method: "DELETE", url: `${urlOf(api.locations.get, { locationId: "x" })}/y`, payload: {} }],
    ["HEAD of a list", { method: "HEAD", url: urlOf(api.callParkExtensions.list) }],
    ["OPTIONS", { method: "OPTIONS", url: urlOf(api.locations.list) }],
  ];

  it.each(odd)("answers %s below 500, with a tracking id", async (_label, request) => {
    const res = await server.app.inject(request);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.headers.trackingid).toMatch(/^CPA_/);
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
  });
});

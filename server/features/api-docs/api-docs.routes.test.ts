import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { paramNames, urlOf } from "@domain/api/endpoint";
import { allEndpoints, api } from "@domain/api/endpoints";
import { createGroup, fixture } from "@server/features/call-parks/test-helpers";
import { signIn } from "@server/test/sessions";
import { startTestServer, type TestServer } from "@server/test/test-server";
import { DOCS_PATH, OPENAPI_PATH } from "./api-docs.routes";
import { openApiDocument } from "./openapi-document";

// The document and the reference page over HTTP, beside the SPA's catch-all: public,
// JSON and HTML of their own, under the app's CSP; and the document says what the
// server really answers.

let spaDir: string;
let server: TestServer;

beforeAll(async () => {
  spaDir = fs.mkdtempSync(path.join(os.tmpdir(), "cpa-docs-spa-"));
  fs.writeFileSync(path.join(spaDir, "index.html"), "<!doctype html><title>SPA</title><div id=root></div>");
  server = await startTestServer({ serveSpa: true, spaDir });
});

afterAll(async () => {
  await server.close();
  fs.rmSync(spaDir, { recursive: true, force: true });
});

const anonymous = (url: string) => server.app.anonymous({ method: "GET", url });

describe("GET /openapi.json", () => {
  it("answers the document without a session, as JSON, not the SPA", async () => {
    const res = await anonymous(OPENAPI_PATH);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    expect(res.json()).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
  });

  it("is the document the reference page reads", async () => {
    expect((await anonymous(`${DOCS_PATH}/json`)).json()).toEqual((await anonymous(OPENAPI_PATH)).json());
  });
});

describe("GET /docs", () => {
  it("answers the reference page without a session, not the SPA, under the SPA's own CSP", async () => {
    const res = await anonymous(DOCS_PATH);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/html/);
    expect(res.body).not.toContain('id=root');
    const csp = String(res.headers["content-security-policy"]);
    expect(csp).toBe(String((await anonymous("/")).headers["content-security-policy"]));
    expect(csp).toMatch(/script-src 'self'(;|$)/);
  });

  it("runs only scripts and styles it serves from files, all of which it answers", async () => {
    const html = (await anonymous(DOCS_PATH)).body;
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    // An inline script would break under the CSP: every script is a file.
    for (const attributes of scripts) expect(attributes).toMatch(/\bsrc="[^"]+"/);
    expect(html).not.toMatch(/<style\b|\sstyle="/);
    const assets = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
    for (const asset of assets) {
      const res = await anonymous(asset);
      expect(res.statusCode, asset).toBe(200);
      expect(res.headers["content-type"], asset).toMatch(asset.endsWith(".js") ? /javascript/ : /text\/css/);
    }
  });
});

describe("the document against the server's answers", () => {
  const doc = openApiDocument() as unknown as {
    paths: Record<string, Record<string, { responses: Record<string, { content?: { "application/json": { schema: object } } }> }>>;
    components: { schemas: { ApiError: object } };
  };
  // ajv-formats is CommonJS; its default export arrives wrapped under some loaders.
  const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule);
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const violations = (schema: object, data: unknown) =>
    ajv.validate(schema, data) ? [] : (ajv.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message}`);

  /** Entries no demo data can reach (the demo organisation has no import job). */
  const UNREACHED = new Set(["importJobs.get", "importJobs.errors", "callParkImportJobs.get", "callParkImportJobs.errors"]);

  it("documents the body of every read, as the server sends it", async () => {
    const { locationId, extensions } = await fixture(server.db);
    const callParkId = await createGroup(server, locationId, { name: "Documented dock" });
    const values: Record<string, string> = { locationId, callParkExtensionId: extensions[0], callParkId };
    const session = await signIn(server, "full");
    const reads = allEndpoints.filter(({ name, endpoint: e }) => e.method === "GET" && !UNREACHED.has(name));
    expect(reads.length).toBeGreaterThan(15);
    for (const { name, endpoint: e } of reads) {
      const params = Object.fromEntries(paramNames(e.path).map((p) => [p, values[p]]));
      const res = await server.app.inject({ method: "GET", url: urlOf(e, params as never), headers: session.read });
      expect(res.statusCode, `${name}: ${res.body}`).toBe(e.status);
      const schema = doc.paths[e.path].get.responses[e.status].content!["application/json"].schema;
      expect(violations(schema, res.json()), name).toEqual([]);
    }
  });

  it("documents the error body the server sends", async () => {
    const unauthorized = await anonymous(urlOf(api.callParkExtensions.list));
    expect(unauthorized.statusCode).toBe(401);
    expect(violations(doc.components.schemas.ApiError, unauthorized.json())).toEqual([]);
    const invalid = await server.app.inject({ method: "GET", url: urlOf(api.callParkExtensions.list, {}, { start: -1 }) });
    expect(invalid.statusCode).toBe(400);
    expect(violations(doc.components.schemas.ApiError, invalid.json())).toEqual([]);
  });
});

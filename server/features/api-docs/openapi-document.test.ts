import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { paramNames } from "@domain/api/endpoint";
import { allEndpoints } from "@domain/api/endpoints";
import { openApiDocument } from "./openapi-document";

// The document is OpenAPI 3.1 by its structure (every operation answers, every path
// parameter is declared, every reference lands, every schema is valid JSON Schema
// 2020-12) and says, for every entry of the endpoint table, what the table says.

type JsonObject = Record<string, unknown>;
interface Operation {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  "x-webex": boolean;
  security: Record<string, string[]>[];
  parameters: { name: string; in: string; required?: boolean; schema: JsonObject }[];
  requestBody?: { required?: boolean; content: Record<string, { schema: JsonObject }> };
  responses: Record<string, JsonObject>;
}

// Through JSON, as a client reads it from /openapi.json.
const doc = JSON.parse(JSON.stringify(openApiDocument())) as {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonObject>; responses: Record<string, JsonObject> };
};
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, operation]) => ({ path, method, operation })),
);
const operationOf = (method: string, path: string) => doc.paths[path]?.[method.toLowerCase()];

function resolve(node: unknown): unknown {
  const ref = (node as { $ref?: unknown } | undefined)?.$ref;
  if (typeof ref !== "string") return node;
  const target = ref.replace(/^#\//, "").split("/").reduce<unknown>((at, key) => (at as JsonObject | undefined)?.[key], doc);
  if (target === undefined) throw new Error(`dangling ${ref}`);
  return resolve(target);
}

function collectRefs(node: unknown, refs: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((item) => collectRefs(item, refs));
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string") refs.push(value);
      else collectRefs(value, refs);
    }
  }
  return refs;
}

describe("the OpenAPI document", () => {
  it("is an OpenAPI 3.1 document: info, paths, and operations that each answer", () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info.title).toBeTruthy();
    expect(doc.info.version).toBeTruthy();
    const wrong: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      if (!path.startsWith("/")) wrong.push(`${path}: not a path`);
      for (const method of Object.keys(item)) if (!METHODS.includes(method)) wrong.push(`${path}: ${method} is no method`);
    }
    for (const { path, method, operation } of operations) {
      const at = `${method.toUpperCase()} ${path}`;
      if (Object.keys(operation.responses).length === 0) wrong.push(`${at}: no responses`);
      for (const [status, response] of Object.entries(operation.responses)) {
        if (!/^([1-5]\d\d|default)$/.test(status)) wrong.push(`${at}: status ${status}`);
        if (typeof (resolve(response) as JsonObject).description !== "string") wrong.push(`${at} ${status}: no description`);
      }
      const declared = operation.parameters.filter((p) => p.in === "path").map((p) => p.name).sort();
      if (declared.join() !== paramNames(path).sort().join()) wrong.push(`${at}: path parameters ${declared.join()}`);
      if (operation.parameters.some((p) => p.in === "path" && p.required !== true)) wrong.push(`${at}: optional path parameter`);
      const names = operation.parameters.map((p) => `${p.in}:${p.name}`);
      if (new Set(names).size !== names.length) wrong.push(`${at}: a parameter twice`);
    }
    const ids = operations.map((o) => o.operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(wrong).toEqual([]);
  });

  it("has every reference land and every schema valid JSON Schema 2020-12", () => {
    for (const ref of collectRefs(doc)) expect(() => resolve({ $ref: ref }), ref).not.toThrow();
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    const schemas: [string, unknown][] = Object.entries(doc.components.schemas);
    for (const { path, method, operation } of operations) {
      const at = `${method} ${path}`;
      for (const p of operation.parameters) schemas.push([`${at} ${p.in} ${p.name}`, p.schema]);
      for (const [type, media] of Object.entries(operation.requestBody?.content ?? {})) schemas.push([`${at} body ${type}`, media.schema]);
      for (const [status, response] of Object.entries(operation.responses)) {
        const content = (resolve(response) as { content?: Record<string, { schema: JsonObject }> }).content ?? {};
        for (const [type, media] of Object.entries(content)) schemas.push([`${at} ${status} ${type}`, resolve(media.schema)]);
      }
    }
    for (const [at, schema] of schemas) expect(ajv.validateSchema(schema as JsonObject), `${at}: ${ajv.errorsText()}`).toBe(true);
  });

  it("has every entry of the endpoint table, and nothing else, with its method, path, status, summary and group", () => {
    expect(operations).toHaveLength(allEndpoints.length);
    for (const { name, endpoint: e } of allEndpoints) {
      const operation = operationOf(e.method, e.path);
      expect(operation, `${name}: ${e.method} ${e.path}`).toBeDefined();
      expect(operation.operationId).toBe(name);
      expect(operation.summary).toBe(e.summary);
      expect(Object.keys(operation.responses)).toContain(String(e.status));
      // The success answer is the only 2xx: a client generated from the document expects exactly it.
      expect(Object.keys(operation.responses).filter((s) => s.startsWith("2"))).toEqual([String(e.status)]);
      const success = operation.responses[String(e.status)] as { content?: JsonObject };
      expect(Boolean(success.content), `${name}: body of the ${e.status}`).toBe(Boolean(e.response));
      expect(operation.tags).toHaveLength(1);
    }
  });

  it("marks the public Webex operations, and says the others are ours", () => {
    for (const { name, endpoint: e } of allEndpoints) {
      const operation = operationOf(e.method, e.path);
      expect(operation["x-webex"], name).toBe(e.webex);
      if (e.webex) expect(operation.description, name).toMatch(/^Webex Calling/);
      else expect(operation.description, name).toMatch(/^Ours/);
    }
    expect(operationOf("GET", "/telephony/config/locations/{locationId}/callParks/{callParkId}")["x-webex"]).toBe(true);
    expect(operationOf("GET", "/auditEvents")["x-webex"]).toBe(false);
  });

  it("asks for a bearer token or the session (with its CSRF token on writes), and nothing to sign in", () => {
    for (const { name, endpoint: e } of allEndpoints) {
      const { security } = operationOf(e.method, e.path);
      if (e.access === "public") {
        expect(security, name).toEqual([]);
        continue;
      }
      expect(security, name).toContainEqual({ bearerAuth: [] });
      expect(security, name).toContainEqual(e.method === "GET" ? { sessionCookie: [] } : { sessionCookie: [], csrfToken: [] });
    }
  });

  it("describes the CSV uploads: a form's file field, or the text/csv body", () => {
    const uploads = allEndpoints.filter(({ endpoint: e }) => e.upload === "csv");
    expect(uploads.length).toBeGreaterThan(0);
    for (const { endpoint: e } of uploads) {
      const body = operationOf(e.method, e.path).requestBody!;
      expect(body.required).toBe(true);
      expect(body.content["multipart/form-data"].schema).toMatchObject({ type: "object", required: ["file"], properties: { file: { type: "string" } } });
      expect(body.content["text/csv"]).toBeDefined();
    }
  });

  it("describes JSON bodies and query parameters from the schemas that validate them", () => {
    const create = operationOf("POST", "/telephony/config/locations/{locationId}/callParks");
    expect(create.requestBody?.required).toBe(true);
    expect(create.requestBody?.content["application/json"].schema).toMatchObject({ type: "object", properties: { name: { type: "string" } } });
    const list = operationOf("GET", "/telephony/config/callParkExtensions");
    expect(list.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(["orgId", "start", "max", "locationId"]));
    expect(list.responses["200"].headers).toHaveProperty("Link");
  });

  it("documents the versions of what an administrator edits: ETag, If-None-Match and 304, If-Match and 412", () => {
    for (const path of ["/telephony/config/locations/{locationId}/callParks/{callParkId}", "/telephony/config/locations/{locationId}/callParks/settings"]) {
      const read = operationOf("GET", path);
      expect(read.responses["200"].headers).toHaveProperty("ETag");
      expect(read.responses).toHaveProperty("304");
      expect(read.parameters.map((p) => p.name)).toContain("If-None-Match");
      const write = operationOf("PUT", path);
      expect(write.responses).toHaveProperty("412");
      expect(write.parameters.map((p) => p.name)).toContain("If-Match");
    }
    expect(operationOf("GET", "/telephony/config/callParkExtensions").responses).not.toHaveProperty("304");
  });

  it("answers every refusal with the Webex error body", () => {
    const error = doc.components.schemas.ApiError as { required: string[] };
    expect(error.required).toEqual(expect.arrayContaining(["message", "errors", "trackingId"]));
    for (const { path, method, operation } of operations) {
      for (const [status, response] of Object.entries(operation.responses)) {
        // Success, and a versioned GET's 304 Not Modified (no body).
        if (/^[23]/.test(status)) continue;
        const content = (resolve(response) as { content: Record<string, { schema: JsonObject }> }).content;
        expect(content["application/json"].schema, `${method} ${path} ${status}`).toEqual({ $ref: "#/components/schemas/ApiError" });
      }
      expect(Object.keys(operation.responses), `${method} ${path}`).toEqual(expect.arrayContaining(["401", "default"]));
    }
  });
});

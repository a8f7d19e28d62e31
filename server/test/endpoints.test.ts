import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Endpoint, paramNames, routePattern } from "@domain/api/endpoint";
import { allEndpoints } from "@domain/api/endpoints";
import { buildApp } from "@server/app";
import { type Db, openDatabase } from "@server/db/database";
import type { RouteRule } from "@server/features/auth/access";
import { loadAllSpecs, operationsOf, type SpecOperation } from "./openapi";

// The endpoint table against the Webex specs and against the server: an entry marked
// `webex: true` is a real Webex operation, one marked false is not, and the server
// registers exactly the table's routes.

/**
 * Webex operations whose spec is not among ../shared/reference, with where Webex
 * documents them. A test below fails once the spec arrives, so the entry is checked.
 */
const WEBEX_BEYOND_REFERENCE: Record<string, string> = {
  "organizations.list": "Webex's Organizations API: List Organizations, on developer.webex.com",
};

const key = (method: string, path: string) => `${method} ${path}`;
/** A path's shape, its parameters unnamed: `/locations/{}`. */
const shape = (path: string) => path.replace(/\{\w+\}/g, "{}");
const segments = (path: string) => path.split("/").filter(Boolean);

const specs = loadAllSpecs();

describe.skipIf(!specs)("the endpoint table against the Webex specs in ../shared/reference", () => {
  const operations = new Map<string, SpecOperation>();
  for (const operation of (specs ?? []).flatMap(operationsOf)) operations.set(key(operation.method, operation.path), operation);

  it("finds every Webex entry in the specs with its method and path, and no other entry", () => {
    const wrong: string[] = [];
    for (const { name, endpoint: e } of allEndpoints) {
      const inSpecs = operations.has(key(e.method, e.path));
      if (name in WEBEX_BEYOND_REFERENCE) {
        if (!e.webex || inSpecs) wrong.push(`${name}: listed as a Webex operation beyond the reference specs, but webex=${e.webex}, in specs=${inSpecs}`);
        continue;
      }
      if (e.webex && !inSpecs) wrong.push(`${name}: webex: true, but ${e.method} ${e.path} is in no spec`);
      if (!e.webex && inSpecs) wrong.push(`${name}: webex: false, but ${e.method} ${e.path} is a Webex operation`);
    }
    expect(wrong).toEqual([]);
  });

  it("names a Webex entry's path parameters as its operation declares them", () => {
    const wrong: string[] = [];
    for (const { name, endpoint: e } of allEndpoints) {
      const operation = operations.get(key(e.method, e.path));
      if (!operation) continue;
      if ([...paramNames(e.path)].sort().join() !== [...operation.pathParams].sort().join()) {
        wrong.push(`${name}: {${paramNames(e.path).join("}, {")}} but ${operation.file} declares ${operation.pathParams.join(", ")}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("names every path parameter as the specs name it where a Webex path has the same shape", () => {
    // Our own endpoints too: /locations/{id}/… beside Webex's /locations/{locationId} would be refused.
    const specPaths = [...new Set([...operations.values()].map((o) => o.path))];
    const wrong: string[] = [];
    for (const { name, endpoint: e } of allEndpoints) {
      const ours = segments(e.path);
      ours.forEach((segment, i) => {
        if (!/^\{\w+\}$/.test(segment)) return;
        const prefix = shape(ours.slice(0, i + 1).join("/"));
        for (const specPath of specPaths) {
          const theirs = segments(specPath);
          if (theirs.length <= i || shape(theirs.slice(0, i + 1).join("/")) !== prefix) continue;
          if (theirs[i] !== segment) wrong.push(`${name}: ${segment} where ${specPath} has ${theirs[i]}`);
        }
      });
    }
    expect([...new Set(wrong)]).toEqual([]);
  });
});

describe("the endpoint table against the server's routes", () => {
  let db: Db;
  let rules: RouteRule[];

  beforeAll(async () => {
    db = await openDatabase("sqlite::memory:");
    const app = await buildApp({ db });
    // Fastify answers HEAD for every GET on its own: those are not routes of their own.
    const gets = new Set(app.routeRules.filter((r) => r.method === "GET").map((r) => r.url));
    rules = app.routeRules.filter((r) => r.method !== "HEAD" || !gets.has(r.url));
    await app.close();
  });

  afterAll(async () => {
    await db.destroy();
  });

  const entriesFor = (rule: RouteRule) =>
    allEndpoints.filter(({ endpoint: e }) => e.method === rule.method && routePattern(e) === rule.url);

  it("gives every registered route exactly one entry, with the route's access rule", () => {
    const wrong: string[] = [];
    for (const rule of rules) {
      const entries = entriesFor(rule);
      if (entries.length !== 1) wrong.push(`${rule.method} ${rule.url}: ${entries.length} entries (${entries.map((x) => x.name).join(", ")})`);
      else if (entries[0].endpoint.access !== rule.access) wrong.push(`${rule.method} ${rule.url}: access ${rule.access}, entry says ${entries[0].endpoint.access}`);
    }
    expect(wrong).toEqual([]);
  });

  it("registers every entry's route exactly once", () => {
    const count = (e: Endpoint) => rules.filter((r) => r.method === e.method && r.url === routePattern(e)).length;
    const wrong = allEndpoints.filter(({ endpoint }) => count(endpoint) !== 1).map(({ name, endpoint }) => `${name}: ${count(endpoint)} routes`);
    expect(wrong).toEqual([]);
  });
});

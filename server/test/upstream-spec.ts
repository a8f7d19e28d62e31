import { expect } from "vitest";
import { API_BASE } from "@domain/api/endpoint";
import { loadAllSpecs, operationsOf } from "./openapi";

// The gateway talks to Webex through public operations only: every call it made (as its
// client recorded it, or as the fault proxy saw it) must be an operation of the Webex
// specs in ../shared/reference. Without them the check skips, as the other conformance
// suites do: a visible warning, and the test that asked is marked skipped.

interface Operation {
  method: string;
  path: string;
  source: string;
}

/** The one public Webex operation the gateway may call beyond the reference specs: OAuth's token endpoint. */
const BEYOND_REFERENCE: Operation[] = [
  { method: "POST", path: "/access_token", source: "Webex's OAuth: Integrations, on developer.webex.com" },
];

const specs = loadAllSpecs();

/** The public operations, or undefined when ../shared/reference is absent (loadAllSpecs warned). */
export const publicWebexOperations: readonly Operation[] | undefined = specs && [
  ...specs.flatMap(operationsOf).map((o) => ({ method: o.method, path: o.path, source: o.file })),
  ...BEYOND_REFERENCE,
];

/** A template as a regular expression: each `{param}` one non-empty segment. */
function templatePattern(template: string): RegExp {
  const escaped = template.split(/\{\w+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${escaped.join("[^/]+")}$`);
}

/** The path below API_BASE of a call's concrete address (absolute, or a path), undefined when not under it. */
function pathBelowBase(url: string): string | undefined {
  const { pathname } = new URL(url, "http://upstream.invalid");
  return pathname.startsWith(`${API_BASE}/`) ? pathname.slice(API_BASE.length) : undefined;
}

/** The calls (method and concrete address) that are no public Webex operation, as readable lines. */
export function nonPublicCalls(calls: Iterable<{ method: string; url: string }>, operations: readonly Operation[]): string[] {
  const patterns = operations.map((o) => ({ method: o.method, pattern: templatePattern(o.path) }));
  const wrong = new Set<string>();
  for (const call of calls) {
    const path = pathBelowBase(call.url);
    const known = path !== undefined && patterns.some((o) => o.method === call.method.toUpperCase() && o.pattern.test(path));
    if (!known) wrong.add(`${call.method} ${path === undefined ? call.url : API_BASE + path}`);
  }
  return [...wrong];
}

/**
 * Asserts that every recorded call (an UpstreamCall, or a fault proxy's ProxiedRequest:
 * both have method and url) is a public Webex operation. Without ../shared/reference it
 * skips the calling test through its context (`it("…", (ctx) => expectPublicWebexCalls(calls, ctx))`).
 */
export function expectPublicWebexCalls(calls: Iterable<{ method: string; url: string }>, context?: { skip: (note?: string) => void }): void {
  if (!publicWebexOperations) {
    context?.skip("../shared/reference not found: spec conformance of upstream calls skipped");
    return;
  }
  expect(nonPublicCalls(calls, publicWebexOperations)).toEqual([]);
}

import fs from "node:fs";
import path from "node:path";
import type { Plugin } from "vite";
import { describe, expect, it } from "vitest";
import config from "../vite.config";

// What vite.config.ts does to the SPA's modules beyond React: react-aria's strings in the
// app's two languages only, and the endpoint table's address half for the SPA.

const root = path.resolve(import.meta.dirname, "..");
const plugins = (config.plugins ?? []).flat() as Plugin[];
const plugin = (name: string) => {
  const found = plugins.find((p) => p?.name === name);
  if (!found) throw new Error(`no ${name} plugin in vite.config.ts`);
  return found;
};
type Resolve = (source: string, importer: string | undefined, options: object) => unknown;
const resolverOf = (p: Plugin) => {
  const hook = p.resolveId as Resolve | { handler: Resolve };
  return typeof hook === "function" ? hook : hook.handler;
};

describe("vite.config.ts", () => {
  it("keeps react-aria's strings for English and Portuguese (Brazil) only", () => {
    const resolve = resolverOf(plugin("locales-plugin"));
    const importer = path.join(root, "node_modules/react-aria/dist/private/toast/intlStrings.mjs");
    const kept = (locale: string) => resolve(`../intl/toast/${locale}.mjs`, importer, {}) == null;
    expect(kept("en-US")).toBe(true);
    expect(kept("pt-BR")).toBe(true);
    expect(["de-DE", "pt-PT", "ja-JP", "ar-AE", "fr-FR"].filter(kept)).toEqual([]);
  });

  it("gives the SPA's modules the endpoint table's addresses, and everything else the whole table", () => {
    const resolve = resolverOf(plugin("spa-endpoint-addresses"));
    const endpoints = path.join(root, "domain/api/endpoints");
    expect(resolve(endpoints, path.join(root, "src/lib/session.ts"), {})).toBe(path.join(root, "domain/api/addresses.ts"));
    expect(resolve(endpoints, path.join(root, "server/app.ts"), {})).toBeNull();
    expect(resolve(endpoints, path.join(root, "scripts/bench.ts"), {})).toBeNull();
  });

  it("runs every node test that replaces a module (vi.mock) in a module cache of its own", () => {
    type Project = { test?: { name?: string; include?: string[]; isolate?: boolean } };
    const projects = (config.test?.projects ?? []) as Project[];
    const shared = projects.find((p) => p.test?.name === "node")?.test;
    const isolated = projects.find((p) => p.test?.name === "node-isolated")?.test;
    expect(shared?.isolate).toBe(false);
    expect(isolated?.isolate).not.toBe(false);
    const mocking = ["server", "domain", "scripts"]
      .flatMap((dir) => fs.readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" }).map((f) => path.join(dir, f)))
      .filter((f) => f.endsWith(".test.ts") && /\bvi\.(mock|doMock|resetModules)\(/.test(fs.readFileSync(path.join(root, f), "utf8")));
    expect(mocking.length).toBeGreaterThan(0);
    expect(mocking.sort()).toEqual([...(isolated?.include ?? [])].sort());
  });

  it("builds sign-in as a page of its own, whose shared libraries leave out the router and the query cache", () => {
    type Group = { name: string; test: RegExp };
    const rolldown = config.build?.rolldownOptions as { input: Record<string, string>; output: { codeSplitting: { groups: Group[] } } };
    expect(Object.values(rolldown.input).map((file) => path.relative(root, file))).toEqual(["index.html", "sign-in.html"]);
    expect(fs.readFileSync(path.join(root, "sign-in.html"), "utf8")).toContain('src="/src/sign-in.tsx"');
    const groupOf = (module: string) => rolldown.output.codeSplitting.groups.find((g) => g.test.test(path.join(root, "node_modules", module, "index.js")))?.name;
    for (const shared of ["react", "react-dom", "scheduler"]) expect(groupOf(shared)).toBe("vendor");
    for (const appOnly of ["react-router", "@tanstack/react-query", "@tanstack/query-core"]) expect(groupOf(appOnly)).toBe("vendor-app");
  });

  it("sends sign-in's own page at /sign-in on the dev server, its query kept; every other address is left to the app", () => {
    const middleware = { use: undefined as unknown as (req: { url: string }, res: unknown, next: () => void) => void };
    const hook = plugin("sign-in-page").configureServer as (server: { middlewares: { use: (fn: typeof middleware.use) => void } }) => void;
    hook({ middlewares: { use: (fn) => (middleware.use = fn) } });
    const routed = (url: string) => {
      const req = { url };
      middleware.use(req, {}, () => undefined);
      return req.url;
    };
    expect(routed("/sign-in")).toBe("/sign-in.html");
    expect(routed("/sign-in?next=%2Ftasks")).toBe("/sign-in.html?next=%2Ftasks");
    expect(routed("/services/calling/features")).toBe("/services/calling/features");
    expect(routed("/sign-in-help")).toBe("/sign-in-help");
  });
});

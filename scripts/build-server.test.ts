import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { builtinModules } from "node:module";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { BUILDS, buildServer, root, RUNTIME_IMPORTS, staleBuilds } from "./build-server.mjs";

// The compiled server in a tree of its own, laid out as a production install: package.json,
// node_modules, the built SPA and the locales, no TypeScript sources. It must find its files
// there (not beside server/), and run under plain `node`.
const tree = fs.mkdtempSync(path.join(os.tmpdir(), "cpa-build-server-"));
const SPA_MARKER = "<title>built SPA of the temporary tree</title>";
const LOCALE_MARKER = "Mensagem da árvore temporária";
let metafile: Awaited<ReturnType<typeof buildServer>>;
let server: ChildProcess | undefined;

beforeAll(async () => {
  fs.copyFileSync(path.join(root, "package.json"), path.join(tree, "package.json"));
  fs.symlinkSync(path.join(root, "node_modules"), path.join(tree, "node_modules"), "junction");
  fs.cpSync(path.join(root, "public/locales"), path.join(tree, "public/locales"), { recursive: true });
  const errorsFile = path.join(tree, "public/locales/pt-BR/errors.json");
  fs.writeFileSync(errorsFile, JSON.stringify({ ...JSON.parse(fs.readFileSync(errorsFile, "utf8")), unauthorized: LOCALE_MARKER }));
  fs.mkdirSync(path.join(tree, "dist"));
  fs.writeFileSync(path.join(tree, "dist/index.html"), `<!doctype html><html><head>${SPA_MARKER}</head></html>`);
  metafile = await buildServer({ outdir: path.join(tree, "dist-server") });
  // A ceiling, not a measure: five bundles, seconds on a machine busy with other work.
}, 120_000);

afterAll(() => {
  server?.kill("SIGKILL");
  fs.rmSync(tree, { recursive: true, force: true });
});

/** Starts `node dist-server/index.js` (no loader, no flags) on a free port; resolves its address. */
function startCompiled(): Promise<string> {
  const child = spawn(process.execPath, [path.join(tree, BUILDS.server.output)], {
    cwd: tree,
    env: { ...process.env, NODE_OPTIONS: "", PORT: "0", HOST: "127.0.0.1", DATABASE_URL: "sqlite::memory:", SEED: "none", LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server = child;
  return new Promise((resolve, reject) => {
    let output = "";
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const address = /running at (http:\/\/[\d.]+:\d+)/.exec(output)?.[1];
      if (address) resolve(address);
    };
    child.stdout!.on("data", read);
    child.stderr!.on("data", read);
    child.on("exit", (code) => reject(new Error(`The compiled server stopped (${code}):\n${output}`)));
  });
}

describe("the compiled server (npm run build → dist-server/index.js)", () => {
  it("runs under plain node, answering the API in the tree's own language files and serving its built SPA", async () => {
    const address = await startCompiled();

    const unauthorized = await fetch(address + urlOf(api.organizations.list, {}), { headers: { "accept-language": "pt-BR" } });
    expect(unauthorized.status).toBe(401);
    expect((await unauthorized.json()).message).toBe(LOCALE_MARKER);

    const home = await fetch(`${address}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain(SPA_MARKER);
  });

  it("imports only Node's own modules and runtime dependencies (no tsx, Vite or other dev tool)", () => {
    const { dependencies } = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { dependencies: Record<string, string> };
    const packageOf = (specifier: string) => specifier.split("/").slice(0, specifier.startsWith("@") ? 2 : 1).join("/");
    const imported = Object.values(metafile.outputs).flatMap((output) => output.imports.map((i) => i.path));
    const packages = [...new Set(imported.filter((p) => !p.startsWith("node:") && !builtinModules.includes(p)).map(packageOf))];

    expect(packages.filter((name) => !(name in dependencies))).toEqual([]);
    // Everything else is bundled in: Node reads one file at start rather than hundreds of modules.
    expect(packages.sort()).toEqual([...RUNTIME_IMPORTS].sort());
    const bundle = fs.readFileSync(path.join(tree, BUILDS.server.output), "utf8");
    expect(bundle).not.toMatch(/["'](tsx|vite|esbuild|typescript)(\/[^"']*)?["']/);
  });

  it("keeps every name as written but not the whitespace, which the server would hold in memory", () => {
    const bundle = fs.readFileSync(path.join(tree, BUILDS.server.output), "utf8");
    // A stack trace names its functions.
    expect(bundle.includes("async function listCallParkExtensions(")).toBe(true);
    // Lines of thousands of characters (written out, they average about forty).
    const charactersPerLine = bundle.length / bundle.split("\n").length;
    expect(charactersPerLine).toBeGreaterThan(1000);
  });
});

describe("what npm start rebuilds", () => {
  // Writes `file` dated `time`, its folders too (a folder's date changes when a file is added or removed).
  const touch = (dir: string, file: string, time: number) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), "");
    for (let f = file; f !== "."; f = path.dirname(f)) fs.utimesSync(path.join(dir, f), time / 1000, time / 1000);
  };

  it("builds what is missing or older than a source of its own, and nothing in a tree without sources", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cpa-build-state-"));
    try {
      const now = Date.now();
      touch(dir, "server/index.ts", now - 10_000);
      touch(dir, "src/main.tsx", now - 10_000);
      expect(staleBuilds(dir).sort()).toEqual(["server", "spa"]);

      touch(dir, BUILDS.spa.output, now - 5_000);
      touch(dir, BUILDS.server.output, now - 5_000);
      expect(staleBuilds(dir)).toEqual([]);

      touch(dir, "src/features/new-screen.tsx", now);
      expect(staleBuilds(dir)).toEqual(["spa"]);
      touch(dir, "domain/api/endpoints.ts", now - 10_000);
      expect(staleBuilds(dir)).toEqual(["spa"]);
      fs.rmSync(path.join(dir, "domain/api/endpoints.ts"));
      expect(staleBuilds(dir).sort()).toEqual(["server", "spa"]);

      for (const sources of ["server", "src", "domain"]) fs.rmSync(path.join(dir, sources), { recursive: true });
      expect(staleBuilds(dir)).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

import path from "node:path";
import { fileURLToPath } from "node:url";
import optimizeLocales from "@react-aria/optimize-locales-plugin";
import react from "@vitejs/plugin-react";
import type { Plugin } from "vite";
import { defineConfig } from "vitest/config";
import { pageFileOf } from "./server/http/built-pages.js";
import { firstPaint } from "./scripts/vite-first-paint.js";
import { interfaceFontSubset } from "./scripts/vite-font-subset.js";
import { pruneUnreadCustomProperties } from "./scripts/vite-prune-custom-properties.js";
import { SIGN_IN_PATH } from "./src/lib/paths.js";

const apiPort = process.env.API_PORT ?? "8080";
const fromRoot = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

/**
 * The SPA's `@domain/api/endpoints` is the endpoint table's address half
 * (domain/api/addresses.ts): the same `api`, each endpoint's method, path, status, list key
 * and versions, without its zod schemas, which would put zod and every schema on the first
 * screen. Only for modules of the SPA (src/); the server, scripts and their tests get the
 * whole table.
 */
function spaEndpointAddresses(): Plugin {
  const endpoints = fromRoot("./domain/api/endpoints");
  const addresses = fromRoot("./domain/api/addresses.ts");
  const spa = fromRoot("./src/");
  return {
    name: "spa-endpoint-addresses",
    enforce: "pre",
    resolveId(source, importer) {
      // After the alias: `@domain/api/endpoints` is the file's path without its extension.
      if (source === endpoints && importer && path.normalize(importer).startsWith(spa)) return addresses;
      return null;
    },
  };
}

/**
 * The dev server's /sign-in: sign-in.html, the page of sign-in's own entry (src/sign-in.tsx),
 * as the server sends the built one (server/http/built-pages.ts). Every other address is the app's.
 */
function signInPageInDev(): Plugin {
  return {
    name: "sign-in-page",
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const url = new URL(req.url ?? "/", "http://dev.invalid");
        if (url.pathname === SIGN_IN_PATH) req.url = `/${pageFileOf(SIGN_IN_PATH, false)}${url.search}`;
        next();
      });
    },
  };
}

/** Node tests that replace a module (vi.mock): they need a module cache of their own. */
const NODE_TESTS_MOCKING_MODULES = ["server/features/auth/password.test.ts", "server/features/auth/sign-in-burst.test.ts"];

export default defineConfig({
  plugins: [
    spaEndpointAddresses(),
    signInPageInDev(),
    // react-aria's own strings (a menu's, a toast's…) only in the app's languages, not its ~34.
    optimizeLocales.vite({ locales: ["en-US", "pt-BR"] }),
    interfaceFontSubset({ root: fromRoot(".") }),
    // Only the design tokens the app reads, not Momentum's ~800 (44 of the stylesheet's 70 KB).
    pruneUnreadCustomProperties({ root: fromRoot(".") }),
    // Each screen at a fixed address in its own HTML, its frame and words painted before the JavaScript runs.
    firstPaint({ root: fromRoot("."), languages: ["en", "pt-BR"] }),
    react(),
  ],
  // The import aliases of tsconfig.json's "paths".
  resolve: {
    alias: {
      "@/": fromRoot("./src/"),
      "@domain/": fromRoot("./domain/"),
      "@server/": fromRoot("./server/"),
    },
  },
  server: {
    port: 5173,
    // The API, and its document and reference page (server pages, not screens of the SPA).
    proxy: Object.fromEntries(["/v1", "/openapi.json", "/docs"].map((prefix) => [prefix, `http://127.0.0.1:${apiPort}`])),
  },
  build: {
    outDir: "dist",
    manifest: true,
    sourcemap: false,
    rolldownOptions: {
      // Two pages, each its own entry: the app's screens, and sign-in, which needs neither the
      // router nor the query cache (src/sign-in.tsx).
      input: { index: fromRoot("./index.html"), "sign-in": fromRoot("./sign-in.html") },
      output: {
        codeSplitting: {
          groups: [
            // What every screen runs, in two files rather than seven: a first visit over HTTP/1.1
            // (six connections) asks for fewer files at once, and a larger file compresses better.
            // React, which sign-in's page needs too; then the router and the query cache,
            // which only the app's screens do.
            {
              name: "vendor",
              test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/,
            },
            {
              name: "vendor-app",
              test: /node_modules[\\/](react-router|@tanstack[\\/](query-core|react-query)|use-sync-external-store)[\\/]/,
            },
          ],
        },
      },
    },
  },
  test: {
    // Vitest's default in a run is one worker fewer than the cores: one worker on a 2-core
    // machine, idle while a test waits on a server it started or on a slow password hash.
    // Three keep both cores busy (the whole run: ~7 min → ~5 min on 2 cores).
    maxWorkers: 3,
    projects: [
      {
        extends: true,
        test: {
          name: "node",
          environment: "node",
          include: ["domain/**/*.test.ts", "server/**/*.test.ts", "scripts/**/*.test.ts"],
          exclude: NODE_TESTS_MOCKING_MODULES,
          pool: "forks",
          // One module cache per worker, not per file: each file imported the whole server
          // again (Fastify, every schema), most of the node tests' time. Their state lives in
          // the apps and databases each test builds; the files that mock a module run apart.
          isolate: false,
          // A ceiling, not a measure. Signing in costs a deliberately slow scrypt hash (128 MiB,
          // ~0.4 s alone, several seconds on a machine busy with other work), and the sign-in
          // limiter's tests sign in about ten times.
          testTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: "node-isolated",
          environment: "node",
          include: NODE_TESTS_MOCKING_MODULES,
          pool: "forks",
          testTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: "components",
          environment: "jsdom",
          include: ["src/**/*.test.{ts,tsx}"],
          setupFiles: ["src/test/setup.ts"],
          // A ceiling, not a measure: tests wait on state (findBy, waitFor) and return as soon as
          // it shows; on a machine busy with other work a screen can take seconds to render.
          testTimeout: 30_000,
        },
      },
    ],
  },
});

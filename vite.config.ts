import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

const apiPort = process.env.API_PORT ?? "8080";

export default defineConfig({
  plugins: [react()],
  // The import aliases of tsconfig.json's "paths".
  resolve: {
    alias: {
      "@/": fileURLToPath(new URL("./src/", import.meta.url)),
      "@domain/": fileURLToPath(new URL("./domain/", import.meta.url)),
      "@server/": fileURLToPath(new URL("./server/", import.meta.url)),
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
      output: {
        codeSplitting: {
          groups: [
            { name: "react", test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
          ],
        },
      },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "node",
          environment: "node",
          include: ["domain/**/*.test.ts", "server/**/*.test.ts", "scripts/**/*.test.ts"],
          pool: "forks",
          // A ceiling, not a measure. Signing in costs a deliberately slow scrypt hash (128 MiB,
          // ~0.4 s alone, several seconds on a machine busy with other work), and the sign-in
          // limiter's tests sign in about ten times.
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

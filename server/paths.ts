import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

// Where the project's files are, the same from the TypeScript sources (development, tests)
// and from the compiled server (dist-server/index.js): this module's own folder differs
// between the two, the nearest package.json above it does not.

/** The nearest folder at or above `start` that holds a package.json. */
export function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "package.json"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No package.json at or above ${start}`);
  }
}

export const projectRoot = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));

/** The built SPA (`vite build`), which the server serves. */
export const distDir = path.join(projectRoot, "dist");

/** The translation files the SPA and the server's messages share. */
export const localesDir = path.join(projectRoot, "public", "locales");

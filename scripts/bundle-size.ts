import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

// Reads Vite's manifest to tell what the first screen loads (the entry and every
// chunk it imports statically) from what loads later (dynamic imports).

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface ChunkSize {
  file: string;
  gzip: number;
}

export interface BundleReport {
  firstScreen: ChunkSize[];
  firstScreenJsGzip: number;
  lazy: ChunkSize[];
}

function gzipSize(file: string): number {
  return gzipSync(fs.readFileSync(file), { level: 9 }).length;
}

export function bundleReport(distDir: string): BundleReport {
  const manifest: Manifest = JSON.parse(fs.readFileSync(path.join(distDir, ".vite/manifest.json"), "utf8"));
  const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
  if (!entryKey) throw new Error("no entry chunk in the Vite manifest");
  const initial = new Set<string>();
  const visit = (key: string) => {
    if (initial.has(key)) return;
    initial.add(key);
    manifest[key].imports?.forEach(visit);
  };
  visit(entryKey);
  const size = (key: string): ChunkSize => ({ file: manifest[key].file, gzip: gzipSize(path.join(distDir, manifest[key].file)) });
  const isJs = (key: string) => manifest[key].file.endsWith(".js");
  const firstScreen = [...initial].filter(isJs).map(size);
  const lazy = Object.keys(manifest).filter((k) => isJs(k) && !initial.has(k)).map(size);
  return {
    firstScreen,
    firstScreenJsGzip: firstScreen.reduce((sum, c) => sum + c.gzip, 0),
    lazy: lazy.sort((a, b) => b.gzip - a.gzip),
  };
}

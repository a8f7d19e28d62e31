import fs from "node:fs";
import path from "node:path";
import postcss, { type Declaration } from "postcss";
import type { Plugin } from "vite";

// Momentum's design tokens come as two stylesheets (light and dark) that declare ~800 custom
// properties on :root; the app reads a few dozen. Shipped as they are, they were 44 of the
// 70 KB of the stylesheet every screen waits for before it paints, and every element's style
// carries them. At build time each token stylesheet keeps only the custom properties the app
// reads: named in a var() or as a quoted name ("--x", a style set from code) anywhere in src/
// or index.html, or read by another token it keeps. Done as the file is loaded, before Vite
// names the stylesheet after its content, so a build that reads one more token gets a new
// file name, never a stale copy from a browser's cache.

const VAR_REFERENCE = /var\(\s*(--[\w-]+)/g;
const QUOTED_NAME = /["'`](--[\w-]+)/g;

/** The custom properties `text` names: every `--name` written in a var(), and quoted names if asked. */
export function namesIn(text: string, { quoted = false } = {}): string[] {
  const patterns = quoted ? [VAR_REFERENCE, QUOTED_NAME] : [VAR_REFERENCE];
  return patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match[1]));
}

/** Every custom property the app's own files (stylesheets, scripts, HTML) under `dirs` read. */
export function namesReadBy(files: string[]): Set<string> {
  return new Set(files.flatMap((file) => namesIn(fs.readFileSync(file, "utf8"), { quoted: true })));
}

/** The files under `dir` (recursively) whose names end with one of `extensions`. */
export function filesUnder(dir: string, extensions: string[]): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && extensions.some((ext) => entry.name.endsWith(ext)))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/**
 * `css` without the custom properties neither `read` nor a kept one of its own reads (and
 * without the rules that leaves empty). Other declarations stay as they are.
 */
export function pruneCustomProperties(css: string, read: ReadonlySet<string>): string {
  const root = postcss.parse(css);
  const custom: Declaration[] = [];
  const kept = new Set(read);
  root.walkDecls((decl) => {
    if (decl.prop.startsWith("--")) custom.push(decl);
    else for (const name of namesIn(decl.value)) kept.add(name);
  });
  // A kept custom property reads the ones in its value: follow until nothing new is read.
  for (let grew = true; grew; ) {
    grew = false;
    for (const decl of custom) {
      if (!kept.has(decl.prop)) continue;
      for (const name of namesIn(decl.value)) {
        if (kept.has(name)) continue;
        kept.add(name);
        grew = true;
      }
    }
  }
  for (const decl of custom) {
    if (kept.has(decl.prop)) continue;
    let node = decl.parent;
    decl.remove();
    // A rule (or an at-rule holding only rules) left with nothing in it goes too.
    while (node && (node.type === "rule" || node.type === "atrule") && node.nodes?.length === 0) {
      const up = node.parent;
      node.remove();
      node = up;
    }
  }
  return root.toString();
}

/** `vite build` only: Momentum's token stylesheets keep only what the app reads. */
export function pruneUnreadCustomProperties({ root }: { root: string }): Plugin {
  const tokens = /[\\/]@momentum-design[\\/]tokens[\\/].*\.css$/;
  let read: Set<string> | undefined;
  return {
    name: "prune-unread-custom-properties",
    apply: "build",
    // Before Vite's CSS plugin: it turns the stylesheet into a module and names its output.
    enforce: "pre",
    buildStart() {
      read = namesReadBy([...filesUnder(path.join(root, "src"), [".css", ".ts", ".tsx"]), path.join(root, "index.html")]);
    },
    transform(code, id) {
      if (!read || !tokens.test(id.split("?")[0])) return null;
      return { code: pruneCustomProperties(code, read), map: null };
    },
  };
}

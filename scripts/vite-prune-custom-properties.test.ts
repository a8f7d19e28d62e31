import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { filesUnder, namesIn, namesReadBy, pruneCustomProperties } from "./vite-prune-custom-properties";

// Momentum's token stylesheets keep only the custom properties the app reads (directly, from
// code, or through another kept token); everything else in them stays as it was.

const root = path.resolve(import.meta.dirname, "..");
const tokenFiles = ["light-stable.css", "dark-stable.css"].map((name) =>
  createRequire(import.meta.url).resolve(`@momentum-design/tokens/dist/css/theme/webex/${name}`),
);
const declared = (css: string) => new Set([...css.matchAll(/(--[\w-]+)\s*:/g)].map((m) => m[1]));

describe("pruning the custom properties nobody reads", () => {
  it("keeps what is read, and what a kept property reads, and drops the rest with the rules it empties", () => {
    const css = [
      ":root{--a:red;--b:var(--c);--c:blue;--unread:green;--unread-chain:var(--only-for-unread);--only-for-unread:1px}",
      "@media (prefers-color-scheme:dark){:root{--gone:black}}",
      ".x{color:var(--a);border-color:var(--from-code, var(--b))}",
      ".y{--own:2px;margin:var(--own)}",
    ].join("\n");
    const pruned = pruneCustomProperties(css, new Set(["--from-code"]));

    expect([...declared(pruned)].sort()).toEqual(["--a", "--b", "--c", "--own"]);
    expect(pruned).not.toContain("@media");
    expect(pruned).toContain(".x{color:var(--a);border-color:var(--from-code, var(--b))}");
  });

  it("counts a name read from code: in a var() or quoted as a style property", () => {
    expect(namesIn(`style={{ "--toast-space": "1rem", width: "var(--trigger-width)" }}`, { quoted: true }).sort()).toEqual([
      "--toast-space",
      "--trigger-width",
    ]);
    expect(namesIn(`"--not-a-var-reference"`)).toEqual([]);
  });

  it("leaves every token the app reads in Momentum's own stylesheets, and most of the others out", () => {
    const read = namesReadBy([...filesUnder(path.join(root, "src"), [".css", ".ts", ".tsx"]), path.join(root, "index.html")]);
    for (const file of tokenFiles) {
      const css = fs.readFileSync(file, "utf8");
      const before = declared(css);
      const after = declared(pruneCustomProperties(css, read));
      const readHere = [...read].filter((name) => before.has(name));
      expect(readHere.length).toBeGreaterThan(0);
      expect(readHere.filter((name) => !after.has(name))).toEqual([]);
      expect(after.size).toBeLessThan(before.size / 4);
    }
  });
});

import fs from "node:fs";
import path from "node:path";
import subsetFont from "subset-font";
import { describe, expect, it } from "vitest";
import { FONT_MODULE, interfaceFontSubset, subsetText } from "./vite-font-subset";

// The interface font ships as a Latin subset made at build time: every character the
// translations hold, the package's @font-face as it is (family, weights, swap, "ss02").

const root = path.resolve(import.meta.dirname, "..");
const localesDir = path.join(root, "public/locales");

async function subsetCss() {
  const plugin = interfaceFontSubset({ root });
  const resolveId = plugin.resolveId as (source: string) => Promise<string | null>;
  const cssFile = await resolveId(FONT_MODULE);
  if (!cssFile) throw new Error(`${FONT_MODULE} did not resolve`);
  return { cssFile, css: fs.readFileSync(cssFile, "utf8") };
}

describe("the interface font's subset", () => {
  it("keeps every character of both languages' translations, and Latin-1", () => {
    const text = subsetText(localesDir);
    for (const language of fs.readdirSync(localesDir)) {
      for (const file of fs.readdirSync(path.join(localesDir, language))) {
        const missing = [...fs.readFileSync(path.join(localesDir, language, file), "utf8")].filter((c) => c >= " " && !text.includes(c));
        expect(missing, `${language}/${file}`).toEqual([]);
      }
    }
    for (const c of "AZaz09ãçéõÁÉÍÓÚâêô€—…“”▾") expect(text).toContain(c);
  });

  it("is Momentum's @font-face as the package writes it, on a woff2 a fraction of the font's size", { timeout: 60_000 }, async () => {
    const { cssFile, css } = await subsetCss();
    expect(css).toMatch(/font-family: "Momentum";/);
    expect(css).toMatch(/font-display: swap;/);
    expect(css).toMatch(/font-feature-settings: "ss02" on;/);
    expect(css).toMatch(/font-weight: 1 1000;/);
    expect(css).toMatch(/unicode-range: U\+0020-007E, U\+00A0-00FF/);

    const url = /url\("?\.\/([^")]+)"?\)/.exec(css)?.[1];
    const subset = fs.readFileSync(path.join(path.dirname(cssFile), url!));
    const original = fs.readFileSync(path.join(root, "node_modules/@momentum-design/fonts/dist/inter/Inter.var.woff2"));
    expect(subset.subarray(0, 4).toString("latin1")).toBe("wOF2");
    expect(subset.length).toBeLessThan(original.length / 3);
    // Its OpenType features are kept: the stylistic set the @font-face turns on is still there
    // (read in the font's uncompressed form, which subsetting it again to itself gives).
    const sfnt = await subsetFont(subset, subsetText(localesDir), { targetFormat: "sfnt" });
    expect(sfnt.includes("ss02")).toBe(true);
  });
});

import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import * as hb from "harfbuzzjs";
import subsetFont from "subset-font";
import { beforeAll, describe, expect, it } from "vitest";

// The interface font is Momentum's Inter, whose @font-face turns on "ss02" (a slashed zero
// among its letters). No browser here to look at, so this shapes the real font with
// HarfBuzz, with the features the page ends up with: the @font-face's, then app.css's
// `font-feature-settings` on the root (which override them), plus tabular-nums (tnum) as
// the columns of numbers use it.

const require = createRequire(import.meta.url);
const fontsCss = fs.readFileSync(require.resolve("@momentum-design/fonts/dist/css/fonts.css"), "utf8");
const src = path.resolve(import.meta.dirname, "../src");
const appCss = fs.readFileSync(path.join(src, "app/app.css"), "utf8");

/** `"ss02" on, "tnum" 0` → { ss02: 1, tnum: 0 }. */
function featuresOf(settings: string): Record<string, number> {
  const features: Record<string, number> = {};
  for (const m of settings.matchAll(/"(\w{4})"\s*(on|off|\d+)?/g)) {
    features[m[1]] = m[2] === undefined || m[2] === "on" ? 1 : m[2] === "off" ? 0 : Number(m[2]);
  }
  return features;
}

const rootRule = /:root\s*\{([^}]*)\}/.exec(appCss)?.[1] ?? "";
const faceFeatures = featuresOf(/font-feature-settings:\s*([^;]+);/.exec(fontsCss)?.[1] ?? "");
const rootFeatures = featuresOf(/font-feature-settings:\s*([^;]+);/.exec(rootRule)?.[1] ?? "");

let glyphs: (text: string, features: Record<string, number>) => string[];

beforeAll(async () => {
  const woff2 = fs.readFileSync(path.resolve(path.dirname(require.resolve("@momentum-design/fonts/dist/css/fonts.css")), "../inter/Inter.var.woff2"));
  // The characters looked at, as the build subsets the font (every feature kept), unpacked for HarfBuzz.
  const sfnt = await subsetFont(woff2, "0123456789Ilx", { targetFormat: "sfnt" });
  const font = new hb.Font(new hb.Face(new hb.Blob(new Uint8Array(sfnt))));
  glyphs = (text, features) => {
    const buffer = new hb.Buffer();
    buffer.addText(text);
    buffer.guessSegmentProperties();
    hb.shape(font, buffer, Object.entries(features).map(([tag, value]) => new hb.Feature(tag, value)));
    return buffer.getGlyphInfos().map((g) => String(g.codepoint));
  };
});

describe("the interface font's figures", { timeout: 60_000 }, () => {
  it("come from a font whose own settings slash the zero (what app.css has to undo)", () => {
    expect(faceFeatures.ss02).toBe(1);
    const [, slashed] = glyphs("20", faceFeatures);
    expect(slashed).toBe(glyphs("0", { zero: 1 })[0]);
  });

  it("draw 2026 with a plain zero, in running text and in tabular columns", () => {
    const page = { ...faceFeatures, ...rootFeatures };
    for (const extra of [{}, { tnum: 1 }] as Record<string, number>[]) {
      const [, zero] = glyphs("2026", { ...page, ...extra });
      expect(zero).toBe(glyphs("0", extra)[0]);
      expect(zero).not.toBe(glyphs("0", { ...extra, zero: 1 })[0]);
    }
  });

  it("still tell a capital I from a small l, as Momentum's setting meant to", () => {
    const page = { ...faceFeatures, ...rootFeatures };
    expect(glyphs("Il", page)).toEqual(glyphs("Il", faceFeatures));
    expect(glyphs("Il", page)).not.toEqual(glyphs("Il", {}));
  });

  it("leave an x between digits an x, as the administrator typed it (Inter's contextual alternates draw 8x7 as 8×7)", () => {
    const page = { ...faceFeatures, ...rootFeatures };
    expect(glyphs("8x7", faceFeatures)[1]).not.toBe(glyphs("x", {})[0]);
    expect(glyphs("8x7", page)[1]).toBe(glyphs("x", {})[0]);
  });

  it("are never slashed by a rule of the app's own CSS", () => {
    const cssFiles = fs.readdirSync(src, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".css"));
    expect(cssFiles).toContain(path.join("app", "app.css"));
    for (const file of cssFiles.map((f) => path.join(src, f))) {
      for (const m of fs.readFileSync(file, "utf8").matchAll(/font-feature-settings:\s*([^;]+);/g)) {
        const features = featuresOf(m[1]);
        expect(features.zero ?? 0, file).toBe(0);
        expect(features.ss02 ?? 0, file).toBe(0);
      }
    }
  });
});

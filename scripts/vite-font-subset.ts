import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import subsetFont from "subset-font";
import type { Plugin } from "vite";

// The interface font is Momentum's Inter, a variable font of 318 KB holding every script
// Inter covers. The app writes English and Portuguese: a Latin / Latin-1 subset (≈ 76 KB)
// is made at build time by harfbuzz (subset-font, WebAssembly, nothing downloaded), with
// every OpenType feature kept (the font's "ss02" and the rest work as before), then
// preloaded by index.html so the first screen draws in it.

export const FONT_MODULE = "virtual:interface-font.css";

/** Latin and Latin-1, the general punctuation (dashes, quotes, ellipsis…), €, ™, arrows, − and ▾. */
export const LATIN_RANGES: readonly (readonly [number, number])[] = [
  [0x0020, 0x007e], [0x00a0, 0x00ff], [0x0131, 0x0131], [0x0152, 0x0153], [0x02c6, 0x02c6], [0x02da, 0x02da],
  [0x02dc, 0x02dc], [0x2000, 0x206f], [0x20ac, 0x20ac], [0x2122, 0x2122], [0x2190, 0x2193], [0x2212, 0x2212],
  [0x2215, 0x2215], [0x25be, 0x25be], [0xfeff, 0xfeff], [0xfffd, 0xfffd],
];

const hex = (code: number) => code.toString(16).toUpperCase().padStart(4, "0");
const UNICODE_RANGE = LATIN_RANGES.map(([from, to]) => (from === to ? `U+${hex(from)}` : `U+${hex(from)}-${hex(to)}`)).join(", ");

/** The characters the subset keeps: the ranges above and any character of the translations (public/locales). */
export function subsetText(localesDir: string): string {
  const chars = new Set<string>();
  for (const [from, to] of LATIN_RANGES) for (let code = from; code <= to; code++) chars.add(String.fromCodePoint(code));
  for (const language of fs.readdirSync(localesDir)) {
    for (const file of fs.readdirSync(path.join(localesDir, language))) {
      for (const char of fs.readFileSync(path.join(localesDir, language, file), "utf8")) if (char >= " ") chars.add(char);
    }
  }
  return [...chars].sort().join("");
}

/** The font's characters as CSS's unicode-range: the ranges, and whatever else the translations hold. */
function unicodeRangeOf(text: string): string {
  const inRanges = (code: number) => LATIN_RANGES.some(([from, to]) => code >= from && code <= to);
  const extra = [...text].map((c) => c.codePointAt(0)!).filter((code) => !inRanges(code));
  return [UNICODE_RANGE, ...extra.map((code) => `U+${hex(code)}`)].join(", ");
}

/**
 * `import "virtual:interface-font.css"`: Momentum's @font-face (its descriptors as the
 * package writes them: family, weights, `font-display: swap`, features) on the subset, which
 * is cached in node_modules/.cache by its inputs. Built, index.html preloads the font.
 */
export function interfaceFontSubset({ root }: { root: string }): Plugin {
  const require = createRequire(path.join(root, "package.json"));
  const fontsCss = require.resolve("@momentum-design/fonts/dist/css/fonts.css");
  const localesDir = path.join(root, "public/locales");
  const fileName = "Inter-latin.woff2";
  let made: Promise<string> | undefined;

  /** Makes the subset and its CSS once (or finds them cached); the CSS file's path. */
  const make = async () => {
    const css = fs.readFileSync(fontsCss, "utf8");
    const url = /url\("?([^")]+\.woff2)"?\)/.exec(css)?.[1];
    if (!url) throw new Error(`${fontsCss}: no woff2 font in its @font-face`);
    const font = fs.readFileSync(path.resolve(path.dirname(fontsCss), url));
    const text = subsetText(localesDir);
    const version = (require("subset-font/package.json") as { version: string }).version;
    const key = createHash("sha256").update(font).update(text).update(css).update(version).digest("hex").slice(0, 16);
    const dir = path.join(root, "node_modules/.cache/interface-font", key);
    const cssFile = path.join(dir, "interface-font.css");
    if (fs.existsSync(cssFile)) return cssFile;
    const subset = await subsetFont(font, text, { targetFormat: "woff2" });
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, fileName), subset);
    const rewritten = css.replace(url, `./${fileName}`).replace(/(font-display:[^;]+;)/, `$1\n    unicode-range: ${unicodeRangeOf(text)};`);
    fs.writeFileSync(cssFile, rewritten);
    return cssFile;
  };

  return {
    name: "interface-font-subset",
    enforce: "pre",
    resolveId(source) {
      if (source !== FONT_MODULE) return null;
      made ??= make();
      return made;
    },
    transformIndexHtml: {
      order: "post",
      handler(_html, { bundle }) {
        const font = bundle && Object.values(bundle).find((file) => file.type === "asset" && file.names.includes(fileName));
        if (!font) return [];
        return [
          {
            tag: "link",
            attrs: { rel: "preload", href: `/${font.fileName}`, as: "font", type: "font/woff2", crossorigin: "" },
            injectTo: "head",
          },
        ];
      },
    },
  };
}

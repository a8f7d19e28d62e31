import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REACT_ARIA_PRESSABLE_STYLE_HASH } from "./app";

// The Content-Security-Policy allows exactly one inline style, react-aria's pressable
// rule, by its hash. Read from the installed react-aria, so an upgrade that changes the
// rule fails here (with the hash to put in app.ts) rather than as a CSP error in a browser.
describe("the inline style the CSP allows", () => {
  it("is react-aria's pressable rule as installed", () => {
    const require = createRequire(import.meta.url);
    const root = path.dirname(require.resolve("react-aria/package.json"));
    const source = fs.readFileSync(path.join(root, "dist/private/interactions/usePress.js"), "utf8");
    const template = /style\.textContent = `([\s\S]*?)`\.trim\(\)/.exec(source)?.[1];
    expect(template, "react-aria no longer sets an inline style this way: check the CSP").toBeDefined();
    const attribute = /PRESSABLE_ATTRIBUTE = '([^']+)'/.exec(source)?.[1];
    const text = template!.replace(/\$\{[^}]*PRESSABLE_ATTRIBUTE\}/, attribute!).trim();
    const hash = `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
    expect(hash).toBe(REACT_ARIA_PRESSABLE_STYLE_HASH);
  });
});

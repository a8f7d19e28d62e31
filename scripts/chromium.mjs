// The one place that knows where a Chromium lives: `npm run test:e2e` checks for one
// (and installs Debian's when it can), Playwright's configuration launches it.
import fs from "node:fs";
import { chromium } from "playwright-core";

/** Where Debian and Ubuntu put their `chromium` package's browser. */
export const SYSTEM_CHROMIUM = ["/usr/lib/chromium/chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser"];

/**
 * The Chromium to drive: `E2E_CHROMIUM` when set, else Playwright's own build when
 * installed (`npx playwright install chromium`), else the system's; undefined when none.
 */
export function chromiumExecutable() {
  if (process.env.E2E_CHROMIUM) return process.env.E2E_CHROMIUM;
  try {
    const own = chromium.executablePath();
    if (fs.existsSync(own)) return own;
  } catch {
    // Playwright's own browser is not installed: fall through to the system's
  }
  return SYSTEM_CHROMIUM.find((p) => fs.existsSync(p));
}

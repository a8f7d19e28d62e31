import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test as base } from "@playwright/test";

export interface DemoLocation {
  id: string;
  name: string;
}

/** Fails the test with axe's own report when the page has any accessibility violation. */
export async function expectNoAxeViolations(page: Page, context: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  expect(summary, `axe violations on ${context}`).toEqual([]);
}

export const test = base.extend<{
  language: "en" | "pt-BR";
  locations: DemoLocation[];
  locationNamed: (name: string) => DemoLocation;
}>({
  language: ["en", { option: true }],
  // The chosen language is stored before the app loads, as a returning user's would be.
  page: async ({ page, language }, use) => {
    await page.addInitScript((lng) => {
      if (!localStorage.getItem("callParkAdmin.language")) localStorage.setItem("callParkAdmin.language", lng);
    }, language);
    await use(page);
  },
  locations: async ({ request }, use) => {
    const response = await request.get("/v1/locations");
    expect(response.ok()).toBeTruthy();
    await use((await response.json()).items);
  },
  locationNamed: async ({ locations }, use) => {
    await use((name) => {
      const found = locations.find((l) => l.name === name);
      if (!found) throw new Error(`no demo location named ${name}`);
      return found;
    });
  },
});

export { expect };

/** Picks a location in the form's searchable Location field, by keyboard and click as a user would. */
export async function chooseLocation(page: Page, label: string, name: string) {
  const combo = page.getByRole("combobox", { name: label });
  await combo.click();
  await combo.fill(name);
  await page.getByRole("option", { name, exact: true }).click();
  await expect(combo).toHaveValue(name);
}

/** A number unlikely to be taken, unique per call within a run. */
let counter = 0;
export function uniqueExtension(prefix = "7") {
  counter += 1;
  return `${prefix}${String(Date.now() % 100000).padStart(5, "0")}${counter}`.slice(0, 8);
}

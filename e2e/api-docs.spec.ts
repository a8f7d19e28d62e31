import AxeBuilder from "@axe-core/playwright";
import { DEMO_ADMINS, expect, test } from "./fixtures";

// The API reference page renders in a real browser under the app's strict CSP (the
// fixture fails the test on any violation), lists the operations from /openapi.json,
// and is reached from the user menu.

const EXTENSION_PATH = "/telephony/config/locations/{locationId}/callParkExtensions/{callParkExtensionId}";

test.describe("the API reference", () => {
  test.use({ role: null });

  test("lists every group and its operations, signed out, without a CSP violation", async ({ page }) => {
    const document = page.waitForResponse((response) => new URL(response.url()).pathname === "/docs/json");
    await page.goto("/docs");
    expect((await document).status()).toBe(200);
    await expect(page.getByRole("heading", { name: /Call Park Admin API/ })).toBeVisible();
    for (const tag of ["Call Park Extensions", "Call Park", "Call Park Settings", "Import jobs"]) {
      await expect(page.getByRole("heading").getByRole("link", { name: tag, exact: true })).toBeVisible();
    }
    const operation = page.locator(".opblock").filter({ hasText: EXTENSION_PATH }).filter({ hasText: "One call park extension" });
    await expect(operation).toBeVisible();

    // Opening an operation shows its parameters and its Webex error answers.
    await operation.locator(".opblock-summary-control").click();
    await expect(operation.locator(".parameter__name", { hasText: "callParkExtensionId" })).toBeVisible();
    await expect(operation.locator(".response-col_status", { hasText: /^\s*404\s*$/ })).toBeVisible();

    // Swagger UI's own markup fails a few of axe's rules and is not ours to fix: white
    // on its method badges' colours, links inside its operation buttons, headings that
    // skip a level, boxes outside landmarks, scrolling code samples without focus, a
    // server <select> without a name. Those are left out; every other rule holds.
    const results = await new AxeBuilder({ page })
      .disableRules(["color-contrast", "nested-interactive", "heading-order", "region", "scrollable-region-focusable"])
      .exclude("#servers")
      .analyze();
    const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    expect(summary, "axe violations on /docs").toEqual([]);
  });
});

test.describe("the user menu", () => {
  test("leads to the API reference", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("button", { name: new RegExp(DEMO_ADMINS.full.displayName) }).click();
    await page.getByRole("menuitem", { name: "API reference" }).click();
    await expect(page).toHaveURL(/\/docs$/);
    await expect(page.getByRole("heading", { name: /Call Park Admin API/ })).toBeVisible();
  });
});

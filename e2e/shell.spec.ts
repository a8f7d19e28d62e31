import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { expect, expectAppCodeAfterFirstPaint, expectAppRendered, expectNoAxeViolations, isAppCode, test } from "./fixtures";

test.describe("the Control Hub shell", () => {
  test("navigation, organisation name and the Features card with its count", async ({ page, request }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/services\/calling\/features$/);
    await expect(page.getByRole("heading", { level: 1, name: "Features" })).toBeVisible();
    await expect(page.getByText("Acme Telecom")).toBeVisible();
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const link of ["Locations", "Calling", "Tasks"]) await expect(nav.getByRole("link", { name: link })).toBeVisible();

    const total = Number((await request.get(urlOf(api.callParkExtensions.list, {}, { max: 1 }))).headers()["x-total-count"]);
    const card = page.getByRole("article", { name: "Call Park Extension" });
    // Exact: a count of 12 must not pass on "112 call park extensions".
    await expect(card.getByText(`${total} call park extensions`, { exact: true })).toBeVisible();
    await expect(card.getByRole("link", { name: "Add New call park extension", exact: true })).toBeVisible();
    await expect(card.getByRole("button", { name: "Manage call park extensions" })).toBeEnabled();
    await expectNoAxeViolations(page, "Features");

    await nav.getByRole("link", { name: "Locations" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Locations" })).toBeVisible();
    await expect(page.getByRole("cell", { name: "São Paulo", exact: true })).toBeVisible();
    await expectNoAxeViolations(page, "Locations");

    await nav.getByRole("link", { name: "Tasks" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Tasks" })).toBeVisible();
    await expectNoAxeViolations(page, "Tasks");
  });

  test("a returning administrator's first screen: the session and shared translations asked for once, by index.html's script", async ({ page }) => {
    await page.goto("/services/calling/features");
    await expect(page.getByRole("heading", { level: 1, name: "Features" })).toBeVisible();

    // Now the browser notes holding a session: the next visit asks for it early too.
    const asked: string[] = [];
    page.on("request", (request) => asked.push(new URL(request.url()).pathname));
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "Features" })).toBeVisible();
    await expect(page.getByRole("article", { name: "Call Park Extension" }).getByText(/^\d+ call park extensions$/)).toBeVisible();
    const early = ["/v1/session", "/locales/en/common.json", "/locales/en/validation.json", "/locales/en/errors.json", "/locales/en/auth.json"];
    for (const path of early) expect(asked.filter((p) => p === path), path).toHaveLength(1);
    // Every early response was taken by the app (none asked for twice, none left unused).
    expect(await page.evaluate(() => Object.keys((window as unknown as Record<string, object>).__callParkAdminEarlyFetches))).toEqual([]);
  });

  test.describe("in Portuguese, remembered", () => {
    test.use({ language: "pt-BR" });

    test("a signed-in administrator's first screen paints its frame, in their language, before the app's code comes", async ({ page }) => {
      for (const { address, heading, words } of [
        { address: "/services/calling/features", heading: "Recursos", words: "Qualquer pessoa da organização recupera uma chamada estacionada" },
        { address: "/services/calling/features/call-park-extensions", heading: "Ramais de estacionamento de chamadas", words: "Todos os ramais" },
      ]) {
        let release = () => {};
        const held = new Promise<void>((resolve) => (release = resolve));
        await page.route(isAppCode, async (route) => {
          await held;
          await route.continue();
        });
        await page.goto(address);
        // No code has run: the heading and words are the HTML's, in the remembered language, the shell around them.
        await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
        await expect(page.getByText(words)).toBeVisible();
        await expect(page.locator(".first-paint:visible")).toHaveCount(1);
        await expect(page.locator(".first-paint:visible .brand-name")).toHaveText("Call Park Admin");
        release();
        // The app replaces it with the same screen, its data and controls in.
        await expectAppRendered(page);
        await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
        await expect(page.getByRole("button", { name: "Tema escuro" })).toBeVisible();
        await expectAppCodeAfterFirstPaint(page);
        await page.unrouteAll();
      }
    });
  });

  test("an address of the call park groups from before their rename lands on the same screen", async ({ page }) => {
    await page.goto("/services/calling/features/call-park-groups?q=dock");
    await expect(page).toHaveURL(/\/services\/calling\/features\/call-parks\?q=dock$/);
    await expect(page.getByRole("heading", { level: 1, name: "Call Park Groups" })).toBeVisible();
  });

  test("the language switch changes every label and is remembered across visits", async ({ page }) => {
    await page.goto("/services/calling/features");
    await page.getByRole("combobox", { name: "Language" }).selectOption("pt-BR");
    await expect(page.getByRole("heading", { level: 1, name: "Recursos" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "pt-BR");
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "Recursos" })).toBeVisible();
    await expect(page.getByRole("article", { name: "Ramal de estacionamento de chamadas" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Principal" }).getByRole("link", { name: "Locais" })).toBeVisible();
    await expectNoAxeViolations(page, "Recursos (pt-BR)");
  });

  test("the theme switch turns dark, is remembered, and stays accessible", async ({ page }) => {
    await page.goto("/services/calling/features");
    const toggle = page.getByRole("button", { name: "Dark theme" });
    await expect(toggle).toHaveAttribute("aria-pressed", "false");
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-pressed", "true");
    await expect(page.locator("html")).toHaveClass(/mds-theme-stable-darkWebex/);
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "Features" })).toBeVisible();
    await expect(page.locator("html")).toHaveClass(/mds-theme-stable-darkWebex/);
    await expectNoAxeViolations(page, "Features, dark theme");
  });

  test("every page comes with the security headers: a CSP without inline script, no sniffing, no framing", async ({ page }) => {
    const response = await page.goto("/services/calling/features");
    const headers = response!.headers();
    expect(headers["content-security-policy"]).toContain("script-src 'self'");
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"]).not.toContain("unsafe-inline");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["x-frame-options"]).toBe("DENY");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });
});

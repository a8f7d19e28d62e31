import type { Page } from "@playwright/test";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { DEMO_ADMINS, DEMO_PASSWORD, expect, expectAppCodeAfterFirstPaint, expectNoAxeViolations, isAppCode, type Role, test } from "./fixtures";

// Sign-in, the user menu, sign-out and personal access tokens, against the real server.
// The server counts failed sign-ins per address (20 per 15 minutes for every spec of the
// run), so this spec fails exactly one, on purpose.

const FEATURES = /\/services\/calling\/features$/;
const ROLE_NAMES: Record<Role, string> = {
  full: "Full administrator",
  readOnly: "Read-only administrator",
  location: "Location administrator",
};

async function signIn(page: Page, role: Role, labels = { email: "Email address", password: "Password", submit: "Sign in" }) {
  await page.getByLabel(labels.email).fill(DEMO_ADMINS[role].email);
  await page.getByLabel(labels.password).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: labels.submit, exact: true }).click();
}

const userMenu = (page: Page, role: Role) => page.getByRole("button", { name: new RegExp(DEMO_ADMINS[role].displayName) });

test.describe("signing in", () => {
  test.use({ role: null });

  for (const role of Object.keys(DEMO_ADMINS) as Role[]) {
    test(`as the ${role} demo account lands on Features with their name in the user menu`, async ({ page }) => {
      await page.goto("/");
      await expect(page).toHaveURL(/\/sign-in$/);
      await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
      await signIn(page, role);
      await expect(page).toHaveURL(FEATURES);
      await expect(page.getByRole("heading", { level: 1, name: "Features" })).toBeVisible();
      await expect(userMenu(page, role)).toContainText(ROLE_NAMES[role]);
    });
  }

  test("a deep link signed out goes to sign-in and back to the link; the page is accessible", async ({ page }) => {
    await page.goto("/tasks?status=active");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Ftasks%3Fstatus%3Dactive$/);
    await expect(page.getByRole("main")).toBeVisible();
    await expect(page.getByLabel("Email address")).toBeFocused();
    await expectNoAxeViolations(page, "Sign in");
    await signIn(page, "readOnly");
    await expect(page).toHaveURL(/\/tasks\?status=active$/);
    await expect(page.getByRole("heading", { level: 1, name: "Tasks" })).toBeVisible();
  });

  test("a first visit to sign-in paints its words before asking for the app's code", async ({ page }) => {
    const requested: string[] = [];
    page.on("request", (request) => requested.push(request.url()));
    // Held stylesheet, held paint: the page is parsed, and asks for no code until it has painted.
    let releaseStyles = () => {};
    const styles = new Promise<void>((resolve) => (releaseStyles = resolve));
    await page.route("**/assets/*.css", async (route) => {
      await styles;
      await route.continue();
    });
    await page.goto("/sign-in", { waitUntil: "domcontentloaded" });
    expect(requested.filter((url) => url.includes("/first-paint-"))).toHaveLength(1);
    expect(requested.filter(isAppCode)).toEqual([]);
    releaseStyles();
    await expect(page.getByLabel("Email address")).toBeFocused();
    await expectAppCodeAfterFirstPaint(page);
  });

  test("by keyboard only: Tab, type, Enter", async ({ page }) => {
    await page.goto("/sign-in?next=%2Flocations");
    await expect(page.getByLabel("Email address")).toBeFocused();
    await page.keyboard.type(DEMO_ADMINS.location.email);
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Password")).toBeFocused();
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/locations$/);
    await expect(page.getByRole("cell", { name: "São Paulo", exact: true })).toBeVisible();
    await expect(userMenu(page, "location")).toBeVisible();
  });

  test("an empty form is checked in the page, without asking the server", async ({ page }) => {
    await page.goto("/sign-in");
    let posted = false;
    page.on("request", (request) => {
      const signIn = api.session.signIn;
      if (request.method() === signIn.method && new URL(request.url()).pathname === urlOf(signIn)) posted = true;
    });
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByText("This field is required.")).toHaveCount(2);
    await expect(page.getByLabel("Email address")).toBeFocused();
    expect(posted).toBe(false);
  });

  test("signed in already, the sign-in page goes straight on", async ({ page }) => {
    await page.goto("/sign-in");
    await signIn(page, "full");
    await expect(page).toHaveURL(FEATURES);
    await page.goto("/sign-in?next=%2Ftasks");
    await expect(page).toHaveURL(/\/tasks$/);
  });

  test("the language switch on the sign-in page translates it before signing in", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByRole("combobox", { name: "Language" }).selectOption("pt-BR");
    await expect(page.getByRole("heading", { level: 1, name: "Entrar" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "pt-BR");
    await signIn(page, "full", { email: "Endereço de e-mail", password: "Senha", submit: "Entrar" });
    await expect(page.getByRole("heading", { level: 1, name: "Recursos" })).toBeVisible();
    await expect(userMenu(page, "full")).toContainText("Administrador completo");
  });
});

test.describe("signing in, in Portuguese", () => {
  test.use({ role: null, language: "pt-BR" });

  test("the page is translated, and a wrong password says so beside the form (one attempt only)", async ({ page }) => {
    await page.goto("/sign-in");
    await expect(page.getByRole("heading", { level: 1, name: "Entrar" })).toBeVisible();
    await expect(page.getByRole("combobox", { name: "Idioma" })).toHaveValue("pt-BR");
    await page.getByLabel("Endereço de e-mail").fill(DEMO_ADMINS.full.email);
    await page.getByLabel("Senha").fill("not-the-password");
    await page.getByRole("button", { name: "Entrar", exact: true }).click();
    const alert = page.getByRole("alert");
    await expect(alert).toContainText("O endereço de e-mail ou a senha não estão corretos.");
    await expect(page.getByLabel("Senha")).toBeFocused();
    await expect(page).toHaveURL(/\/sign-in$/);
    await expectNoAxeViolations(page, "Entrar, with the error (pt-BR)");
  });
});

test.describe("signing out", () => {
  test.use({ role: null });

  test("ends the session on the server, and screens ask to sign in again", async ({ page, context, playwright, baseURL }) => {
    await page.goto("/sign-in");
    await signIn(page, "full");
    const menu = userMenu(page, "full");
    await expect(menu).toBeEnabled();
    const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    expect((await page.request.get(urlOf(api.session.get))).status()).toBe(200);

    await menu.click();
    await expect(page.getByRole("menuitem", { name: "Profile and access tokens" })).toBeVisible();
    await expectNoAxeViolations(page, "the open user menu");
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();

    expect((await page.request.get(urlOf(api.session.get))).status()).toBe(401);
    // The old cookie itself no longer opens anything: the session ended on the server.
    const replay = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie } });
    expect((await replay.get(urlOf(api.session.get))).status()).toBe(401);
    await replay.dispose();

    await page.goto("/locations");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Flocations$/);
  });
});

test.describe("profile and personal access tokens", () => {
  test("a token made in the profile acts as its owner until revoked in the UI", async ({ page, playwright, baseURL }) => {
    const name = `e2e token ${Date.now()}`;
    await page.goto("/services/calling/features");
    await userMenu(page, "full").click();
    await page.getByRole("menuitem", { name: "Profile and access tokens" }).click();
    await expect(page).toHaveURL(/\/profile$/);
    await expect(page.getByRole("heading", { level: 1, name: "Profile" })).toBeVisible();
    await expect(page.getByText(DEMO_ADMINS.full.email)).toBeVisible();
    await expect(page.getByRole("main").getByText("Full administrator")).toBeVisible();
    await expectNoAxeViolations(page, "Profile");

    await page.getByRole("button", { name: "Create token" }).click();
    const form = page.getByRole("dialog", { name: "Create access token" });
    await form.getByLabel("Token name").fill(name);
    await form.getByRole("button", { name: "Create token" }).click();
    const shown = page.getByRole("dialog", { name: "Access token created" });
    const field = shown.getByLabel("Your new access token");
    await expect(field).toHaveValue(/^cpa_/);
    const token = await field.inputValue();
    await expect(shown.getByText("it will not be shown again")).toBeVisible();
    await expectNoAxeViolations(page, "Profile, the new token shown");
    await shown.getByRole("button", { name: "Done" }).click();
    await expect(shown).toBeHidden();
    await expect(page.getByText(token)).toHaveCount(0);
    const row = page.getByRole("row").filter({ has: page.getByRole("cell", { name, exact: true }) });
    await expect(row).toContainText(`…${token.slice(-4)}`);

    // A client with no cookies at all, only the token.
    const script = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
    const me = await script.get(urlOf(api.people.me));
    expect(me.status()).toBe(200);
    expect((await me.json()).displayName).toBe(DEMO_ADMINS.full.displayName);

    await row.getByRole("button", { name: `Revoke token ${name}` }).click();
    const confirm = page.getByRole("alertdialog", { name: "Revoke access token" });
    await confirm.getByRole("button", { name: "Revoke" }).click();
    await expect(confirm).toBeHidden();
    await expect(page.getByRole("cell", { name, exact: true })).toHaveCount(0);
    expect((await script.get(urlOf(api.people.me))).status()).toBe(401);
    await script.dispose();
  });
});

test.describe("profile of a location administrator", () => {
  test.use({ role: "location" });

  test("names the locations they manage", async ({ page }) => {
    await page.goto("/profile");
    await expect(page.getByRole("main").getByText("Location administrator")).toBeVisible();
    await expect(page.getByRole("definition").filter({ hasText: "São Paulo" })).toBeVisible();
  });
});

import type { APIRequestContext, Page } from "@playwright/test";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { chooseLocation, expect, expectNoAxeViolations, test } from "./fixtures";

// Free numbers: Add New with a taken extension offers the free ones nearest to it, one click
// each; the one clicked is checked again, saved, and listed. Every location of the demo
// organisation has people at 1001–1036, so 1002 is taken wherever the test looks.

const LIST = "/services/calling/features/call-park-extensions";
const TAKEN = "1002";

/** Who holds 1002 and which free extensions the server offers instead, as it stands now (other specs may have taken some). */
async function whatTheServerSays(request: APIRequestContext, locationId: string) {
  const checked = await request.post(urlOf(api.callParkExtensions.validateExtensions, { locationId }), { data: { extensions: [TAKEN] } });
  const [status] = (await checked.json()).extensionStatus;
  expect(status.state).toBe("DUPLICATE");
  const suggested = await request.post(urlOf(api.callParkExtensions.suggestExtensions, { locationId }), { data: { near: TAKEN } });
  expect(suggested.status()).toBe(200);
  const { extensions } = (await suggested.json()) as { extensions: string[] };
  expect(extensions).toHaveLength(3);
  return { owner: status.owner.name as string, free: extensions };
}

/** Removes what a test made, so the worker's server is as it found it. */
async function removeMade(request: APIRequestContext, locationId: string, extension: string) {
  const listed = await request.get(urlOf(api.callParkExtensions.list, {}, { locationId, extension }));
  for (const made of (await listed.json()).callParkExtensions as { id: string; extension: string }[]) {
    if (made.extension !== extension) continue;
    const removed = await request.delete(urlOf(api.callParkExtensions.delete, { locationId, callParkExtensionId: made.id }));
    expect(removed.status()).toBe(204);
  }
}

/** The list searched for one extension: its row, once the list follows the search. */
async function rowOf(page: Page, search: string, extension: string, name: string) {
  await page.getByRole("searchbox", { name: search }).fill(extension);
  await expect(page).toHaveURL((url) => url.searchParams.get("q") === extension);
  return page.getByRole("row", { name: new RegExp(name) });
}

test.describe("free numbers, in English", () => {
  test("a taken extension offers the nearest free ones; one click uses one, and it is saved", async ({ page, request, locationNamed }) => {
    const sanJose = locationNamed("San Jose HQ");
    const { owner, free } = await whatTheServerSays(request, sanJose.id);
    const [, picked] = free;
    const name = `Overflow ${picked}`;

    await page.goto(`${LIST}/new`);
    await expect(page.getByRole("heading", { level: 1, name: "Add call park extension" })).toBeVisible();
    await chooseLocation(page, "Location", "San Jose HQ");
    await page.getByLabel("Call park extension name").fill(name);
    const field = page.getByLabel("Extension", { exact: true });
    await field.fill(TAKEN);

    const message = page.getByText(`Extension ${TAKEN} is already used by the person ${owner}. ${free[0]}, ${free[1]} and ${free[2]} are free.`);
    await expect(message).toBeVisible();
    await expect(field).toHaveAttribute("aria-invalid", "true");
    for (const extension of free) await expect(message.getByRole("button", { name: extension, exact: true })).toBeVisible();
    await expectNoAxeViolations(page, "Add call park extension, a taken extension with free ones offered");

    await message.getByRole("button", { name: picked, exact: true }).click();
    await expect(field).toHaveValue(picked);
    await expect(field).toBeFocused();
    await expect(page.getByText("This extension is available.")).toBeVisible();
    await expect(field).not.toHaveAttribute("aria-invalid", "true");
    await page.getByRole("button", { name: "Save" }).click();

    await expect(page).toHaveURL(new RegExp(`${LIST}$`));
    await expect(page.getByText("Call park extension created.")).toBeVisible();
    const row = await rowOf(page, "Search", picked, name);
    await expect(row.getByRole("cell", { name: picked, exact: true })).toBeVisible();
    await expect(row.getByRole("cell", { name: "San Jose HQ", exact: true })).toBeVisible();
    await expectNoAxeViolations(page, "Call Park Extensions list with the suggested extension");

    await removeMade(request, sanJose.id, picked);
  });
});

test.describe("números livres, em português", () => {
  test.use({ language: "pt-BR", locale: "pt-BR" });

  test("um ramal em uso oferece os livres mais próximos, num telefone; um clique usa um, que é salvo", async ({ page, request, locationNamed }) => {
    const floripa = locationNamed("Florianópolis");
    const { owner, free } = await whatTheServerSays(request, floripa.id);
    const [picked] = free;
    const name = `Excedente ${picked}`;
    await page.setViewportSize({ width: 375, height: 800 });

    await page.goto(`${LIST}/new`);
    await expect(page.getByRole("heading", { level: 1, name: "Adicionar ramal de estacionamento de chamadas" })).toBeVisible();
    await chooseLocation(page, "Local", "Florianópolis");
    await page.getByLabel("Nome do ramal de estacionamento de chamadas").fill(name);
    const field = page.getByLabel("Ramal", { exact: true });
    await field.fill(TAKEN);

    const message = page.getByText(`O ramal ${TAKEN} já é usado pela pessoa ${owner}. ${free[0]}, ${free[1]} e ${free[2]} estão livres.`);
    await expect(message).toBeVisible();
    for (const extension of free) await expect(message.getByRole("button", { name: extension, exact: true })).toBeInViewport();
    // On a phone the sentence wraps: nothing runs past the window's edge.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectNoAxeViolations(page, "Adicionar ramal (pt-BR), um ramal em uso com os livres oferecidos");

    // By keyboard: from the field, Tab reaches the first one offered and Enter takes it.
    await field.focus();
    await page.keyboard.press("Tab");
    await expect(message.getByRole("button", { name: picked, exact: true })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(field).toHaveValue(picked);
    await expect(page.getByText("Este ramal está disponível.")).toBeVisible();
    await page.getByRole("button", { name: "Salvar" }).click();

    await expect(page).toHaveURL(new RegExp(`${LIST}$`));
    await expect(page.getByText("Ramal de estacionamento de chamadas criado.")).toBeVisible();
    const row = await rowOf(page, "Pesquisar", picked, name);
    await expect(row.getByRole("cell", { name: "Florianópolis", exact: true })).toBeVisible();
    await expectNoAxeViolations(page, "Ramais de estacionamento de chamadas (pt-BR) com o ramal sugerido");

    await removeMade(request, floripa.id, picked);
  });
});

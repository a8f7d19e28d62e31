import type { APIRequestContext, Locator, Page } from "@playwright/test";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { jobFinished } from "./bulk-manage-helpers";
import { expect, expectNoAxeViolations, test } from "./fixtures";

// Add a range: consecutive call park extensions, named from a pattern, checked through the
// bulk import's dry run (the ones taken shown with who holds them) and created as a task.
// In New York Office, where people hold 1001–1036: a range across 1036 meets a taken one.

const LIST = "/services/calling/features/call-park-extensions";
const LOCATION = "New York Office";

/** Chooses the range's location in the dialog (the list behind has a location filter of its own). */
async function chooseLocationIn(page: Page, dialog: Locator, label: string, name: string) {
  const combo = dialog.getByRole("combobox", { name: label });
  await combo.fill(name);
  await page.getByRole("option", { name, exact: true }).click();
  await expect(combo).toHaveValue(name);
}

/** Each extension of the range, taken (and by whom) or free, as the server says now. */
async function statesOf(request: APIRequestContext, locationId: string, extensions: string[]) {
  const checked = await request.post(urlOf(api.callParkExtensions.validateExtensions, { locationId }), { data: { extensions } });
  expect(checked.status()).toBe(200);
  return (await checked.json()).extensionStatus as { extension: string; state: string; owner?: { name?: string } }[];
}

/** Removes the call park extensions a test made (named with `prefix`). */
async function removeMade(request: APIRequestContext, locationId: string, prefix: string) {
  const listed = await request.get(urlOf(api.callParkExtensions.list, {}, { locationId, name: prefix, max: 200 }));
  for (const made of (await listed.json()).callParkExtensions as { id: string; name: string }[]) {
    if (!made.name.startsWith(prefix)) continue;
    expect((await request.delete(urlOf(api.callParkExtensions.delete, { locationId, callParkExtensionId: made.id }))).status()).toBe(204);
  }
}

async function namesIn(request: APIRequestContext, locationId: string, prefix: string) {
  const listed = await request.get(urlOf(api.callParkExtensions.list, {}, { locationId, name: prefix, max: 200 }));
  return ((await listed.json()).callParkExtensions as { name: string; extension: string }[])
    .filter((c) => c.name.startsWith(prefix))
    .map((c) => `${c.name} ${c.extension}`)
    .sort();
}

test.describe("add a range of call park extensions, in English", () => {
  test("checks each extension of the range, shows the taken one with its holder, and creates the others as a task", async ({ page, request, locationNamed }) => {
    const { id: locationId } = locationNamed(LOCATION);
    const prefix = "Range test";
    await removeMade(request, locationId, prefix);
    const range = ["1034", "1035", "1036", "1037", "1038"];
    const states = await statesOf(request, locationId, range);
    const free = states.filter((s) => s.state === "VALID").map((s) => s.extension);
    const taken = states.filter((s) => s.state !== "VALID");
    expect(taken.length, "people hold 1034–1036").toBeGreaterThan(0);
    expect(free.length, "1037 and 1038 are free").toBeGreaterThan(0);

    await page.goto(LIST);
    await page.getByRole("link", { name: "Add a range", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${LIST}/range$`));
    const dialog = page.getByRole("dialog", { name: "Add a range of call park extensions" });
    await chooseLocationIn(page, dialog, "Location", LOCATION);
    await dialog.getByRole("textbox", { name: "First extension" }).fill("1034");
    await dialog.getByRole("textbox", { name: "Last extension" }).fill("1038");
    await dialog.getByRole("textbox", { name: "Name pattern" }).fill(`${prefix} {ext}`);
    await expect(dialog.getByText(`5 call park extensions: ${prefix} 1034 (1034) to ${prefix} 1038 (1038).`)).toBeVisible();
    await dialog.getByRole("button", { name: "Check the range" }).click();

    await expect(dialog.getByText(new RegExp(`^5 rows: ${free.length} to create, 0 to update, 0 to delete, 0 unchanged, ${taken.length} with errors`))).toBeVisible();
    const preview = dialog.getByRole("table", { name: "What each row of the file would do" });
    for (const held of taken) {
      const row = preview.getByRole("row").filter({ hasText: `${prefix} ${held.extension}` });
      await expect(row).toContainText(held.owner?.name ?? "");
    }
    // A taken one: the free extensions of its length nearest to it, when asked, leaving out
    // those the range itself creates.
    const [first] = taken;
    const suggested = await request.post(urlOf(api.callParkExtensions.suggestExtensions, { locationId }), {
      data: { near: first.extension, exclude: free },
    });
    const nearby = (await suggested.json()).extensions as string[];
    expect(nearby).toHaveLength(3);
    const takenRow = preview.getByRole("row").filter({ hasText: `${prefix} ${first.extension}` });
    await takenRow.getByRole("button", { name: `Find free extensions near ${first.extension}` }).click();
    await expect(takenRow.getByText(`${nearby[0]}, ${nearby[1]} and ${nearby[2]} are free.`)).toBeVisible();
    await expectNoAxeViolations(page, "Add a range, checked");

    await dialog.getByRole("button", { name: "Create", exact: true }).click();
    await expect(dialog.getByText("Import task started")).toBeVisible();
    await dialog.getByRole("link", { name: "Open the task" }).click();
    await expect(page).toHaveURL(/\/tasks\/[^/]+$/);
    const jobId = decodeURIComponent(new URL(page.url()).pathname.split("/").at(-1)!);
    await jobFinished(request, jobId);
    expect(await namesIn(request, locationId, prefix)).toEqual(free.map((e) => `${prefix} ${e} ${e}`).sort());
    await removeMade(request, locationId, prefix);
  });
});

test.describe("adicionar um intervalo de ramais, em português, num telefone", () => {
  test.use({ language: "pt-BR", locale: "pt-BR", viewport: { width: 375, height: 800 } });

  test("a partir do primeiro ramal e de uma quantidade, pelo cartão de recursos", async ({ page, request, locationNamed }) => {
    const { id: locationId } = locationNamed(LOCATION);
    const prefix = "Intervalo";
    await removeMade(request, locationId, prefix);
    const states = await statesOf(request, locationId, ["1040", "1041"]);
    expect(states.map((s) => s.state)).toEqual(["VALID", "VALID"]);

    await page.goto("/services/calling/features");
    await page.getByRole("button", { name: "Gerenciar ramais de estacionamento de chamadas" }).click();
    await page.getByRole("menuitem", { name: "Adicionar um intervalo" }).click();
    const dialog = page.getByRole("dialog", { name: "Adicionar um intervalo de ramais de estacionamento de chamadas" });
    await chooseLocationIn(page, dialog, "Local", LOCATION);
    await dialog.getByRole("textbox", { name: "Primeiro ramal" }).fill("1040");
    await dialog.getByRole("radio", { name: "Uma quantidade de ramais" }).check();
    await dialog.getByRole("spinbutton", { name: "Quantos" }).fill("2");
    await dialog.getByRole("textbox", { name: "Padrão de nome" }).fill(`${prefix} {n}`);
    await expect(dialog.getByText(`2 ramais de estacionamento de chamadas: de ${prefix} 1 (1040) a ${prefix} 2 (1041).`)).toBeVisible();
    await dialog.getByRole("button", { name: "Verificar o intervalo" }).click();
    await expect(dialog.getByRole("table", { name: "O que cada linha do arquivo faria" }).getByRole("row")).toHaveCount(3);
    await expectNoAxeViolations(page, "Adicionar um intervalo, verificado");
    // At 375 px nothing scrolls sideways, and Create is within the window.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const create = dialog.getByRole("button", { name: "Criar", exact: true });
    await create.scrollIntoViewIfNeeded();
    const box = await create.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 375).toBe(true);
    await dialog.getByRole("button", { name: "Criar", exact: true }).click();
    await dialog.getByRole("link", { name: "Abrir a tarefa" }).click();
    await expect(page).toHaveURL(/\/tasks\/[^/]+$/);
    await jobFinished(request, decodeURIComponent(new URL(page.url()).pathname.split("/").at(-1)!));
    expect(await namesIn(request, locationId, prefix)).toEqual([`${prefix} 1 1040`, `${prefix} 2 1041`]);
    await removeMade(request, locationId, prefix);
  });
});

import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { chooseLocation, expect, expectNoAxeViolations, test, uniqueExtension } from "./fixtures";

const LIST = "/services/calling/features/call-park-extensions";

test.describe("call park extensions, in English", () => {
  test("create, edit and delete from the Features card", async ({ page }) => {
    const extension = uniqueExtension("71");
    const name = `Lobby park ${extension}`;
    await page.goto("/services/calling/features");
    await page.getByRole("link", { name: "Add New call park extension", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Add call park extension" })).toBeVisible();
    await expectNoAxeViolations(page, "Add call park extension");

    await chooseLocation(page, "Location", "San Jose HQ");
    await page.getByLabel("Call park extension name").fill(name);
    await page.getByLabel("Extension", { exact: true }).fill(extension);
    await expect(page.getByText("This extension is available.")).toBeVisible();
    await page.getByRole("button", { name: "Save" }).click();

    await expect(page).toHaveURL(new RegExp(`${LIST}$`));
    await expect(page.getByRole("alert").or(page.getByRole("status")).getByText("Call park extension created.")).toBeVisible();
    await page.getByRole("searchbox", { name: "Search" }).fill(extension);
    // The list follows the search once typing pauses: wait for it, so no row of the list before it is taken.
    await expect(page).toHaveURL((url) => url.searchParams.get("q") === extension);
    const row = page.getByRole("row", { name: new RegExp(name) });
    await expect(row).toBeVisible();
    await expect(row.getByRole("cell", { name: "San Jose HQ", exact: true })).toBeVisible();
    await expectNoAxeViolations(page, "Call Park Extensions list");

    await row.getByRole("link", { name: `Edit ${name}` }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page.getByText("San Jose HQ", { exact: true })).toBeVisible();
    await expectNoAxeViolations(page, "Edit call park extension");
    const renamed = `Dock ${extension}`;
    await page.getByLabel("Call park extension name").fill(renamed);
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Call park extension saved.")).toBeVisible();
    await page.getByRole("searchbox", { name: "Search" }).fill(extension);
    // The list follows the search once typing pauses: wait for it, so no row of the list before it is taken.
    await expect(page).toHaveURL((url) => url.searchParams.get("q") === extension);
    const renamedRow = page.getByRole("row", { name: new RegExp(renamed) });
    await expect(renamedRow).toBeVisible();

    await renamedRow.getByRole("button", { name: `Delete ${renamed}` }).click();
    const dialog = page.getByRole("alertdialog", { name: "Delete call park extension?" });
    await expect(dialog).toContainText(`${renamed} (extension ${extension})`);
    await expectNoAxeViolations(page, "Delete confirmation");
    await dialog.getByRole("button", { name: "Delete" }).click();
    await expect(page.getByText("Call park extension deleted.")).toBeVisible();
    await expect(page.getByText("No call park extension matches this search.")).toBeVisible();
  });

  test("a taken extension is reported on the field, naming what holds it", async ({ page, request, locationNamed }) => {
    const saoPaulo = locationNamed("São Paulo");
    const check = await request.post(urlOf(api.callParkExtensions.validateExtensions, { locationId: saoPaulo.id }), {
      data: { extensions: ["1001", "4001"] },
    });
    const [person, huntGroup] = (await check.json()).extensionStatus;
    expect(person.owner.type).toBe("PEOPLE");

    await page.goto(`${LIST}/new`);
    await chooseLocation(page, "Location", "São Paulo");
    await page.getByLabel("Call park extension name").fill("Recepção");
    const field = page.getByLabel("Extension", { exact: true });
    await field.fill("1001");
    await expect(page.getByText(`Extension 1001 is already used by the person ${person.owner.name}.`)).toBeVisible();
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page).toHaveURL(new RegExp(`${LIST}/new$`));

    await field.fill("4001");
    await expect(page.getByText(`Extension 4001 is already used by the hunt group ${huntGroup.owner.name}.`)).toBeVisible();
    await field.fill("5001");
    await expect(page.getByText(/Extension 5001 is already used by the call park extension Estacionamento 01/)).toBeVisible();
  });

  test("the 101st call park extension of a location is refused with a clear message", async ({ page, request, locationNamed }) => {
    const london = locationNamed("London");
    const count = async () =>
      Number((await request.get(urlOf(api.callParkExtensions.list, {}, { locationId: london.id, max: 1 }))).headers()["x-total-count"]);
    // Made here and removed at the end: a later test on this worker's server may add one in London.
    const made: string[] = [];
    for (let i = await count(); i < 100; i++) {
      const response = await request.post(urlOf(api.callParkExtensions.create, { locationId: london.id }), {
        data: { name: `Bay ${i + 1}`, extension: String(6000 + i) },
      });
      expect(response.status()).toBe(201);
      made.push((await response.json()).id);
    }
    expect(await count()).toBe(100);

    await page.goto(`${LIST}/new`);
    // The picker marks the location full, and the form says so before Save, never "available".
    const combo = page.getByRole("combobox", { name: "Location" });
    await combo.click();
    await combo.fill("London");
    await page.getByRole("option", { name: /^London\s*Full \(100 of 100\)$/ }).click();
    await page.getByLabel("Call park extension name").fill("One too many");
    await page.getByLabel("Extension", { exact: true }).fill("6900");
    await expect(page.getByText("This location already has the maximum of 100 call park extensions.")).toBeVisible();
    await expect(page.getByText("This extension is available.")).toHaveCount(0);
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("This location already has the maximum of 100 call park extensions.")).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`${LIST}/new$`));
    expect(await count()).toBe(100);

    for (const callParkExtensionId of made) {
      const removed = await request.delete(urlOf(api.callParkExtensions.delete, { locationId: london.id, callParkExtensionId }));
      expect(removed.status()).toBe(204);
    }
  });

  test("search, location filter, sort and page live in the URL", async ({ page }) => {
    await page.goto(LIST);
    await page.getByRole("searchbox", { name: "Search" }).fill("Estacionamento");
    await expect(page).toHaveURL(/q=Estacionamento/);
    await page.getByRole("combobox", { name: "Location", exact: true }).fill("Florianópolis");
    await page.getByRole("option", { name: "Florianópolis", exact: true }).click();
    await expect(page).toHaveURL(/location=/);
    await expect(page.getByRole("row")).toHaveCount(7);
    // The second click turns the order the first one set: it waits for that order to show.
    const extensionHeader = page.getByRole("columnheader", { name: "Extension", exact: true });
    await extensionHeader.getByRole("button").click();
    await expect(extensionHeader).toHaveAttribute("aria-sort", "ascending");
    await extensionHeader.getByRole("button").click();
    await expect(page).toHaveURL(/sort=extension-desc/);
    await expect(page.getByRole("row").nth(1)).toContainText("5006");

    await page.reload();
    await expect(page.getByRole("searchbox", { name: "Search" })).toHaveValue("Estacionamento");
    await expect(page.getByRole("combobox", { name: "Location", exact: true })).toHaveValue("Florianópolis");
    await expect(page.getByRole("row").nth(1)).toContainText("5006");
    await expect(extensionHeader).toHaveAttribute("aria-sort", "descending");
    await page.getByRole("link", { name: "Add New", exact: true }).click();
    await expect(page.getByRole("combobox", { name: "Location" })).toHaveValue("Florianópolis");

    await page.goto(LIST);
    await expect(page.getByText(/^1–25 of \d+$/)).toBeVisible();
    await page.getByRole("button", { name: "Next" }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page.getByText(/^26–/)).toBeVisible();
    await page.goBack();
    await expect(page.getByText(/^1–25 of/)).toBeVisible();
  });

  test("keyboard only: add a call park extension without touching the mouse", async ({ page }) => {
    const extension = uniqueExtension("72");
    await page.goto(LIST);
    // The app's list, not the frame the HTML painted before it (inert: Tab reaches nothing in it).
    await expect(page.getByText(/^1–25 of/)).toBeVisible();
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
    const addNew = page.getByRole("link", { name: "Add New", exact: true });
    await addNew.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1, name: "Add call park extension" })).toBeVisible();

    const combo = page.getByRole("combobox", { name: "Location" });
    await combo.focus();
    await page.keyboard.type("New York");
    // The arrow picks from the list as filtered once the locations have loaded.
    await expect(page.getByRole("listbox").getByRole("option")).toHaveText(["New York Office"]);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect(combo).toHaveValue("New York Office");
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Call park extension name")).toBeFocused();
    await page.keyboard.type(`Keyboard ${extension}`);
    await page.keyboard.press("Tab");
    await page.keyboard.type(extension);
    await expect(page.getByText("This extension is available.")).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`${LIST}$`));
    await expect(page.getByText("Call park extension created.")).toBeVisible();
  });
});

import fs from "node:fs";
import type { APIRequestContext, Page } from "@playwright/test";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { jobFinished } from "./bulk-manage-helpers";
import { expandPanelPart, GROUPS } from "./call-parks-helpers";
import { chooseLocation, expect, expectNoAxeViolations, test, uniqueExtension } from "./fixtures";

// Each administrator role sees only what it may do, and the server refuses the rest.
// Data: the read-only tests add one call park extension and one group in San Jose HQ;
// the location administrator's add extensions 83… in São Paulo (8390–8399 by import).
// Everything is deleted afterwards.

const FEATURES = "/services/calling/features";
const EXTENSIONS = `${FEATURES}/call-park-extensions`;
const extensionUrl = (locationId: string, callParkExtensionId: string) =>
  urlOf(api.callParkExtensions.get, { locationId, callParkExtensionId });

/** No control that would add, change, delete or import anything, in the page or its dialogs. */
async function expectNoWriteControls(page: Page) {
  const writes = /^(Add|Edit|Delete|Import|Save|Submit|Discard)\b/;
  await expect(page.getByRole("button", { name: writes })).toHaveCount(0);
  await expect(page.getByRole("link", { name: writes })).toHaveCount(0);
  await expect(page.getByRole("menuitem", { name: writes })).toHaveCount(0);
}

/** The browser session's CSRF token, as the SPA reads it. */
async function csrfToken(page: Page): Promise<string> {
  const session = await page.request.get(urlOf(api.session.get));
  expect(session.status()).toBe(200);
  return (await session.json()).csrfToken;
}

async function totalOf(request: APIRequestContext, url: string): Promise<number> {
  const response = await request.get(url);
  expect(response.ok()).toBeTruthy();
  return Number(response.headers()["x-total-count"]);
}

test.describe("a read-only administrator (Riley Chen)", () => {
  test.use({ role: "readOnly" });

  let sanJoseId = "";
  let extension = { id: "", name: "", extension: "" };
  let group = { id: "", name: "" };

  test.beforeEach(async ({ request, locationNamed }) => {
    sanJoseId = locationNamed("San Jose HQ").id;
    const number = uniqueExtension("74");
    extension = { id: "", name: `Riley view ${number}`, extension: number };
    const created = await request.post(urlOf(api.callParkExtensions.create, { locationId: sanJoseId }), {
      data: { name: extension.name, extension: number },
    });
    expect(created.status()).toBe(201);
    extension.id = (await created.json()).id;
    group = { id: "", name: `Riley group ${number}` };
    const createdGroup = await request.post(urlOf(api.callParks.create, { locationId: sanJoseId }), {
      data: { name: group.name, recall: { option: "ALERT_PARKING_USER_ONLY" }, callParkExtensions: [extension.id] },
    });
    expect(createdGroup.status()).toBe(201);
    group.id = (await createdGroup.json()).id;
  });

  test.afterEach(async ({ request }) => {
    if (group.id) {
      expect((await request.delete(urlOf(api.callParks.delete, { locationId: sanJoseId, callParkId: group.id }))).status()).toBe(204);
    }
    if (extension.id) expect((await request.delete(extensionUrl(sanJoseId, extension.id))).status()).toBe(204);
  });

  test("sees every call park screen and value, with nothing to add, change, delete or import", async ({ page }) => {
    await page.goto(FEATURES);
    await expect(page.getByText(/^\d+ call park extensions?$/)).toBeVisible();
    await expect(page.getByText(/^\d+ call park groups?$/)).toBeVisible();
    await expect(page.getByRole("link", { name: "View call park groups" })).toBeVisible();
    const manage = page.getByRole("button", { name: "Manage call park extensions" });
    await expect(manage).toBeEnabled();
    await expectNoWriteControls(page);
    await expectNoAxeViolations(page, "Features, read-only");
    await manage.click();
    await expect(page.getByRole("menuitem")).toHaveText(["Call park extensions", "Bulk manage"]);
    await expectNoWriteControls(page);
    await page.getByRole("menuitem", { name: "Call park extensions" }).click();

    // The list: every row, no Add New, no row actions.
    await expect(page.getByRole("heading", { level: 1, name: "Call Park Extensions" })).toBeVisible();
    await page.getByRole("searchbox", { name: "Search" }).fill(extension.extension);
    const row = page.getByRole("row", { name: new RegExp(extension.name) });
    await expect(row.getByRole("cell")).toHaveText([extension.name, extension.extension, "San Jose HQ"]);
    await expectNoWriteControls(page);
    await expectNoAxeViolations(page, "Call Park Extensions list, read-only");

    // Its page: the values as text, no field, no Save or Delete.
    await row.getByRole("link", { name: extension.name, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${EXTENSIONS}/${sanJoseId}/${extension.id}$`));
    await expect(page.getByRole("heading", { level: 1, name: extension.name })).toBeVisible();
    await expect(page.getByRole("note")).toHaveText("View only. You can view call park extensions but not change them.");
    const details = page.getByRole("region", { name: extension.name });
    await expect(details.getByRole("definition")).toHaveText(["San Jose HQ", extension.name, extension.extension]);
    await expect(page.getByRole("textbox")).toHaveCount(0);
    await expectNoWriteControls(page);
    await expectNoAxeViolations(page, "a call park extension, read-only");

    // Add New's address, typed in: a notice, no form.
    await page.goto(`${EXTENSIONS}/new`);
    await expect(page.getByRole("heading", { level: 1, name: "Add call park extension" })).toBeVisible();
    await expect(page.getByRole("note")).toHaveText("View only. You can view call park extensions but not change them.");
    await expect(page.getByRole("main").getByRole("combobox")).toHaveCount(0);
    await expect(page.getByRole("main").getByRole("textbox")).toHaveCount(0);
    await expectNoWriteControls(page);
    await expectNoAxeViolations(page, "Add call park extension, read-only");

    // Bulk manage: the template and the export, no import.
    await page.goto(EXTENSIONS);
    await page.getByRole("link", { name: "Bulk manage" }).click();
    const dialog = page.getByRole("dialog", { name: "Bulk manage call park extensions" });
    await expect(dialog.getByRole("button", { name: "Download template" })).toBeVisible();
    await expect(dialog.getByRole("button", { name: "Export CSV" })).toBeVisible();
    await expect(dialog.getByRole("note")).toContainText("but not import changes");
    await expect(dialog.getByRole("button", { name: "Choose a CSV file" })).toHaveCount(0);
    await expectNoWriteControls(page);
    await expectNoAxeViolations(page, "Bulk manage, read-only");
  });

  test("sees a call park group's every part, with no editor, and no Add New", async ({ page }) => {
    await page.goto(`${GROUPS}?q=${encodeURIComponent(group.name)}`);
    await expect(page.getByRole("heading", { level: 1, name: "Call Park Groups" })).toBeVisible();
    await expect(page.getByRole("link", { name: group.name, exact: true })).toBeVisible();
    await expectNoWriteControls(page);
    await expectNoAxeViolations(page, "Call Park Groups list, read-only");

    await page.getByRole("link", { name: group.name, exact: true }).click();
    const panel = page.getByRole("dialog", { name: group.name });
    await expect(panel.getByRole("note")).toHaveText("View only. You can view call park groups but not change them.");
    // The summary the editor opens on, with no editor behind it.
    await expect(panel.getByText("San Jose HQ", { exact: true })).toBeVisible();
    await expect(panel.getByText("No members", { exact: true })).toBeVisible();
    await expect(panel.getByText(`1 park destination: ${extension.name} (${extension.extension})`, { exact: true })).toBeVisible();
    await expect(panel.getByText("Alert parking user only")).toBeVisible();
    await expect(panel.getByRole("textbox")).toHaveCount(0);
    await expect(panel.getByRole("checkbox")).toHaveCount(0);
    // Besides Close, only the park destinations open, into their full list.
    await expect(panel.getByRole("button")).toHaveCount(2);
    await expect(panel.getByRole("button", { name: "Close" })).toBeVisible();
    const destinations = await expandPanelPart(panel, "en", "destinations");
    await expect(destinations.getByRole("listitem")).toHaveText([`${extension.name} (${extension.extension})`]);
    await expect(panel.getByRole("textbox")).toHaveCount(0);
    await expectNoWriteControls(page);
    await expectNoAxeViolations(page, "a call park group's side panel, read-only");
    await panel.getByRole("button", { name: "Close" }).click();
    await expect(panel).toHaveCount(0);

    await page.goto(`${GROUPS}/new`);
    await expect(page.getByRole("note")).toHaveText("View only. You can view call park groups but not change them.");
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await expectNoWriteControls(page);
  });

  test("sees locations, their Call Park Settings without Save, and Tasks", async ({ page, request }) => {
    await page.goto("/locations");
    await expect(page.getByRole("heading", { level: 1, name: "Locations" })).toBeVisible();
    for (const name of ["San Jose HQ", "New York Office", "São Paulo", "Florianópolis", "London"]) {
      await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
    }
    await expectNoWriteControls(page);
    await expectNoAxeViolations(page, "Locations, read-only");

    const settings = await (await request.get(urlOf(api.callParkSettings.get, { locationId: sanJoseId }))).json();
    await page.getByRole("link", { name: "San Jose HQ", exact: true }).click();
    await page.getByRole("tab", { name: "Calling" }).click();
    await expect(page.getByRole("heading", { level: 3, name: "Call Park Settings" })).toBeVisible();
    const recallTimer = page.getByRole("spinbutton", { name: "Recall Timer (seconds)" });
    await expect(recallTimer).toHaveValue(String(settings.callParkSettings.recallTime));
    await expect(recallTimer).not.toBeEditable();
    await expect(page.getByRole("spinbutton", { name: "Alert Hunt Group Wait Time (seconds)" })).toHaveValue(
      String(settings.callParkSettings.huntWaitTime),
    );
    await expect(page.getByRole("note")).toHaveText("View only. You can view these settings but not change them.");
    await expect(page.getByRole("button", { name: "Cancel" })).toHaveCount(0);
    await expectNoWriteControls(page);
    await expectNoAxeViolations(page, "a location's Calling tab, read-only");

    await page.goto("/tasks");
    await expect(page.getByRole("heading", { level: 1, name: "Tasks" })).toBeVisible();
    await expect(page.getByRole("tab", { name: "All" })).toHaveAttribute("aria-selected", "true");
    await expectNoWriteControls(page);
    await expectNoAxeViolations(page, "Tasks, read-only");
  });

  test("a write sent through the browser's own session is refused by the server", async ({ page, request }) => {
    await page.goto(FEATURES);
    const token = await csrfToken(page);
    const number = uniqueExtension("74");
    const refused = await page.request.post(urlOf(api.callParkExtensions.create, { locationId: sanJoseId }), {
      headers: { "x-csrf-token": token },
      data: { name: `Not allowed ${number}`, extension: number },
    });
    expect(refused.status()).toBe(403);
    expect((await refused.json()).code).toBe("forbidden");
    const deleted = await page.request.delete(
      urlOf(api.callParkExtensions.delete, { locationId: sanJoseId, callParkExtensionId: extension.id }),
      { headers: { "x-csrf-token": token } },
    );
    expect(deleted.status()).toBe(403);
    const settingsChange = await page.request.put(urlOf(api.callParkSettings.update, { locationId: sanJoseId }), {
      headers: { "x-csrf-token": token },
      data: { callParkSettings: { recallTime: 90 } },
    });
    expect(settingsChange.status()).toBe(403);
    // Nothing changed.
    expect(await totalOf(request, urlOf(api.callParkExtensions.list, {}, { locationId: sanJoseId, q: number, max: 1 }))).toBe(0);
    expect((await request.get(extensionUrl(sanJoseId, extension.id))).status()).toBe(200);
  });
});

test.describe("a location administrator (Beatriz Souza, São Paulo)", () => {
  test.use({ role: "location" });

  const OURS = /^83\d+$/;

  test.afterEach(async ({ request, locationNamed }) => {
    const saoPaulo = locationNamed("São Paulo").id;
    const list = await (await request.get(urlOf(api.callParkExtensions.list, {}, { locationId: saoPaulo, max: 1000 }))).json();
    for (const item of list.callParkExtensions as { id: string; extension: string }[]) {
      if (OURS.test(item.extension)) {
        const url = urlOf(api.callParkExtensions.delete, { locationId: saoPaulo, callParkExtensionId: item.id });
        expect((await request.delete(url)).status()).toBe(204);
      }
    }
  });

  test("sees only São Paulo: locations, counts, list, filter, the Add form's location, the export", async ({
    page,
    request,
    locationNamed,
  }) => {
    const saoPaulo = locationNamed("São Paulo");
    const london = locationNamed("London");
    const extensionCount = await totalOf(request, urlOf(api.callParkExtensions.list, {}, { locationId: saoPaulo.id, max: 1 }));
    const groupCount = await totalOf(request, urlOf(api.callParks.orgList, {}, { locationId: saoPaulo.id, max: 1 }));
    expect(await totalOf(request, urlOf(api.callParkExtensions.list, {}, { max: 1 }))).toBeGreaterThan(extensionCount);

    await page.goto("/locations");
    await expect(page.getByRole("link", { name: "São Paulo", exact: true })).toBeVisible();
    await expect(page.getByRole("row")).toHaveCount(2);
    await expectNoAxeViolations(page, "Locations, location administrator");

    await page.goto(`/locations/${london.id}`);
    await expect(page.getByRole("alert")).toContainText("This location does not exist.");
    await expect(page.getByRole("heading", { level: 1, name: "London" })).toHaveCount(0);
    await page.goto(`/locations/${london.id}/calling`);
    await expect(page.getByRole("alert")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Call Park Settings" })).toHaveCount(0);

    await page.goto(FEATURES);
    // Exact: "4 call park extensions" must not pass on "14 call park extensions".
    await expect(page.getByText(`${extensionCount} call park extensions`, { exact: true })).toBeVisible();
    // The demo seeds no group in São Paulo: on a fresh database the count is zero, which the
    // page words as "No call park groups" (count_zero).
    const groupsLine = groupCount === 0 ? "No call park groups" : groupCount === 1 ? "1 call park group" : `${groupCount} call park groups`;
    await expect(page.getByText(groupsLine, { exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: "Add New call park extension", exact: true })).toBeVisible();

    await page.goto(EXTENSIONS);
    await expect(page.getByRole("row")).toHaveCount(1 + Math.min(25, extensionCount));
    const locationCells = page.getByRole("row").locator('td[data-label="Location"]');
    await expect(locationCells.first()).toHaveText("São Paulo");
    expect(new Set(await locationCells.allTextContents())).toEqual(new Set(["São Paulo"]));
    // The location filter offers only hers.
    // ArrowDown opens the list; the block is tried again should the list close as its page of
    // locations arrives (a re-render while it opens), until it shows hers alone.
    const filter = page.getByRole("combobox", { name: "Location", exact: true });
    await expect(async () => {
      await filter.press("ArrowDown");
      await expect(page.getByRole("listbox").getByRole("option")).toHaveText(["All locations", "São Paulo"], { timeout: 2_000 });
    }).toPass({ timeout: 15_000 });
    await filter.press("Escape");
    await expect(page.getByRole("listbox")).toHaveCount(0);
    await expectNoAxeViolations(page, "Call Park Extensions list, location administrator");

    await page.getByRole("link", { name: "Add New", exact: true }).click();
    const combo = page.getByRole("combobox", { name: "Location" });
    // As for the filter above: opened again should the list close as the form settles.
    await expect(async () => {
      if ((await page.getByRole("listbox").count()) === 0) await page.getByRole("button", { name: "Show locations" }).click();
      await expect(page.getByRole("listbox").getByRole("option")).toHaveText(["São Paulo"], { timeout: 2_000 });
    }).toPass({ timeout: 15_000 });
    await page.keyboard.press("Escape");
    await expect(combo).toBeVisible();

    // So does the group wizard's first question.
    await page.goto(`${GROUPS}/new`);
    const choose = page.getByRole("dialog", { name: "Select a location" });
    // The pop-up opens in its Location field with the list offered: hers alone.
    const chooseField = choose.getByRole("combobox", { name: "Location" });
    await expect(chooseField).toBeFocused();
    await expect(async () => {
      await chooseField.press("ArrowDown");
      await expect(page.getByRole("listbox").getByRole("option")).toHaveText(["São Paulo"], { timeout: 2_000 });
    }).toPass({ timeout: 15_000 });
    await chooseField.press("Escape");

    // The export holds São Paulo's rows alone.
    await page.goto(EXTENSIONS);
    await page.getByRole("link", { name: "Bulk manage" }).click();
    const dialog = page.getByRole("dialog", { name: "Bulk manage call park extensions" });
    const downloading = page.waitForEvent("download");
    await dialog.getByRole("button", { name: "Export CSV" }).click();
    const lines = fs.readFileSync(await (await downloading).path(), "utf8").split("\r\n").filter(Boolean);
    expect(lines).toHaveLength(1 + extensionCount);
    for (const line of lines.slice(1)) expect(line.startsWith('"São Paulo",')).toBe(true);
  });

  test("adds and deletes a call park extension in São Paulo", async ({ page }) => {
    const extension = uniqueExtension("83");
    const name = `Beatriz park ${extension}`;
    await page.goto(`${EXTENSIONS}/new`);
    await chooseLocation(page, "Location", "São Paulo");
    await page.getByLabel("Call park extension name").fill(name);
    await page.getByLabel("Extension", { exact: true }).fill(extension);
    await expect(page.getByText("This extension is available.")).toBeVisible();
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Call park extension created.")).toBeVisible();

    await page.getByRole("searchbox", { name: "Search" }).fill(extension);
    const row = page.getByRole("row", { name: new RegExp(name) });
    await expect(row.getByRole("cell", { name: "São Paulo", exact: true })).toBeVisible();
    await row.getByRole("button", { name: `Delete ${name}` }).click();
    await page.getByRole("alertdialog", { name: "Delete call park extension?" }).getByRole("button", { name: "Delete" }).click();
    await expect(page.getByText("Call park extension deleted.")).toBeVisible();
    await expect(page.getByText("No call park extension matches this search.")).toBeVisible();
  });

  test("sees her own import on Tasks, not the other administrators'", async ({ page, request, locationNamed }) => {
    const saoPaulo = locationNamed("São Paulo").id;
    // Another administrator's task: a file whose only row is refused, so it changes nothing.
    const theirs = `roles-admin-${Date.now()}.csv`;
    const other = await request.post(urlOf(api.importJobs.create, {}, { mode: "partial" }), {
      multipart: { file: { name: theirs, mimeType: "text/csv", buffer: Buffer.from("Location,Call Park Extension Name,Extension\r\nSão Paulo,Bad,83x\r\n") } },
    });
    expect(other.status()).toBe(201);
    const otherJob = await other.json();

    await page.goto(FEATURES);
    const ours = `roles-beatriz-${Date.now()}.csv`;
    const started = await page.request.post(urlOf(api.importJobs.create, {}, { mode: "partial" }), {
      headers: { "x-csrf-token": await csrfToken(page) },
      multipart: {
        file: {
          name: ours,
          mimeType: "text/csv",
          buffer: Buffer.from("Location,Call Park Extension Name,Extension\r\nSão Paulo,Beatriz import 8390,8390\r\nSão Paulo,Beatriz import 8391,8391\r\n"),
        },
      },
    });
    expect(started.status()).toBe(201);
    const job = await started.json();
    await jobFinished(request, job.id);
    const listed = await (await request.get(urlOf(api.importJobs.list, {}, { max: 1000 }))).json();
    const allFiles = (listed.items as { fileName?: string }[]).map((j) => j.fileName);
    expect(allFiles).toEqual(expect.arrayContaining([ours, theirs]));
    const mine = await (await page.request.get(urlOf(api.importJobs.list, {}, { max: 1000 }))).json();
    expect(mine.items.length).toBeLessThan(listed.items.length);

    await page.goto("/tasks");
    const row = page.getByRole("row", { name: new RegExp(ours.replace(/\./g, "\\.")) });
    await expect(row).toContainText("Beatriz Souza");
    await expect(row).toContainText("Completed");
    await expect(page.getByRole("link", { name: theirs })).toHaveCount(0);
    await expect(page.getByRole("row")).toHaveCount(1 + mine.items.length);
    const startedBy = page.getByRole("row").locator("td:nth-child(2)");
    expect(new Set(await startedBy.allTextContents())).toEqual(new Set(["Beatriz Souza"]));
    await expectNoAxeViolations(page, "Tasks, location administrator");

    await row.getByRole("link", { name: ours, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/tasks/${job.id}$`));
    // The other administrator's task, by its address: not found, nothing of it shown.
    await page.goto(`/tasks/${otherJob.id}`);
    await expect(page.getByRole("alert")).toBeVisible();
    await expect(page.getByText(theirs)).toHaveCount(0);
    // The import added her two rows in São Paulo (deleted after the test).
    const imported = await (
      await request.get(urlOf(api.callParkExtensions.list, {}, { locationId: saoPaulo, q: "Beatriz import", max: 10 }))
    ).json();
    expect(imported.callParkExtensions.map((e: { extension: string }) => e.extension).sort()).toEqual(["8390", "8391"]);
  });
});

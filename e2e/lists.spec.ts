import type { APIRequestContext } from "@playwright/test";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { expect, expectNoAxeViolations, responseTo, test, uniqueExtension } from "./fixtures";
import { GROUPS } from "./call-parks-helpers";

const EXTENSIONS = "/services/calling/features/call-park-extensions";

async function createExtension(request: APIRequestContext, locationId: string, name: string) {
  const extension = uniqueExtension("6");
  const created = await request.post(urlOf(api.callParkExtensions.create, { locationId }), { data: { name, extension } });
  expect(created.status()).toBe(201);
  return { id: (await created.json()).id as string, name, extension };
}

async function createGroup(request: APIRequestContext, locationId: string, name: string, callParkExtensions: string[] = []) {
  const created = await request.post(urlOf(api.callParks.create, { locationId }), {
    data: { name, recall: { option: "ALERT_PARKING_USER_ONLY" }, callParkExtensions },
  });
  expect(created.status()).toBe(201);
}

test.describe("lists an administrator works with, in English", () => {
  test("call park groups sort by their headers (kept in the URL) and go several at once", async ({ page, request, locationNamed }) => {
    const london = locationNamed("London");
    const tag = `Bulk ${Date.now() % 100000}`;
    await createGroup(request, london.id, `${tag} A`);
    await createGroup(request, london.id, `${tag} B`);

    await page.goto(`${GROUPS}?q=${encodeURIComponent(tag)}`);
    const name = page.getByRole("columnheader", { name: "Name", exact: true });
    await expect(name).toHaveAttribute("aria-sort", "ascending");
    const asked = responseTo(page, api.callParks.orgList, {}, { order: "name-desc,locationName-asc" });
    await name.getByRole("button").click();
    await asked;
    await expect(page).toHaveURL(/sort=name-desc/);
    await expect(name).toHaveAttribute("aria-sort", "descending");
    await expect(page.getByRole("row").nth(1)).toContainText(`${tag} B`);

    await page.getByRole("checkbox", { name: "Select all on this page", exact: true }).check();
    await page.getByRole("button", { name: "Delete 2", exact: true }).click();
    const dialog = page.getByRole("alertdialog", { name: "Delete 2 call park groups?" });
    // What goes, then who its members are (none here).
    await expect(dialog.getByRole("list").first().getByRole("listitem")).toHaveText([`${tag} B (London)`, `${tag} A (London)`]);
    await expect(dialog.getByRole("list").nth(1).getByRole("listitem")).toHaveText([`${tag} B (London): no members`, `${tag} A (London): no members`]);
    await expectNoAxeViolations(page, "bulk delete of call park groups");
    await dialog.getByRole("button", { name: "Delete 2", exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText("No call park group matches this search.")).toBeVisible();
    // The sort stays as it was.
    await expect(page).toHaveURL(/sort=name-desc/);
  });

  test("call park extensions: a searched location filter, and a bulk delete naming the group and position of each used one", async ({
    page,
    request,
    locationNamed,
  }) => {
    const floripa = locationNamed("Florianópolis");
    const tag = `Gone ${Date.now() % 100000}`;
    const first = await createExtension(request, floripa.id, `${tag} one`);
    const second = await createExtension(request, floripa.id, `${tag} two`);
    await createGroup(request, floripa.id, `${tag} group`, [first.id]);

    await page.goto(`${EXTENSIONS}?q=${encodeURIComponent(tag)}`);
    const filter = page.getByRole("combobox", { name: "Location", exact: true });
    await expect(filter).toHaveValue("All locations");
    // The filter asks the server as the administrator types.
    const searched = responseTo(page, api.locations.list, {}, { name: "Flor" });
    await filter.fill("Flor");
    await searched;
    await page.getByRole("option", { name: "Florianópolis", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`location=${encodeURIComponent(floripa.id)}`));
    await expect(filter).toHaveValue("Florianópolis");

    await page.getByRole("checkbox", { name: `Select ${first.name} (${first.extension}, Florianópolis)`, exact: true }).check();
    await page.getByRole("checkbox", { name: `Select ${second.name} (${second.extension}, Florianópolis)`, exact: true }).check();
    await page.getByRole("button", { name: "Delete 2", exact: true }).click();
    const dialog = page.getByRole("alertdialog", { name: "Delete 2 call park extensions?" });
    await expect(
      dialog.getByText(`${first.name} (${first.extension}, Florianópolis): used by the group ${tag} group as park destination 1 of 1`, { exact: true }),
    ).toBeVisible();
    await expectNoAxeViolations(page, "bulk delete of call park extensions");
    await dialog.getByRole("button", { name: "Delete 2", exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText("No call park extension matches this search.", { exact: true })).toBeVisible();
  });

  test("after an edit, the list comes back as it was left, the edited row in view and focused", async ({ page, request, locationNamed }) => {
    const london = locationNamed("London");
    const tag = `Place ${Date.now() % 100000}`;
    const made = await createExtension(request, london.id, `${tag} a`);
    await createExtension(request, london.id, `${tag} b`);

    const listUrl = `${EXTENSIONS}?q=${encodeURIComponent(tag)}&sort=extension-desc`;
    await page.goto(listUrl);
    await page.getByRole("link", { name: `Edit ${made.name}`, exact: true }).click();
    await page.getByLabel("Call park extension name", { exact: true }).fill(`${tag} c`);
    await page.getByRole("button", { name: "Save", exact: true }).click();

    await expect(page).toHaveURL(/sort=extension-desc/);
    await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(tag).replace(/%20/g, "(%20|\\+)")}`));
    await expect(page.getByRole("columnheader", { name: "Extension", exact: true })).toHaveAttribute("aria-sort", "descending");
    await expect(page.getByRole("link", { name: `${tag} c`, exact: true })).toBeFocused();
  });

  test("Locations: each location's use of its 100 call park extensions, sorted by it and paged by the server", async ({ page }) => {
    const first = responseTo(page, api.locations.list, {}, { start: "0", max: "25" });
    await page.goto("/locations");
    await first;
    const meter = page.getByRole("meter", { name: "Call park extensions in London", exact: true });
    await expect(meter).toHaveAttribute("max", "100");
    await expect(meter).toHaveAttribute("aria-valuetext", /^\d+ of 100$/);

    const header = page.getByRole("columnheader", { name: "Call park extensions", exact: true });
    const sorted = responseTo(page, api.locations.list, {}, { order: "callParkExtensions-desc" });
    await header.getByRole("button").click();
    await sorted;
    await expect(page).toHaveURL(/sort=callParkExtensions-desc/);
    await expect(header).toHaveAttribute("aria-sort", "descending");
    await expectNoAxeViolations(page, "Locations with meters");

    await page.getByRole("link", { name: "London", exact: true }).click();
    await expect(page.getByRole("meter", { name: "Call park extensions in London", exact: true })).toBeVisible();
  });
});

/** An import whose one row is wrong: a task that ends with errors and changes nothing. */
async function importNothing(request: APIRequestContext, fileName: string) {
  const started = await request.post(urlOf(api.importJobs.create, {}, { mode: "partial" }), {
    multipart: {
      file: { name: fileName, mimeType: "text/csv", buffer: Buffer.from("Location,Call Park Extension Name,Extension\r\nLondon,Bad,8x71\r\n") },
    },
  });
  expect(started.status()).toBe(201);
  const id = (await started.json()).id as string;
  await expect.poll(async () => (await (await request.get(urlOf(api.importJobs.get, { jobId: id }))).json()).latestExecutionStatus).toBe("COMPLETED");
  return id;
}

test.describe("sorting Tasks and the audit log, and keeping a list's place", () => {
  test("Tasks sort by file name both ways on the server, and a task goes back to the sorted list", async ({ page, request }) => {
    // "!" and "~" sort before and after any other file name, so each is first one way round.
    const tag = `sort-${Date.now() % 100000}`;
    await importNothing(request, `!${tag}.csv`);
    await importNothing(request, `~${tag}.csv`);

    const listed = responseTo(page, api.importJobs.list, {}, { order: "created-desc" });
    await page.goto("/tasks");
    expect((await listed).status()).toBe(200);
    const file = page.getByRole("columnheader", { name: "File", exact: true });
    await expect(file).toHaveAttribute("aria-sort", "none");
    await expect(page.getByRole("columnheader", { name: "Started", exact: true })).toHaveAttribute("aria-sort", "descending");
    const ascending = responseTo(page, api.importJobs.list, {}, { order: "fileName-asc" });
    await file.getByRole("button").click();
    await ascending;
    await expect(page).toHaveURL(/\/tasks\?sort=fileName-asc$/);
    await expect(file).toHaveAttribute("aria-sort", "ascending");
    await expect(page.getByRole("row").nth(1)).toContainText(`!${tag}.csv`);

    // From the keyboard, the same header turns the order round.
    const descending = responseTo(page, api.importJobs.list, {}, { order: "fileName-desc" });
    await file.getByRole("button").focus();
    await page.keyboard.press("Enter");
    await descending;
    await expect(page).toHaveURL(/\/tasks\?sort=fileName-desc$/);
    await expect(file).toHaveAttribute("aria-sort", "descending");
    await expect(page.getByRole("row").nth(1)).toContainText(`~${tag}.csv`);
    await expectNoAxeViolations(page, "Tasks sorted by file name");

    // A task opened from the sorted list goes back to it, by its back link or the browser's Back.
    await page.getByRole("link", { name: `~${tag}.csv`, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: `~${tag}.csv` })).toBeVisible();
    await page.getByRole("main").getByRole("link", { name: "Tasks", exact: true }).click();
    await expect(page).toHaveURL(/\/tasks\?sort=fileName-desc$/);
    await expect(file).toHaveAttribute("aria-sort", "descending");
    await expect(page.getByRole("row").nth(1)).toContainText(`~${tag}.csv`);

    await page.getByRole("link", { name: `~${tag}.csv`, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: `~${tag}.csv` })).toBeVisible();
    await page.goBack();
    await expect(page).toHaveURL(/\/tasks\?sort=fileName-desc$/);
    await expect(file).toHaveAttribute("aria-sort", "descending");
  });

  test("the audit log sorts by action both ways on the server, kept in the URL", async ({ page, request, locationNamed }) => {
    const london = locationNamed("London");
    const made = await createExtension(request, london.id, `Audit sort ${Date.now() % 100000}`);
    const address = { locationId: london.id, callParkExtensionId: made.id };
    expect((await request.put(urlOf(api.callParkExtensions.update, address), { data: { name: `${made.name} b` } })).status()).toBe(204);
    expect((await request.delete(urlOf(api.callParkExtensions.delete, address))).status()).toBe(204);

    // The object's own history: three entries, newest first.
    await page.goto(`/audit-log?objectId=${encodeURIComponent(made.id)}`);
    const actions = page.getByRole("cell", { name: /^(Created|Updated|Deleted)$/ });
    await expect(actions).toHaveText(["Deleted", "Updated", "Created"]);
    await expect(page.getByRole("columnheader", { name: "When", exact: true })).toHaveAttribute("aria-sort", "descending");

    const action = page.getByRole("columnheader", { name: "Action", exact: true });
    const ascending = responseTo(page, api.auditEvents.list, {}, { order: "action-asc" });
    await action.getByRole("button").click();
    await ascending;
    await expect(page).toHaveURL(/sort=action-asc/);
    await expect(action).toHaveAttribute("aria-sort", "ascending");
    await expect(actions).toHaveText(["Created", "Deleted", "Updated"]);

    const descending = responseTo(page, api.auditEvents.list, {}, { order: "action-desc" });
    await action.getByRole("button").click();
    await descending;
    await expect(page).toHaveURL(/sort=action-desc/);
    await expect(action).toHaveAttribute("aria-sort", "descending");
    await expect(actions).toHaveText(["Updated", "Deleted", "Created"]);
    await expectNoAxeViolations(page, "audit log sorted by action");

    // A reload opens on the same sort.
    await page.reload();
    await expect(page.getByRole("columnheader", { name: "Action", exact: true })).toHaveAttribute("aria-sort", "descending");
    await expect(actions).toHaveText(["Updated", "Deleted", "Created"]);
  });

  test("Locations: back from a location whose Call Park Settings were saved, the list is as it was left", async ({ page, request, locationNamed }) => {
    const newYork = locationNamed("New York Office");
    const settingsUrl = urlOf(api.callParkSettings.get, { locationId: newYork.id });
    const before = (await (await request.get(settingsUrl)).json()).callParkSettings.recallTime as number;
    const changed = before === 300 ? 240 : 300;
    try {
      await page.goto("/locations");
      const searched = responseTo(page, api.locations.list, {}, { name: "o" });
      await page.getByRole("searchbox", { name: "Search by name", exact: true }).fill("o");
      await searched;
      const name = page.getByRole("columnheader", { name: "Name", exact: true });
      await name.getByRole("button").click();
      await expect(name).toHaveAttribute("aria-sort", "descending");
      await expect(page).toHaveURL(/\/locations\?q=o&sort=name-desc$/);

      await page.getByRole("link", { name: "New York Office", exact: true }).click();
      await page.getByRole("tab", { name: "Calling", exact: true }).click();
      await page.getByRole("spinbutton", { name: "Recall Timer (seconds)", exact: true }).fill(String(changed));
      const saved = responseTo(page, api.callParkSettings.update, { locationId: newYork.id });
      await page.getByRole("button", { name: "Save", exact: true }).click();
      expect((await saved).status()).toBe(204);
      await expect(page.getByRole("button", { name: "Save", exact: true })).toBeDisabled();

      await page.getByRole("main").getByRole("link", { name: "Locations", exact: true }).click();
      await expect(page).toHaveURL(/\/locations\?q=o&sort=name-desc$/);
      await expect(name).toHaveAttribute("aria-sort", "descending");
      await expect(page.getByRole("searchbox", { name: "Search by name", exact: true })).toHaveValue("o");

      // And by the browser's Back.
      await page.getByRole("link", { name: "New York Office", exact: true }).click();
      await expect(page.getByRole("heading", { level: 1, name: "New York Office" })).toBeVisible();
      await page.goBack();
      await expect(page).toHaveURL(/\/locations\?q=o&sort=name-desc$/);
      await expect(name).toHaveAttribute("aria-sort", "descending");
    } finally {
      // Other specs read this location's settings as the demo left them.
      await request.put(urlOf(api.callParkSettings.update, { locationId: newYork.id }), { data: { callParkSettings: { recallTime: before } } });
    }
  });
});

test.describe("lists, in Portuguese", () => {
  test.use({ language: "pt-BR" });

  test("the meter and the bulk delete speak Portuguese", async ({ page, request, locationNamed }) => {
    const london = locationNamed("London");
    const made = await createExtension(request, london.id, `Lote ${Date.now() % 100000}`);

    await page.goto("/locations");
    const meter = page.getByRole("meter", { name: "Ramais de estacionamento de chamadas em London", exact: true });
    await expect(meter).toHaveAttribute("aria-valuetext", /^\d+ de 100$/);

    await page.goto(`${EXTENSIONS}?q=${encodeURIComponent(made.name)}`);
    await page.getByRole("checkbox", { name: `Selecionar ${made.name} (${made.extension}, London)`, exact: true }).check();
    await page.getByRole("button", { name: "Excluir 1", exact: true }).click();
    const dialog = page.getByRole("alertdialog", { name: "Excluir 1 ramal de estacionamento de chamadas?" });
    await dialog.getByRole("button", { name: "Excluir 1", exact: true }).click();
    await expect(dialog).toBeHidden();
  });
});

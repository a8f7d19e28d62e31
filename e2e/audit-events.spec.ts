import type { APIRequestContext, Page } from "@playwright/test";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { extensionsOf, jobFinished } from "./bulk-manage-helpers";
import { DEMO_ADMINS, expect, expectNoAxeViolations, responseTo, test, uniqueExtension } from "./fixtures";

// The audit log is shared by every spec of a run: each test finds its own entries by
// the unique names it gave its objects, never by position alone.
const AUDIT_LOG = "/audit-log";
const IMPORT_LOCATION = "Florianópolis";
/** This spec imports into Florianópolis with 8190–8199 only, and removes them afterwards. */
const IMPORTED = /^819\d$/;
const ADMIN = DEMO_ADMINS.full;

/** Creates a call park extension through the API; its id. */
async function createExtension(request: APIRequestContext, locationId: string, name: string, extension: string): Promise<string> {
  const created = await request.post(urlOf(api.callParkExtensions.create, { locationId }), { data: { name, extension } });
  expect(created.status()).toBe(201);
  return (await created.json()).id;
}

async function renameExtension(request: APIRequestContext, locationId: string, callParkExtensionId: string, name: string) {
  const url = urlOf(api.callParkExtensions.update, { locationId, callParkExtensionId });
  expect((await request.put(url, { data: { name } })).status()).toBe(204);
}

async function deleteExtension(request: APIRequestContext, locationId: string, callParkExtensionId: string) {
  expect((await request.delete(urlOf(api.callParkExtensions.delete, { locationId, callParkExtensionId }))).status()).toBe(204);
}

/** A call park extension created, renamed and deleted through the API, as a script acting as the admin would. */
async function createRenameDelete(request: APIRequestContext, locationId: string, name: string, renamed: string, extension: string) {
  const id = await createExtension(request, locationId, name, extension);
  await renameExtension(request, locationId, id, renamed);
  await deleteExtension(request, locationId, id);
}

async function removeImported(request: APIRequestContext, locationId: string) {
  for (const item of (await extensionsOf(request, locationId)).filter((e) => IMPORTED.test(e.extension))) {
    await deleteExtension(request, locationId, item.id);
  }
}

/** The table row of the entry whose action and object name are these. */
const entry = (page: Page, action: string, name: string) =>
  page.locator("tbody tr").filter({ has: page.getByRole("cell", { name: action, exact: true }) }).filter({ hasText: name });

/** Today in the browser's own calendar, as a date input holds it. */
const browserToday = (page: Page) =>
  page.evaluate(() => {
    const now = new Date();
    return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
  });

test.describe("audit log, in English", () => {
  test("a change's three entries: who, action, object and location; the update's before and after; filters in the URL", async ({
    page,
    request,
    locationNamed,
  }) => {
    const sanJose = locationNamed("San Jose HQ");
    const extension = uniqueExtension("72");
    const name = `Audit park ${extension}`;
    const renamed = `Audit dock ${extension}`;
    await createRenameDelete(request, sanJose.id, name, renamed, extension);

    await page.goto("/services/calling/features");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
    await expect(page).toHaveURL(/\/audit-log$/);
    await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();

    const created = entry(page, "Created", name);
    const updated = entry(page, "Updated", renamed);
    const deleted = entry(page, "Deleted", renamed);
    for (const row of [created, updated, deleted]) {
      await expect(row).toHaveCount(1);
      await expect(row).toContainText(ADMIN.displayName);
      await expect(row).toContainText(ADMIN.email);
      await expect(row).toContainText("Call park extension");
      await expect(row.getByRole("cell", { name: "San Jose HQ", exact: true })).toBeVisible();
    }

    const toggle = updated.getByRole("button", { name: `Details of Updated Call park extension ${renamed}` });
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    const changes = page.getByRole("table", { name: "Before and after" });
    const nameRow = changes.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /^Name/ }) });
    await expect(nameRow.getByRole("cell")).toHaveText([name, renamed]);
    await expect(nameRow).toContainText("Changed");
    const extensionRow = changes.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Extension", exact: true }) });
    await expect(extensionRow.getByRole("cell")).toHaveText([extension, extension]);
    await expect(extensionRow).not.toContainText("Changed");
    await expectNoAxeViolations(page, "Audit log with an entry opened");

    // The filters, each into the URL; a reload keeps them.
    await page.getByLabel("Object type").selectOption({ label: "Call park extensions" });
    await expect(page).toHaveURL(/objectType=callParkExtension/);
    await page.getByLabel("Person").selectOption({ label: `${ADMIN.displayName} (${ADMIN.email})` });
    await expect(page).toHaveURL(/actorId=/);
    const today = await browserToday(page);
    await page.getByLabel("From date").fill(today);
    await page.getByLabel("To date").fill(today);
    await expect(page).toHaveURL(new RegExp(`from=${today}&to=${today}`));
    await expect(deleted).toHaveCount(1);

    await page.reload();
    await expect(page.getByLabel("Object type")).toHaveValue("callParkExtension");
    await expect(page.getByLabel("Person")).not.toHaveValue("");
    await expect(page.getByLabel("From date")).toHaveValue(today);
    await expect(page.getByLabel("To date")).toHaveValue(today);
    for (const row of [created, updated, deleted]) await expect(row).toHaveCount(1);

    // Another object type leaves them out; so does a person who changed nothing here.
    await page.getByLabel("Object type").selectOption({ label: "Call park groups" });
    await expect(page).toHaveURL(/objectType=callPark(&|$)/);
    await expect(page.getByRole("table", { name: "Changes", exact: true }).or(page.getByText("No changes match these filters"))).toBeVisible();
    await expect(entry(page, "Created", name)).toHaveCount(0);

    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect(page).toHaveURL(/\/audit-log$/);
    await expect(created).toHaveCount(1);
  });

  test("a bulk import is one entry that links to its task", async ({ page, request, locationNamed }) => {
    const floripa = locationNamed(IMPORT_LOCATION);
    await removeImported(request, floripa.id);
    const fileName = `audit-${Date.now()}.csv`;
    try {
      const started = await request.post(urlOf(api.importJobs.create, {}, { mode: "partial", fileName }), {
        headers: { "content-type": "text/csv" },
        data: Buffer.from(
          `Location,Call Park Extension Name,Extension,Action\r\n` +
            `${IMPORT_LOCATION},Audit import 8191,8191,ADD\r\n` +
            `${IMPORT_LOCATION},Audit import 8192,8192,ADD\r\n`,
        ),
      });
      expect(started.status()).toBe(201);
      const job = await started.json();
      await jobFinished(request, job.id);

      await page.goto(`${AUDIT_LOG}?objectType=importJob`);
      const imported = entry(page, "Imported", fileName);
      await expect(imported).toHaveCount(1);
      await expect(imported).toContainText("Bulk import");
      await expect(imported).toContainText(ADMIN.displayName);

      // The rows it created are in its task, not entries of their own. The check waits for
      // the filtered list's answer: before it, the rows shown are still the imports'.
      const extensionEntries = responseTo(page, api.auditEvents.list, {}, { objectType: "callParkExtension" });
      await page.getByLabel("Object type").selectOption({ label: "Call park extensions" });
      await expect(page).toHaveURL(/objectType=callParkExtension/);
      expect(JSON.stringify((await (await extensionEntries).json()).items)).not.toContain("Audit import 819");
      await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
      await expect(page.locator("tbody tr").filter({ hasText: "Audit import 819" })).toHaveCount(0);

      await page.goBack();
      await expect(imported).toHaveCount(1);
      await imported.getByRole("button", { name: /^Details of Imported/ }).click();
      const changes = page.getByRole("table", { name: "Before and after" });
      const field = (label: string) => changes.getByRole("row").filter({ has: page.getByRole("rowheader", { name: label, exact: true }) });
      await expect(field("File name").getByRole("cell")).toHaveText(["—", fileName]);
      await expect(field("Rows").getByRole("cell")).toHaveText(["—", "2"]);
      await expectNoAxeViolations(page, "Audit log with an import opened");

      await imported.getByRole("link", { name: `View task ${fileName}` }).click();
      await expect(page).toHaveURL(new RegExp(`/tasks/${job.id}$`));
      await expect(page.getByRole("heading", { level: 1, name: fileName })).toBeVisible();
    } finally {
      await removeImported(request, floripa.id);
    }
  });
});

test.describe("one object's history", () => {
  test("a call park extension's View history shows its own two entries; Show all objects shows every object again", async ({
    page,
    request,
    locationNamed,
  }) => {
    const sanJose = locationNamed("San Jose HQ");
    const extension = uniqueExtension("73");
    const name = `History park ${extension}`;
    const renamed = `History dock ${extension}`;
    // Another object's entries, so that every object's list is longer even when this test runs alone.
    const other = uniqueExtension("73");
    await createRenameDelete(request, sanJose.id, `History other ${other}`, `History other dock ${other}`, other);
    const id = await createExtension(request, sanJose.id, name, extension);
    try {
      await renameExtension(request, sanJose.id, id, renamed);

      await page.goto(`/services/calling/features/call-park-extensions/${encodeURIComponent(sanJose.id)}/${encodeURIComponent(id)}`);
      await expect(page.getByRole("heading", { level: 1, name: renamed })).toBeVisible();
      await page.getByRole("link", { name: `View history of ${renamed}`, exact: true }).click();
      await page.waitForURL((url) => url.pathname === AUDIT_LOG && url.search === `?${new URLSearchParams({ objectId: id })}`);
      await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
      const history = page.getByRole("status").filter({ hasText: "Showing the history of one object" });
      await expect(history).toHaveText(`Showing the history of one object: ${renamed} (Call park extension)Show all objects`);
      const rows = page.locator("tbody tr.audit-row");
      await expect(rows).toHaveCount(2);
      await expect(entry(page, "Updated", renamed)).toHaveCount(1);
      await expect(entry(page, "Created", name)).toHaveCount(1);
      await expectNoAxeViolations(page, "Audit log: one object's history");

      await page.getByRole("button", { name: "Show all objects" }).click();
      await expect(page).toHaveURL(/\/audit-log$/);
      await expect(history).toHaveCount(0);
      await expect.poll(() => rows.count()).toBeGreaterThan(2);
    } finally {
      await deleteExtension(request, sanJose.id, id);
    }
  });
});

test.describe("audit log, in Portuguese", () => {
  test.use({ language: "pt-BR" });

  test("headings, filters and actions in Brazilian Portuguese", async ({ page, request, locationNamed }) => {
    const sanJose = locationNamed("San Jose HQ");
    const extension = uniqueExtension("72");
    const name = `Auditoria ${extension}`;
    const renamed = `Auditoria doca ${extension}`;
    await createRenameDelete(request, sanJose.id, name, renamed, extension);

    await page.goto("/services/calling/features");
    await page.getByRole("navigation").getByRole("link", { name: "Registro de auditoria" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Registro de auditoria" })).toBeVisible();
    for (const column of ["Quando", "Quem", "Ação", "Objeto", "Local", "Origem"]) {
      await expect(page.getByRole("columnheader", { name: column, exact: true })).toBeVisible();
    }
    await expect(page.getByLabel("Tipo de objeto")).toHaveValue("");
    await expect(page.getByLabel("Pessoa")).toBeVisible();
    await expect(page.getByLabel("Data inicial")).toBeVisible();
    await expect(entry(page, "Criado", name)).toContainText("Ramal de estacionamento de chamadas");
    await expect(entry(page, "Excluído", renamed)).toHaveCount(1);
    const updated = entry(page, "Atualizado", renamed);
    await updated.getByRole("button", { name: `Detalhes de Atualizado Ramal de estacionamento de chamadas ${renamed}` }).click();
    const changes = page.getByRole("table", { name: "Antes e depois" });
    await expect(changes.getByRole("row").filter({ hasText: "Nome" })).toContainText("Alterado");
    await expectNoAxeViolations(page, "Registro de auditoria");
  });
});

import type { APIRequestContext, Page } from "@playwright/test";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { chooseFile, openBulkManage, writeCsv } from "./bulk-manage-helpers";
import { expandPanelPart, expectStep, GROUPS, searchAndAdd } from "./call-parks-helpers";
import { chooseLocation, expect, expectNoAxeViolations, responseTo, test, uniqueExtension } from "./fixtures";
import { chooseSetting, resetCallParkSettings, saveSettings } from "./locations-helpers";

// Webex mode (the "gateway" project only): every change made in the screens goes to Webex —
// here the stand-in, read back through `upstream` — and a change made in Webex behind the
// gateway's back shows in the screens and the audit log after a synchronisation.

const EXTENSIONS = "/services/calling/features/call-park-extensions";
const AUDIT_LOG = "/audit-log";
/** A tag unique to this run, for names. */
const RUN = Date.now().toString(36).slice(-5);

interface Extension {
  id: string;
  name: string;
  extension: string;
  locationId: string;
}

/** The organisation's call park extensions with this extension number, in one location. */
async function extensionsNumbered(client: APIRequestContext, locationId: string, extension: string): Promise<Extension[]> {
  const response = await client.get(urlOf(api.callParkExtensions.list, {}, { locationId, extension }));
  expect(response.status()).toBe(200);
  return ((await response.json()).callParkExtensions as Extension[]).filter((c) => c.extension === extension);
}

/**
 * Asks the gateway to synchronise and waits until a synchronisation that started after
 * `since` has finished well (one already under way may have read Webex before the change).
 */
async function synchronise(request: APIRequestContext, since: number) {
  const started = await request.post(urlOf(api.gateway.sync));
  expect(started.status()).toBe(200);
  await expect(async () => {
    const status = await (await request.get(urlOf(api.gateway.status))).json();
    const fresh = status.lastSync !== undefined && Date.parse(status.lastSync.startedAt) >= since;
    if (!status.syncing && !fresh) await request.post(urlOf(api.gateway.sync));
    expect(status.mode).toBe("webex");
    expect(status.syncing).toBe(false);
    expect(fresh).toBe(true);
    expect(status.lastSync.outcome).toBe("succeeded");
  }, "a synchronisation started after the change finishes").toPass({ timeout: 60_000 });
}

/** The row of the list screen's table that names this call park extension. */
const extensionRow = (page: Page, name: string) => page.getByRole("row").filter({ has: page.getByRole("cell", { name, exact: true }) });

test.describe("Webex mode: through the gateway to Webex and back", () => {
  test.beforeEach(({ mode }) => {
    expect(mode, "gateway.spec.ts runs in the gateway project only").toBe("webex");
  });

  test("a call park extension added in the screens is in Webex", async ({ page, upstream, locationNamed }) => {
    const sanJose = locationNamed("San Jose HQ");
    const extension = uniqueExtension("73");
    const name = `Gateway park ${extension}`;

    await page.goto(`${EXTENSIONS}/new`);
    await chooseLocation(page, "Location", "San Jose HQ");
    await page.getByLabel("Call park extension name").fill(name);
    await page.getByLabel("Extension", { exact: true }).fill(extension);
    // Checked against Webex's numbering plan (validateExtensions goes through to it).
    await expect(page.getByText("This extension is available.")).toBeVisible();
    const created = responseTo(page, api.callParkExtensions.create, { locationId: sanJose.id });
    await page.getByRole("button", { name: "Save" }).click();
    expect((await created).status()).toBe(201);
    const { id } = await (await created).json();
    await expect(page.getByText("Call park extension created.")).toBeVisible();

    expect(await extensionsNumbered(upstream, sanJose.id, extension)).toEqual([expect.objectContaining({ id, name, extension, locationId: sanJose.id })]);
  });

  test("a group made in the wizard is in Webex with its members and ordered destinations; renamed in the side panel, under its new id", async ({
    page,
    request,
    upstream,
    locationNamed,
  }) => {
    // London: New York Office's Call Park Settings spec counts the groups recalling to a hunt group.
    const london = locationNamed("London");
    const params = { locationId: london.id };
    // Two free members, two free call park extensions and a hunt group of the location, as Webex lists them.
    const members = (await (await upstream.get(urlOf(api.callParks.availableUsers, params, { max: 2 }))).json()).agents as { id: string; displayName: string }[];
    const free = (await (await request.get(urlOf(api.callParks.availableCallParkExtensions, params, { max: 2 }))).json()).callParkExtensions as Extension[];
    const [huntGroup] = (await (await upstream.get(urlOf(api.callParks.availableRecallHuntGroups, params))).json()).huntGroups as { id: string; name: string }[];
    expect(members).toHaveLength(2);
    expect(free).toHaveLength(2);
    expect(huntGroup).toBeDefined();
    const name = `Gateway desk ${RUN}`;

    await page.goto(`${GROUPS}/new?location=${encodeURIComponent(london.id)}&step=name`);
    await expectStep(page, "name", "Location and Name");
    await page.getByLabel("Call park group name").fill(name);
    await page.getByRole("button", { name: "Next" }).click();

    await expectStep(page, "members", "Members");
    for (const member of members) await searchAndAdd(page, "Search members", member.displayName, `Add ${member.displayName}`);
    await expect(page.getByRole("heading", { name: "2 members" })).toBeVisible();
    await page.getByRole("button", { name: "Next" }).click();

    await expectStep(page, "destinations", "Park Destinations");
    for (const destination of free) await searchAndAdd(page, "Search call park extensions", destination.extension, `Add ${destination.name}`);
    // The second first: Webex must keep the hunting order chosen here.
    await page.getByRole("button", { name: `Move ${free[1].name} up` }).click();
    await expect(page.getByRole("list").filter({ hasText: "1." }).getByRole("listitem").first()).toContainText(free[1].name);
    await page.getByRole("button", { name: "Next" }).click();

    await expectStep(page, "recall", "Recall settings");
    await page.getByLabel("Alert parking user first, then hunt group").check();
    await page.getByLabel("Hunt group", { exact: true }).selectOption({ label: huntGroup.name });
    await page.getByRole("button", { name: "Next" }).click();

    await expectStep(page, "review", "Review");
    const created = responseTo(page, api.callParks.create, params);
    await page.getByRole("button", { name: "Create", exact: true }).click();
    expect((await created).status()).toBe(201);
    const { id } = await (await created).json();
    await expect(page.getByText("Call park group created.")).toBeVisible();
    const panel = page.getByRole("dialog", { name });
    const namePart = await expandPanelPart(panel, "en", "name");
    await expect(namePart.getByLabel("Call park group name")).toHaveValue(name);

    const inWebex = async (callParkId: string) => {
      const response = await upstream.get(urlOf(api.callParks.get, { ...params, callParkId }));
      expect(response.status()).toBe(200);
      return response.json();
    };
    const group = await inWebex(id);
    expect(group.name).toBe(name);
    expect(group.agents.map((a: { displayName: string }) => a.displayName)).toEqual(members.map((m) => m.displayName));
    expect(group.callParkExtensions.map((c: Extension) => c.id)).toEqual([free[1].id, free[0].id]);
    expect(group.recall).toEqual(expect.objectContaining({ option: "ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP", huntGroupId: huntGroup.id }));

    // Renamed in the side panel: Webex gives the group a new id, and the old one is gone there.
    const renamed = `Gateway dock ${RUN}`;
    await namePart.getByLabel("Call park group name").fill(renamed);
    const updated = responseTo(page, api.callParks.update, { ...params, callParkId: id });
    await panel.getByRole("button", { name: "Save" }).click();
    expect((await updated).status()).toBe(200);
    const newId: string = (await (await updated).json()).id;
    await expect(page.getByText("Call park group saved.")).toBeVisible();
    expect(newId).not.toBe(id);

    const listed = (await (await upstream.get(urlOf(api.callParks.list, params, { name: renamed }))).json()).callParks as { id: string; name: string }[];
    expect(listed).toEqual([expect.objectContaining({ id: newId, name: renamed })]);
    expect((await upstream.get(urlOf(api.callParks.get, { ...params, callParkId: id }))).status()).toBe(404);
    const after = await inWebex(newId);
    expect(after.agents.map((a: { displayName: string }) => a.displayName)).toEqual(members.map((m) => m.displayName));
    expect(after.callParkExtensions.map((c: Extension) => c.id)).toEqual([free[1].id, free[0].id]);

    // The list follows the new id.
    await page.getByRole("link", { name: renamed, exact: true }).click();
    await expect(page).toHaveURL((url) => decodeURIComponent(url.pathname.split("/").at(-1) ?? "") === newId);
  });

  test("Call Park Settings saved in the screens are Webex's", async ({ page, request, upstream, locationNamed }) => {
    const london = locationNamed("London");
    await resetCallParkSettings(request, london.id);
    await page.goto(`/locations/${encodeURIComponent(london.id)}/calling`);
    await expect(page.getByRole("heading", { level: 3, name: "Call Park Settings" })).toBeVisible();
    await chooseSetting(page, "Ring pattern", "Short-Long-Short");
    await page.getByRole("spinbutton", { name: "Recall Timer (seconds)" }).fill("90");
    await saveSettings(page, page.getByRole("button", { name: "Save" }), london.id);
    await expect(page.getByText("Call park settings saved.")).toBeVisible();

    const response = await upstream.get(urlOf(api.callParkSettings.get, { locationId: london.id }));
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({
      callParkRecall: { option: "ALERT_PARKING_USER_ONLY" },
      callParkSettings: { ringPattern: "SHORT_LONG_SHORT", recallTime: 90, huntWaitTime: 45 },
    });
    await resetCallParkSettings(request, london.id);
  });

  test("a bulk import followed on Tasks to completion puts its rows in Webex", async ({ page, upstream, locationNamed }, testInfo) => {
    const sanJose = locationNamed("San Jose HQ");
    const rows = [uniqueExtension("74"), uniqueExtension("74")].map((extension) => ({ extension, name: `Imported ${extension}` }));
    const fileName = `gateway-import-${RUN}.csv`;
    const file = writeCsv(
      testInfo.outputPath(fileName),
      `Location,Call Park Extension Name,Extension\r\n${rows.map((r) => `San Jose HQ,${r.name},${r.extension}`).join("\r\n")}\r\n`,
    );

    await openBulkManage(page, { manage: "Manage call park extensions", bulk: "Bulk manage" });
    const dialog = page.getByRole("dialog", { name: "Bulk manage call park extensions" });
    await chooseFile(page, "Choose a CSV file", file);
    await expect(dialog.getByText("2 rows: 2 to create, 0 to update, 0 to delete, 0 unchanged, 0 with errors.")).toBeVisible();
    await dialog.getByRole("button", { name: "Submit" }).click();
    await expect(page.getByText("Import task started.", { exact: true })).toBeVisible();

    await dialog.getByRole("link", { name: "Open the task" }).click();
    await expect(page.getByRole("heading", { level: 1, name: fileName })).toBeVisible();
    await expect(page.getByText("Completed", { exact: true })).toBeVisible();
    await expect(page.getByText("Every row was imported without errors.")).toBeVisible();
    // The page's own way back to the Tasks list, not the navigation's link of the same name.
    await page.getByRole("main").getByRole("link", { name: "Tasks", exact: true }).click();
    const task = page.getByRole("row", { name: new RegExp(fileName.replace(/\./g, "\\.")) });
    await expect(task).toContainText("Completed");
    await expect(task).toContainText("2 of 2 rows: 2 created, 0 updated, 0 deleted, 0 unchanged, 0 failed");

    for (const row of rows) {
      expect(await extensionsNumbered(upstream, sanJose.id, row.extension), `row ${row.extension} in Webex`).toEqual([
        expect.objectContaining({ name: row.name, extension: row.extension }),
      ]);
    }
  });

  test("a call park extension created in Webex directly shows after a synchronisation, with its audit entry", async ({
    page,
    request,
    upstream,
    locationNamed,
  }) => {
    const sanJose = locationNamed("San Jose HQ");
    const extension = uniqueExtension("75");
    const name = `Made in Webex ${extension}`;
    const created = await upstream.post(urlOf(api.callParkExtensions.create, { locationId: sanJose.id }), { data: { name, extension } });
    expect(created.status()).toBe(201);
    const { id } = await created.json();
    // Behind the gateway's back: not there until it synchronises.
    expect(await extensionsNumbered(request, sanJose.id, extension)).toEqual([]);

    await synchronise(request, Date.now());

    await page.goto(EXTENSIONS);
    await page.getByRole("searchbox", { name: "Search" }).fill(extension);
    await expect(extensionRow(page, name)).toContainText("San Jose HQ");

    // The audit log names Webex as the author, and says the change was made outside the app.
    const entries = (await (await request.get(urlOf(api.auditEvents.list, {}, { objectId: id }))).json()).items;
    expect(entries).toEqual([expect.objectContaining({ action: "CREATE", origin: "upstream", actorName: "Webex", objectName: name })]);

    await page.goto(`${AUDIT_LOG}?objectId=${encodeURIComponent(id)}`);
    await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
    const row = page.locator("tbody tr.audit-row");
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(name);
    await expect(row).toContainText("Webex");
    await expect(row).toContainText("Created");
    await expect(row.getByText("Changed outside Call Park Admin", { exact: true })).toBeVisible();
    await page.getByLabel("Made in", { exact: true }).selectOption({ label: "Outside Call Park Admin" });
    await expect(page).toHaveURL(/[?&]origin=upstream(&|$)/);
    await expect(row).toHaveCount(1);
    await expectNoAxeViolations(page, "Audit log, a change made outside Call Park Admin");
    await page.getByLabel("Made in", { exact: true }).selectOption({ label: "Call Park Admin" });
    await expect(page.getByRole("row", { name: new RegExp(name) })).toHaveCount(0);
  });
});

import type { Page } from "@playwright/test";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { DEMO_ADMINS, expect, pageOf, responseTo, test, uniqueExtension } from "./fixtures";
import { confirmEmptyGroup, deleteGroupsStartingWith, expandPanelPart, GROUPS, searchAndAdd } from "./call-parks-helpers";
import { chooseSetting, resetCallParkSettings, storedSettings } from "./locations-helpers";

// Two administrators, one object, two browsers: Morgan Reyes (the full administrator, this
// test's page) and Beatriz Souza (São Paulo's location administrator, a second browser
// context) open the same object; Beatriz saves first. Morgan's save is not applied over
// hers unseen: Morgan is told who changed what, and reloads or applies their change on top.

const LOCATION = "São Paulo";
const BEATRIZ = DEMO_ADMINS.location.displayName;

/** The conflict dialog's rows: field, as opened, now, and the administrator's change. */
async function conflictRows(page: Page) {
  const dialog = page.getByRole("alertdialog", { name: "Someone else changed this" });
  await expect(dialog).toContainText(`${BEATRIZ} changed it on`);
  return dialog.locator("tbody tr").evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent)));
}

test.describe("two administrators editing the same object", () => {
  let beatriz: Page;

  test.beforeEach(async ({ browser, baseURL }) => {
    beatriz = await pageOf(browser, "location", baseURL!);
  });

  test.afterEach(async () => {
    await beatriz.context().close();
  });

  test("a call park extension: Morgan sees Beatriz's new extension and applies the new name on top", async ({ page, request, locationNamed }) => {
    const saoPaulo = locationNamed(LOCATION);
    const [opened, theirs] = [uniqueExtension("84"), uniqueExtension("85")];
    const created = await request.post(urlOf(api.callParkExtensions.create, { locationId: saoPaulo.id }), {
      data: { name: "Shared park", extension: opened },
    });
    expect(created.status()).toBe(201);
    const id: string = (await created.json()).id;
    const address = `/services/calling/features/call-park-extensions/${encodeURIComponent(saoPaulo.id)}/${encodeURIComponent(id)}`;

    for (const p of [page, beatriz]) {
      await p.goto(address);
      await expect(p.getByRole("textbox", { name: "Extension", exact: true })).toHaveValue(opened);
    }
    await beatriz.getByRole("textbox", { name: "Extension", exact: true }).fill(theirs);
    const hers = responseTo(beatriz, api.callParkExtensions.update, { locationId: saoPaulo.id, callParkExtensionId: id });
    await beatriz.getByRole("button", { name: "Save" }).click();
    expect((await hers).status()).toBe(204);

    await page.getByRole("textbox", { name: "Call park extension name" }).fill("Morgan's park");
    const refused = responseTo(page, api.callParkExtensions.update, { locationId: saoPaulo.id, callParkExtensionId: id });
    await page.getByRole("button", { name: "Save" }).click();
    expect((await refused).status()).toBe(412);
    expect(await conflictRows(page)).toEqual([
      ["Call park extension name", "Shared park", "Shared park", "Morgan's park"],
      ["Extension", opened, theirs, "Not changed"],
    ]);

    await page.getByRole("button", { name: "Apply my changes on top" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Call Park Extensions" })).toBeVisible();
    const stored = await (await request.get(urlOf(api.callParkExtensions.get, { locationId: saoPaulo.id, callParkExtensionId: id }))).json();
    expect({ name: stored.name, extension: stored.extension }).toEqual({ name: "Morgan's park", extension: theirs });
    await request.delete(urlOf(api.callParkExtensions.delete, { locationId: saoPaulo.id, callParkExtensionId: id }));
  });

  test("a call park group: Beatriz adds a member, Morgan's park-on-members change goes on top and her member stays", async ({
    page,
    request,
    locationNamed,
  }) => {
    const saoPaulo = locationNamed(LOCATION);
    await deleteGroupsStartingWith(request, saoPaulo.id, "Shared desk");
    const free = await request.get(urlOf(api.callParks.availableUsers, { locationId: saoPaulo.id }, { max: 50 }));
    const people = ((await free.json()).agents as { id: string; displayName: string; type: string }[]).filter((a) => a.type === "PEOPLE");
    const [first, second] = people;
    const created = await request.post(urlOf(api.callParks.create, { locationId: saoPaulo.id }), {
      data: { name: "Shared desk", recall: { option: "ALERT_PARKING_USER_ONLY" }, agents: [first.id] },
    });
    expect(created.status()).toBe(201);
    const callParkId: string = (await created.json()).id;
    const address = `${GROUPS}/${encodeURIComponent(saoPaulo.id)}/${encodeURIComponent(callParkId)}`;
    const panelOf = (p: Page) => p.getByRole("dialog", { name: "Shared desk" });

    for (const p of [page, beatriz]) {
      await p.goto(address);
      await expect((await expandPanelPart(panelOf(p), "en", "members")).getByRole("button", { name: `Remove ${first.displayName}` })).toBeVisible();
    }
    await searchAndAdd(beatriz, "Search members", second.displayName, `Add ${second.displayName}`);
    const hers = responseTo(beatriz, api.callParks.update, { locationId: saoPaulo.id, callParkId });
    await panelOf(beatriz).getByRole("button", { name: "Save" }).click();
    // Members and no park destination yet: saved on purpose.
    await confirmEmptyGroup(beatriz);
    expect((await hers).status()).toBe(200);

    await (await expandPanelPart(panelOf(page), "en", "destinations")).getByLabel("Use members as park destinations").click();
    const refused = responseTo(page, api.callParks.update, { locationId: saoPaulo.id, callParkId });
    await panelOf(page).getByRole("button", { name: "Save" }).click();
    expect((await refused).status()).toBe(412);
    expect(await conflictRows(page)).toEqual([
      ["Members", first.displayName, `${first.displayName}, ${second.displayName}`, "Not changed"],
      ["Use members as park destinations", "No", "No", "Yes"],
    ]);

    const applied = responseTo(page, api.callParks.update, { locationId: saoPaulo.id, callParkId });
    await page.getByRole("button", { name: "Apply my changes on top" }).click();
    expect((await applied).status()).toBe(200);
    const stored = await (await request.get(urlOf(api.callParks.get, { locationId: saoPaulo.id, callParkId }))).json();
    expect(stored.agents.map((a: { id: string }) => a.id)).toEqual([first.id, second.id]);
    expect(stored.parkOnAgentsEnabled).toBe(true);
    await deleteGroupsStartingWith(request, saoPaulo.id, "Shared desk");
  });

  test("Call Park Settings: Morgan reloads Beatriz's Recall Timer, then saves the ring pattern on it", async ({ page, request, locationNamed }) => {
    const saoPaulo = locationNamed(LOCATION);
    await resetCallParkSettings(request, saoPaulo.id);
    try {
      const recallTimer = (p: Page) => p.getByRole("spinbutton", { name: "Recall Timer (seconds)" });
      for (const p of [page, beatriz]) {
        await p.goto(`/locations/${encodeURIComponent(saoPaulo.id)}/calling`);
        await expect(recallTimer(p)).toHaveValue("45");
      }
      await recallTimer(beatriz).fill("150");
      const hers = responseTo(beatriz, api.callParkSettings.update, { locationId: saoPaulo.id });
      await beatriz.getByRole("button", { name: "Save" }).click();
      expect((await hers).status()).toBe(204);

      await chooseSetting(page, "Ring pattern", "Long-Long");
      const refused = responseTo(page, api.callParkSettings.update, { locationId: saoPaulo.id });
      await page.getByRole("button", { name: "Save" }).click();
      expect((await refused).status()).toBe(412);
      expect(await conflictRows(page)).toEqual([
        ["Ring pattern", "Normal", "Normal", "Long-Long"],
        ["Recall Timer (seconds)", "45", "150", "Not changed"],
      ]);

      await page.getByRole("button", { name: "Reload their version" }).click();
      await expect(page.getByRole("alertdialog")).toHaveCount(0);
      await expect(recallTimer(page)).toHaveValue("150");
      await chooseSetting(page, "Ring pattern", "Long-Long");
      const saved = responseTo(page, api.callParkSettings.update, { locationId: saoPaulo.id });
      await page.getByRole("button", { name: "Save" }).click();
      expect((await saved).status()).toBe(204);
      const stored = await storedSettings(request, saoPaulo.id);
      expect(stored.callParkSettings).toMatchObject({ recallTime: 150, ringPattern: "LONG_LONG" });
    } finally {
      await resetCallParkSettings(request, saoPaulo.id);
    }
  });
});

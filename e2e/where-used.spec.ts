import type { APIRequestContext, Locator, Page } from "@playwright/test";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { chooseFile, openBulkManage, writeCsv } from "./bulk-manage-helpers";
import { deleteGroupsStartingWith, GROUPS } from "./call-parks-helpers";
import { expect, expectNoAxeViolations, test } from "./fixtures";

// Where-used: before a call park extension goes (or takes a new number) and before a group
// goes, the dialog says who relies on it. In London, on call park extensions 8300–8309 and a
// group "Where-used desk" of this spec's own, made before each test and removed after it.
const LOCATION = "London";
const GROUP = "Where-used desk";
const LIST = "/services/calling/features/call-park-extensions";
const OURS = /^830\d$/;

interface Desk {
  locationId: string;
  members: string[];
  /** By extension: 8300 (position 2 of 3), 8301 (1 of 3), 8302 (3 of 3), 8303 (in no group). */
  ids: Record<string, string>;
}

async function removeOurs(request: APIRequestContext, locationId: string) {
  await deleteGroupsStartingWith(request, locationId, GROUP);
  const listed = await request.get(urlOf(api.callParkExtensions.list, {}, { locationId, extension: "830", max: 100 }));
  for (const item of (await listed.json()).callParkExtensions as { id: string; extension: string }[]) {
    if (OURS.test(item.extension)) await request.delete(urlOf(api.callParkExtensions.delete, { locationId, callParkExtensionId: item.id }));
  }
}

/** Four call park extensions and a group of three people in no other group, hunting 8301, 8300, 8302. */
async function makeDesk(request: APIRequestContext, locationId: string): Promise<Desk> {
  await removeOurs(request, locationId);
  const ids: Record<string, string> = {};
  for (const [extension, name] of [["8300", "Where-used B"], ["8301", "Where-used A"], ["8302", "Where-used C"], ["8303", "Where-used free"]]) {
    const created = await request.post(urlOf(api.callParkExtensions.create, { locationId }), { data: { name, extension } });
    expect(created.status()).toBe(201);
    ids[extension] = (await created.json()).id;
  }
  const free = await request.get(urlOf(api.callParks.availableUsers, { locationId }, { order: "lname", max: 50 }));
  const people = ((await free.json()).agents as { id: string; displayName: string; type: string }[]).filter((a) => a.type === "PEOPLE").slice(0, 3);
  expect(people).toHaveLength(3);
  const group = await request.post(urlOf(api.callParks.create, { locationId }), {
    data: {
      name: GROUP,
      recall: { option: "ALERT_PARKING_USER_ONLY" },
      agents: people.map((p) => p.id),
      callParkExtensions: [ids["8301"], ids["8300"], ids["8302"]],
    },
  });
  expect(group.status()).toBe(201);
  return { locationId, members: people.map((p) => p.displayName), ids };
}

let desk: Desk;

test.beforeEach(async ({ request, locationNamed }) => {
  desk = await makeDesk(request, locationNamed(LOCATION).id);
});

test.afterEach(async ({ request }) => {
  await removeOurs(request, desk.locationId);
});

test.describe("where-used, in English", () => {
  test("deleting a used call park extension names the group and the position; alone, or several at once", async ({ page }) => {
    await page.goto(`${LIST}?q=830`);
    const row = page.getByRole("row", { name: /Where-used B/ });
    await row.getByRole("button", { name: "Delete Where-used B", exact: true }).click();
    const dialog = page.getByRole("alertdialog", { name: "Delete call park extension?" });
    await expect(
      dialog.getByText(`Used by the group ${GROUP} as park destination 2 of 3: calls parked with #58 will no longer land on it.`, { exact: true }),
    ).toBeVisible();
    await expectNoAxeViolations(page, "Delete dialog of a used call park extension");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toHaveCount(0);

    await page.getByRole("row", { name: /Where-used free/ }).getByRole("button", { name: "Delete Where-used free", exact: true }).click();
    await expect(dialog.getByText("No call park group uses it as a park destination.", { exact: true })).toBeVisible();
    await dialog.getByRole("button", { name: "Cancel" }).click();

    for (const name of ["Where-used A", "Where-used C", "Where-used free"]) {
      await page.getByRole("checkbox", { name: `Select ${name} (${name === "Where-used A" ? "8301" : name === "Where-used C" ? "8302" : "8303"}, ${LOCATION})` }).check();
    }
    await page.getByRole("button", { name: "Delete 3", exact: true }).click();
    const bulk = page.getByRole("alertdialog", { name: "Delete 3 call park extensions?" });
    await expect(bulk.getByText("2 of them are park destinations of call park groups, which lose them:", { exact: true })).toBeVisible();
    await expect(bulk.getByText(`Where-used A (8301, ${LOCATION}): used by the group ${GROUP} as park destination 1 of 3`, { exact: true })).toBeVisible();
    await expect(bulk.getByText(`Where-used C (8302, ${LOCATION}): used by the group ${GROUP} as park destination 3 of 3`, { exact: true })).toBeVisible();
    await expectNoAxeViolations(page, "Bulk delete of call park extensions, some used");
    await bulk.getByRole("button", { name: "Cancel" }).click();
    await expect(bulk).toHaveCount(0);
  });

  test("a new number for a used call park extension is asked about first, then saved", async ({ page, request }) => {
    await page.goto(`${LIST}?q=830`);
    await page.getByRole("link", { name: "Edit Where-used B", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Where-used B" })).toBeVisible();
    await page.getByLabel("Extension", { exact: true }).fill("8309");
    await expect(page.getByText("This extension is available.")).toBeVisible();
    await page.getByRole("button", { name: "Save" }).click();
    const question = page.getByRole("alertdialog", { name: "Change the extension of a park destination?" });
    await expect(question).toContainText(
      `Used by the group ${GROUP} as park destination 2 of 3: calls parked with #58 will land on 8309 instead of 8300, and are retrieved with *888309.`,
    );
    await expectNoAxeViolations(page, "Change of number of a used call park extension");
    await question.getByRole("button", { name: "Change extension" }).click();
    await expect(page.getByText("Call park extension saved.")).toBeVisible();

    const used = await request.post(urlOf(api.callParkExtensions.whereUsed, { locationId: desk.locationId }), { data: { ids: [desk.ids["8300"]] } });
    expect((await used.json()).items).toEqual([{ id: desk.ids["8300"], callParks: [expect.objectContaining({ name: GROUP, position: 2, of: 3 })] }]);
    const renumbered = await request.get(urlOf(api.callParkExtensions.get, { locationId: desk.locationId, callParkExtensionId: desk.ids["8300"] }));
    expect((await renumbered.json()).extension).toBe("8309");
  });

  test("deleting a group lists its members, from its side panel and in a bulk delete", async ({ page }) => {
    await page.goto(`${GROUPS}?q=${encodeURIComponent(GROUP)}`);
    await page.getByRole("link", { name: GROUP, exact: true }).click();
    const panel = page.getByRole("dialog", { name: GROUP });
    // The panel drawn whole (its location named) before the button is pressed.
    await expect(panel.getByRole("region", { name: "Location" })).toContainText(LOCATION);
    await panel.getByRole("button", { name: "Delete group" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Delete call park group?" });
    await expect(dialog.getByText("It has 3 members, who park calls in it with #58:", { exact: true })).toBeVisible();
    await expect(dialog.getByRole("listitem")).toHaveText(desk.members);
    await expectNoAxeViolations(page, "Delete dialog of a group");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toHaveCount(0);
    await panel.getByRole("button", { name: "Close", exact: true }).click();
    await expect(panel).toHaveCount(0);

    await page.getByRole("checkbox", { name: `Select ${GROUP} (${LOCATION})` }).check();
    await page.getByRole("button", { name: "Delete 1", exact: true }).click();
    const bulk = page.getByRole("alertdialog", { name: "Delete 1 call park group?" });
    await expect(bulk.getByText(`${GROUP} (${LOCATION}): 3 members: ${desk.members.join(", ")}`, { exact: true })).toBeVisible();
    await expectNoAxeViolations(page, "Bulk delete of groups");
    await bulk.getByRole("button", { name: "Cancel" }).click();
    await expect(bulk).toHaveCount(0);
  });

  test("the import preview's DELETE row says which group uses the call park extension and where", async ({ page }, testInfo) => {
    const file = writeCsv(
      testInfo.outputPath("where-used.csv"),
      `Location,Call Park Extension Name,Extension,Action\r\n${LOCATION},,8300,DELETE\r\n${LOCATION},,8303,DELETE\r\n`,
    );
    await openBulkManage(page, { manage: "Manage call park extensions", bulk: "Bulk manage" });
    const dialog = page.getByRole("dialog", { name: "Bulk manage call park extensions" });
    await chooseFile(page, "Choose a CSV file", file);
    const preview = dialog.getByRole("table", { name: "What each row of the file would do" });
    await expect(preview.getByRole("row")).toHaveCount(3);
    const [used, unused] = [preview.getByRole("row").nth(1), preview.getByRole("row").nth(2)];
    await expect(used).toContainText(`Used by the group ${GROUP} as park destination 2 of 3: calls parked with #58 will no longer land on it.`);
    await expect(unused).toContainText("Delete");
    await expect(unused).not.toContainText("Used by");
    await expectNoAxeViolations(page, "Import preview with a used call park extension");
  });
});

/** The open dialog fits a phone's width, and the page does not scroll sideways under it. */
async function expectFitsPhone(page: Page, dialog: Locator) {
  const box = await dialog.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 375).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
}

test.describe("where-used, in Portuguese, on a phone", () => {
  test.use({ language: "pt-BR", locale: "pt-BR", viewport: { width: 375, height: 800 } });

  test("a exclusão de um ramal usado diz o grupo e a posição; a de um grupo, os membros", async ({ page }) => {
    await page.goto(`${LIST}?q=830`);
    await page.getByRole("row", { name: /Where-used B/ }).getByRole("button", { name: "Excluir Where-used B", exact: true }).click();
    const dialog = page.getByRole("alertdialog", { name: "Excluir ramal de estacionamento de chamadas?" });
    await expect(
      dialog.getByText(
        `Usado pelo grupo ${GROUP} como destino de estacionamento 2 de 3: as chamadas estacionadas com #58 não vão mais cair nele.`,
        { exact: true },
      ),
    ).toBeVisible();
    await expectNoAxeViolations(page, "Exclusão de um ramal usado");
    await expectFitsPhone(page, dialog);
    await dialog.getByRole("button", { name: "Cancelar" }).click();

    await page.goto(`${GROUPS}?q=${encodeURIComponent(GROUP)}`);
    await page.getByRole("link", { name: GROUP, exact: true }).click();
    await page.getByRole("dialog", { name: GROUP }).getByRole("button", { name: "Excluir grupo" }).click();
    const group = page.getByRole("alertdialog", { name: "Excluir grupo de estacionamento de chamadas?" });
    await expect(group.getByText("Ele tem 3 membros, que estacionam chamadas nele com #58:", { exact: true })).toBeVisible();
    await expect(group.getByRole("listitem")).toHaveText(desk.members);
    await expectNoAxeViolations(page, "Exclusão de um grupo");
    await expectFitsPhone(page, group);
  });
});

import type { APIRequestContext, Page } from "@playwright/test";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { chooseFile, downloadedText, writeCsv } from "./bulk-manage-helpers";
import { expect, expectNoAxeViolations, test } from "./fixtures";

// Call park groups by CSV (issue 18): export a location's groups, import the file unchanged
// (nothing changes), then a file that updates, adds, deletes and has a wrong row, followed on
// Tasks. The e2e database is shared with other specs: this one works in Florianópolis with
// groups named "CSV …", members and call park extensions no group has, and removes its groups.
const LOCATION = "Florianópolis";
const OURS = /^CSV /;

interface Free {
  member: { id: string; email: string; displayName: string };
  extensions: { id: string; extension: string }[];
}

/** A person no group has, and two call park extensions no group parks on, in the location. */
async function free(request: APIRequestContext, locationId: string): Promise<Free> {
  const users = (await (await request.get(urlOf(api.callParks.availableUsers, { locationId }, { max: 200 }))).json()).agents as {
    id: string;
    type: string;
    email: string;
    displayName: string;
  }[];
  const member = users.find((u) => u.type === "PEOPLE" && u.email)!;
  const available = (await (await request.get(urlOf(api.callParks.availableCallParkExtensions, { locationId }, { max: 1000 }))).json())
    .callParkExtensions as { id: string; extension: string }[];
  // Not 81xx: the bulk manage specs make and delete those in this location.
  const extensions = available.filter((e) => !/^81\d\d$/.test(e.extension)).slice(0, 2);
  expect(member, "a free person").toBeTruthy();
  expect(extensions).toHaveLength(2);
  return { member, extensions };
}

async function ourGroups(request: APIRequestContext, locationId: string) {
  const res = await request.get(urlOf(api.callParks.list, { locationId }));
  expect(res.ok()).toBeTruthy();
  return ((await res.json()).callParks as { id: string; name: string }[]).filter((g) => OURS.test(g.name));
}

async function removeOurs(request: APIRequestContext, locationId: string) {
  for (const g of await ourGroups(request, locationId)) {
    expect((await request.delete(urlOf(api.callParks.delete, { locationId, callParkId: g.id }))).status()).toBe(204);
  }
}

async function openGroupBulkManage(page: Page, { manage, bulk }: { manage: string; bulk: string }) {
  await page.goto("/services/calling/features");
  await page.getByRole("button", { name: manage, exact: true }).click();
  await page.getByRole("menuitem", { name: bulk, exact: true }).click();
}

/** The exported file's header and the rows of this spec's groups, as downloaded (other specs' groups left out). */
function onlyOurs(text: string): string {
  const [header, ...rows] = text.split("\r\n");
  return [header, ...rows.filter((r) => r.startsWith('"CSV '))].join("\r\n") + "\r\n";
}

test.beforeEach(async ({ request, locationNamed }) => {
  await removeOurs(request, locationNamed(LOCATION).id);
});
test.afterEach(async ({ request, locationNamed }) => {
  await removeOurs(request, locationNamed(LOCATION).id);
});

test.describe("call park groups by CSV, in English", () => {
  test("export → import unchanged changes nothing; then an update, an add, a delete and a wrong row, followed on Tasks", async ({
    page,
    request,
    locationNamed,
  }, testInfo) => {
    const { id: locationId } = locationNamed(LOCATION);
    const { member, extensions } = await free(request, locationId);
    for (const [name, body] of [
      ["CSV Dock", { agents: [member.id], callParkExtensions: extensions.map((e) => e.id) }],
      ["CSV Old", {}],
    ] as const) {
      const res = await request.post(urlOf(api.callParks.create, { locationId }), { data: { name, recall: { option: "ALERT_PARKING_USER_ONLY" }, ...body } });
      expect(res.status(), await res.text()).toBe(201);
    }

    await openGroupBulkManage(page, { manage: "Manage call park groups", bulk: "Bulk manage" });
    const dialog = page.getByRole("dialog", { name: "Bulk manage call park groups" });
    await expect(dialog).toBeVisible();
    await expectNoAxeViolations(page, "Bulk manage call park groups");

    await dialog.getByRole("combobox", { name: "Location", exact: true }).fill(LOCATION);
    await page.getByRole("option", { name: LOCATION, exact: true }).click();
    const download = page.waitForEvent("download");
    await dialog.getByRole("button", { name: "Export CSV" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("call-park-groups-florianopolis.csv");
    const text = await downloadedText(file);
    expect(text).toContain('"Call Park Name","Location","Recall To","Hunt Group","Members","Use Members As Park Destinations","Call Park Extensions","Action"');
    const dock = `"CSV Dock","${LOCATION}","ALERT_PARKING_USER_ONLY","","${member.email}","false","${extensions.map((e) => e.extension).join("|")}",""`;
    expect(text).toContain(dock);

    // The export, imported unchanged: nothing to do.
    await chooseFile(page, "Choose a CSV file", writeCsv(testInfo.outputPath("groups.csv"), onlyOurs(text)));
    await expect(dialog.getByText("2 rows: 0 to create, 0 to update, 0 to delete, 2 unchanged, 0 with errors.")).toBeVisible();
    await expect(dialog.getByRole("button", { name: "Submit" })).toBeDisabled();

    // An edited file: Dock loses its second extension, a new group, Old deleted, a wrong row.
    const edited = writeCsv(
      testInfo.outputPath("groups-edited.csv"),
      "Call Park Name,Location,Recall To,Hunt Group,Members,Use Members As Park Destinations,Call Park Extensions,Action\r\n" +
        `CSV Dock,${LOCATION},ALERT_PARKING_USER_ONLY,,${member.email},false,${extensions[0].extension},\r\n` +
        `CSV New,${LOCATION},,,,,,ADD\r\n` +
        `CSV Old,${LOCATION},,,,,,DELETE\r\n` +
        `CSV Ghost,${LOCATION},,,ghost@acme.example,,,\r\n`,
    );
    await chooseFile(page, "Choose a CSV file", edited);
    await expect(dialog.getByText("4 rows: 1 to create, 1 to update, 1 to delete, 0 unchanged, 1 with errors.")).toBeVisible();
    const preview = dialog.getByRole("table", { name: "What each row of the file would do" });
    await expect(preview.getByRole("row", { name: /CSV Dock/ })).toContainText("Changes: call park extensions.");
    await expect(preview.getByRole("row", { name: /CSV Old/ })).toContainText("It has no members.");
    await expect(preview.getByRole("row", { name: /CSV Ghost/ })).toContainText("No person, workspace or virtual line ghost@acme.example in this location.");
    await expectNoAxeViolations(page, "Group import preview");

    await dialog.getByRole("button", { name: "Submit" }).click();
    await dialog.getByRole("link", { name: "Open the task" }).click();
    await expect(page).toHaveURL(/\/tasks\/[^/?]+\?kind=callParks$/);
    await expect(page.getByRole("heading", { level: 1, name: "groups-edited.csv" })).toBeVisible();
    await expect(page.getByText("Completed with errors", { exact: true })).toBeVisible();
    await expectNoAxeViolations(page, "Group import task");

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Tasks" }).click();
    // The switch follows the address, which the click changes: checked once the router has moved.
    await page.getByRole("radio", { name: "Call park groups" }).click();
    await expect(page.getByRole("radio", { name: "Call park groups" })).toBeChecked();
    await expect(page).toHaveURL(/\/tasks\?kind=callParks/);
    await expect(page.getByRole("row", { name: /groups-edited\.csv/ }).first()).toContainText("4 of 4 rows");

    expect((await ourGroups(request, locationId)).map((g) => g.name).sort()).toEqual(["CSV Dock", "CSV New"]);
    const [dockNow] = (await ourGroups(request, locationId)).filter((g) => g.name === "CSV Dock");
    const detail = await (await request.get(urlOf(api.callParks.get, { locationId, callParkId: dockNow.id }))).json();
    expect(detail.callParkExtensions.map((c: { extension: string }) => c.extension)).toEqual([extensions[0].extension]);
  });
});

test.describe("grupos de estacionamento de chamadas por CSV, em português, num telefone", () => {
  test.use({ language: "pt-BR", locale: "pt-BR", viewport: { width: 375, height: 800 } });

  test("cabeçalhos em português e ponto e vírgula: o modelo, a prévia e a importação", async ({ page, request, locationNamed }, testInfo) => {
    const { id: locationId } = locationNamed(LOCATION);
    const { member } = await free(request, locationId);
    await openGroupBulkManage(page, { manage: "Gerenciar grupos de estacionamento de chamadas", bulk: "Gerenciamento em massa" });
    const dialog = page.getByRole("dialog", { name: "Gerenciamento em massa de grupos de estacionamento de chamadas" });
    await expect(dialog).toBeVisible();

    const template = page.waitForEvent("download");
    await dialog.getByRole("button", { name: "Baixar modelo" }).click();
    expect(await downloadedText(await template)).toContain('"Call Park Name","Location","Recall To"');

    const file = writeCsv(
      testInfo.outputPath("grupos.csv"),
      "Nome do grupo;Local;Rechamar para;Grupo de busca;Membros;Usar membros como destinos de estacionamento;Ramais de estacionamento de chamadas;Ação\r\n" +
        `CSV Recepção;${LOCATION};ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP;Suporte;${member.email};sim;;\r\n` +
        `CSV Doca;${LOCATION};ALERT_HUNT_GROUP_ONLY;;;;;\r\n`,
    );
    await chooseFile(page, "Escolha um arquivo CSV", file);
    await expect(dialog.getByText("2 linhas: 1 a criar, 0 a atualizar, 0 a excluir, 0 sem alteração, 1 com erros.")).toBeVisible();
    const preview = dialog.getByRole("table", { name: "O que cada linha do arquivo faria" });
    await expect(preview.getByRole("row", { name: /CSV Doca/ })).toContainText("Escolha o grupo de busca que receberá as chamadas estacionadas não recuperadas.");
    await expectNoAxeViolations(page, "Prévia da importação de grupos");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    await dialog.getByRole("button", { name: "Enviar" }).click();
    await dialog.getByRole("link", { name: "Abrir a tarefa" }).click();
    await expect(page.getByText("Concluída com erros", { exact: true })).toBeVisible();
    expect((await ourGroups(request, locationId)).map((g) => g.name)).toEqual(["CSV Recepção"]);
  });
});

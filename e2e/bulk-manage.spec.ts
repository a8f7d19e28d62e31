import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import {
  chooseFile,
  cleanUp,
  createExtension,
  downloadedText,
  jobCount,
  LOCATION,
  oursIn,
  openBulkManage,
  writeCsv,
} from "./bulk-manage-helpers";
import { DEMO_ADMINS, expect, expectNoAxeViolations, test } from "./fixtures";

const BOM = "\uFEFF";
const OPEN = { manage: "Manage call park extensions", bulk: "Bulk manage" };
const CHOOSE = "Choose a CSV file";
const HEADER = '"Location","Call Park Extension Name","Extension","Action"';

test.afterEach(async ({ request, locationNamed }) => {
  await cleanUp(request, locationNamed(LOCATION).id);
});

test.describe("bulk manage call park extensions, in English", () => {
  test("a comma file with a BOM: preview, submit, the task finishes, and the same file again changes nothing", async ({
    page,
    request,
    locationNamed,
  }, testInfo) => {
    const floripa = locationNamed(LOCATION);
    const file = writeCsv(
      testInfo.outputPath("parks-comma.csv"),
      `${BOM}Location,Call Park Extension Name,Extension,Action\r\n` +
        `${LOCATION},Lobby park 8101,8101,ADD\r\n` +
        `${LOCATION},"Dock, north",8102,\r\n` +
        `${LOCATION},Garage park 8103,8103,add\r\n`,
    );

    await openBulkManage(page, OPEN);
    const dialog = page.getByRole("dialog", { name: "Bulk manage call park extensions" });
    await expect(dialog).toBeVisible();
    await expect(page).toHaveURL(/\/call-park-extensions\/bulk$/);
    await expectNoAxeViolations(page, "Bulk manage dialog");

    const template = page.waitForEvent("download");
    await dialog.getByRole("button", { name: "Download template" }).click();
    const templateFile = await template;
    expect(templateFile.suggestedFilename()).toBe("call-park-extensions-template.csv");
    expect(await downloadedText(templateFile)).toBe(`${BOM}${HEADER}\r\n`);

    await chooseFile(page, CHOOSE, file);
    await expect(dialog.getByText("parks-comma.csv: 3 rows read.")).toBeVisible();
    await expect(dialog.getByText("3 rows: 3 to create, 0 to update, 0 to delete, 0 unchanged, 0 with errors.")).toBeVisible();
    const preview = dialog.getByRole("table", { name: "What each row of the file would do" });
    await expect(preview.getByRole("row")).toHaveCount(4);
    await expect(preview.getByRole("row", { name: /Dock, north/ })).toContainText("Create");
    await expect(dialog.getByText("Submit imports 3 changes.")).toBeVisible();
    await expectNoAxeViolations(page, "Bulk manage preview");

    await dialog.getByRole("button", { name: "Submit" }).click();
    await expect(page.getByText("Import task started.", { exact: true })).toBeVisible();
    await dialog.getByRole("link", { name: "Open the task" }).click();
    await expect(page).toHaveURL(/\/tasks\/[^/]+$/);
    await expect(page.getByRole("heading", { level: 1, name: "parks-comma.csv" })).toBeVisible();
    await expect(page.getByText("Completed", { exact: true })).toBeVisible();
    await expect(page.getByRole("main").getByText(DEMO_ADMINS.full.displayName)).toBeVisible();
    await expect(page.getByText("Every row was imported without errors.")).toBeVisible();
    await expectNoAxeViolations(page, "Task detail");

    expect(await oursIn(request, floripa.id)).toEqual({
      "8101": "Lobby park 8101",
      "8102": "Dock, north",
      "8103": "Garage park 8103",
    });

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Tasks" }).click();
    const row = page.getByRole("row", { name: /parks-comma\.csv/ }).first();
    await expect(row).toContainText("Completed");
    await expect(row).toContainText("3 of 3 rows: 3 created, 0 updated, 0 deleted, 0 unchanged, 0 failed");
    await expectNoAxeViolations(page, "Tasks");

    // The same file again: every row is already there.
    await page.goto("/services/calling/features/call-park-extensions");
    await page.getByRole("link", { name: "Bulk manage" }).click();
    await chooseFile(page, CHOOSE, file);
    await expect(dialog.getByText("3 rows: 0 to create, 0 to update, 0 to delete, 3 unchanged, 0 with errors.")).toBeVisible();
    await expect(dialog.getByText("Every row already matches: there is nothing to import.")).toBeVisible();
    await expect(dialog.getByRole("button", { name: "Submit" })).toBeDisabled();

    // An export of the location re-imports unchanged too, the seeded rows included.
    await dialog.getByRole("combobox", { name: "Location", exact: true }).fill(LOCATION);
    await page.getByRole("option", { name: LOCATION, exact: true }).click();
    const exported = page.waitForEvent("download");
    await dialog.getByRole("button", { name: "Export CSV" }).click();
    const exportFile = await exported;
    expect(exportFile.suggestedFilename()).toBe("call-park-extensions-florianopolis.csv");
    const text = await downloadedText(exportFile);
    expect(text.startsWith(`${BOM}${HEADER}\r\n`)).toBe(true);
    expect(text).toContain(`"${LOCATION}","Dock, north","8102","ADD"`);
    const exportPath = writeCsv(testInfo.outputPath("export.csv"), text);
    await chooseFile(page, CHOOSE, exportPath);
    await expect(dialog.getByText("export.csv: 9 rows read.")).toBeVisible();
    await expect(dialog.getByText("9 rows: 0 to create, 0 to update, 0 to delete, 9 unchanged, 0 with errors.")).toBeVisible();

    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(page).toHaveURL(/\/call-park-extensions$/);
    await expect(dialog).toBeHidden();
  });

  test("a semicolon file with Portuguese headers and wrong rows: the errors before, a partial import, the error CSV after", async ({
    page,
    request,
    locationNamed,
    mode,
  }, testInfo) => {
    const floripa = locationNamed(LOCATION);
    await createExtension(request, floripa.id, "Old name 8110", "8110");
    await createExtension(request, floripa.id, "To remove 8115", "8115");
    const check = await request.post(urlOf(api.callParkExtensions.validateExtensions, { locationId: floripa.id }), {
      data: { extensions: ["1001"] },
    });
    const person = (await check.json()).extensionStatus[0].owner.name as string;
    const file = writeCsv(
      testInfo.outputPath("ramais-ponto-e-virgula.csv"),
      "Local;Nome do ramal de estacionamento de chamadas;Ramal;Ação\n" +
        `${LOCATION};Front desk 8110;8110;\n` +
        `${LOCATION};Bay 8111;8111;ADD\n` +
        `${LOCATION};Bay 8112;81a2;\n` +
        `${LOCATION};Taken;1001;\n` +
        `Atlantis;Bay 8113;8113;\n` +
        `${LOCATION};;8115;DELETE\n` +
        `${LOCATION};Bay 8111 again;8111;\n`,
    );

    await openBulkManage(page, OPEN);
    const dialog = page.getByRole("dialog", { name: "Bulk manage call park extensions" });
    await chooseFile(page, CHOOSE, file);
    await expect(dialog.getByText("7 rows: 1 to create, 1 to update, 1 to delete, 0 unchanged, 4 with errors.")).toBeVisible();
    const preview = dialog.getByRole("table", { name: "What each row of the file would do" });
    await expect(preview.getByRole("row", { name: /8110/ })).toContainText("Old name 8110 → Front desk 8110");
    await expect(preview.getByRole("row", { name: /8115/ })).toContainText("Delete");

    await dialog.getByRole("radio", { name: "Error (4)" }).check();
    await expect(preview.getByRole("row")).toHaveCount(5);
    await expect(preview.getByRole("row", { name: /1001/ })).toContainText(`Extension 1001 is already used by the person ${person}.`);
    await expect(preview.getByRole("row", { name: /81a2/ })).toContainText("An extension contains digits only (0–9).");
    await expect(preview.getByRole("row", { name: /Atlantis/ })).toContainText("No location is named Atlantis.");
    await expect(preview.getByRole("row", { name: /Bay 8111 again/ })).toContainText("Extension 8111 appears more than once.");
    await expectNoAxeViolations(page, "Bulk manage preview, errors");

    const atomic = dialog.getByRole("radio", { name: "Import nothing unless every row is right" });
    if (mode === "webex") {
      // Webex applies each change on its own: all-or-nothing is not offered, and the reason is said.
      await expect(atomic).toBeDisabled();
      await expect(atomic).toHaveAccessibleDescription(/not available for an organization in Webex/);
    } else {
      // Nothing unless all is right: Submit stays off.
      await atomic.check();
      await expect(dialog.getByText(/^Nothing can be imported while 4 rows have errors/)).toBeVisible();
      await expect(dialog.getByRole("button", { name: "Submit" })).toBeDisabled();
    }

    await dialog.getByRole("radio", { name: "Import the valid rows, skip the wrong ones" }).check();
    await expect(dialog.getByText("Submit imports 3 changes; the rows with errors (4) are skipped.")).toBeVisible();
    await dialog.getByRole("button", { name: "Submit" }).click();
    await dialog.getByRole("link", { name: "Open the task" }).click();

    await expect(page.getByText("Completed with errors", { exact: true })).toBeVisible();
    const errors = page.getByRole("table", { name: "Rows that could not be imported, with the reason" });
    await expect(errors.getByRole("row")).toHaveCount(5);
    await expect(errors.getByRole("row", { name: /Atlantis/ })).toContainText("No location is named Atlantis.");
    await expectNoAxeViolations(page, "Task detail with errors");

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export errors to CSV" }).click();
    const errorsFile = await download;
    expect(errorsFile.suggestedFilename()).toBe("ramais-ponto-e-virgula-errors.csv");
    const lines = (await downloadedText(errorsFile)).split("\r\n");
    expect(lines[0]).toBe(`${BOM}"Row","Location","Call Park Extension Name","Extension","Action","Reason"`);
    expect(lines).toContain(`"4","${LOCATION}","Bay 8112","81a2","","An extension contains digits only (0–9)."`);
    expect(lines).toContain(`"5","${LOCATION}","Taken","1001","","Extension 1001 is already used by the person ${person}."`);
    expect(lines).toContain(`"6","Atlantis","Bay 8113","8113","","No location is named Atlantis."`);
    expect(lines).toContain(`"8","${LOCATION}","Bay 8111 again","8111","","Extension 8111 appears more than once."`);

    expect(await oursIn(request, floripa.id)).toEqual({ "8110": "Front desk 8110", "8111": "Bay 8111" });
  });

  test("rows past a location's 100 call park extensions are errors in the preview, before anything is written", async ({
    page,
    request,
    locationNamed,
  }, testInfo) => {
    const floripa = locationNamed(LOCATION);
    const listed = await request.get(urlOf(api.callParkExtensions.list, {}, { locationId: floripa.id, max: 1 }));
    const total = listed.headers()["x-total-count"];
    const room = 100 - Number(total);
    expect(room).toBeGreaterThan(0);
    const rows = Array.from({ length: room + 1 }, (_, i) => `${LOCATION},Bay ${8100 + i},${8100 + i}`);
    const file = writeCsv(testInfo.outputPath("too-many.csv"), `Location,Call Park Extension Name,Extension\n${rows.join("\n")}\n`);

    await openBulkManage(page, OPEN);
    const dialog = page.getByRole("dialog", { name: "Bulk manage call park extensions" });
    await chooseFile(page, CHOOSE, file);
    await expect(
      dialog.getByText(`${room + 1} rows: ${room} to create, 0 to update, 0 to delete, 0 unchanged, 1 with errors.`),
    ).toBeVisible();
    await dialog.getByRole("radio", { name: "Error (1)" }).check();
    await expect(dialog.getByRole("row", { name: new RegExp(`Bay ${8100 + room}`) })).toContainText(
      "This location already has the maximum of 100 call park extensions.",
    );
    expect(await oursIn(request, floripa.id)).toEqual({});
  });

  test("broken files are refused with the reason, and nothing is sent or written", async ({ page, request, locationNamed }, testInfo) => {
    const floripa = locationNamed(LOCATION);
    const before = { jobs: await jobCount(request), ours: await oursIn(request, floripa.id) };
    const missing = writeCsv(testInfo.outputPath("missing-column.csv"), `Location,Extension\r\n${LOCATION},8120\r\n`);
    const notCsv = writeCsv(testInfo.outputPath("parks.xlsx"), "PK\u0003\u0004\u0000\u0000[Content_Types].xml");
    const empty = writeCsv(testInfo.outputPath("empty.csv"), `${BOM}Location;Call Park Extension Name;Extension\r\n`);

    // Keyboard only: the card's Manage menu and the dialog.
    await page.goto("/services/calling/features");
    const manage = page.getByRole("button", { name: OPEN.manage });
    await expect(manage).toBeEnabled();
    await manage.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("menuitem", { name: "Call park extensions" })).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Bulk manage call park extensions" });
    await expect(dialog).toBeVisible();

    const uploads: string[] = [];
    page.on("request", (r) => r.method() === "POST" && uploads.push(r.url()));
    for (const [path, name, reason] of [
      [missing, "missing-column.csv", "Columns missing: Call Park Extension Name."],
      [notCsv, "parks.xlsx", "This file is not a call park extension CSV. Start from the template."],
      [empty, "empty.csv", "The file has no rows to import."],
    ]) {
      await chooseFile(page, CHOOSE, path);
      const alert = dialog.getByRole("alert");
      await expect(alert).toContainText(`${name} cannot be imported.`);
      await expect(alert).toContainText(reason);
      await expect(alert).toContainText("Nothing was sent or changed.");
      await expect(dialog.getByRole("button", { name: "Submit" })).toBeDisabled();
    }
    await expectNoAxeViolations(page, "Bulk manage, file refused");
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(/\/services\/calling\/features$/);

    expect(uploads).toEqual([]);
    expect(await jobCount(request)).toBe(before.jobs);
    expect(await oursIn(request, floripa.id)).toEqual(before.ours);
  });
});

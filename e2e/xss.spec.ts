import type { Page } from "@playwright/test";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { downloadedText } from "./bulk-manage-helpers";
import { expect, test, uniqueExtension } from "./fixtures";
import { expandPanelPart, GROUPS } from "./call-parks-helpers";

// Names are the one thing every administrator types that every other administrator
// sees. Markup in a name must stay text on every screen that shows it and in the CSV
// export: nothing runs, no element appears, nothing is turned into HTML entities.

const LIST = "/services/calling/features/call-park-extensions";
/** 29 characters: within the 30 a call park extension name allows; breaks out of an attribute, then an image that would run script. */
const EXTENSION_PAYLOAD = `"><img src=x onerror=__xss=1>`;
/** Group names allow 80: a script element and an SVG whose load would run script. */
const groupPayload = (extension: string) => `XSS ${extension} <script>window.__xss=2</script><svg onload=__xss=3>`;

/** Nothing the names carry ran or became an element, and no dialog opened. */
async function expectInert(page: Page, dialogs: string[], where: string) {
  expect(dialogs, `dialogs opened on ${where}`).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), `script ran on ${where}`).toBeUndefined();
  await expect(page.locator('img[src="x"]'), `an injected image on ${where}`).toHaveCount(0);
  await expect(page.locator("[onerror], [onload]"), `an injected handler on ${where}`).toHaveCount(0);
  const scripts = await page.evaluate(() => [...document.scripts].filter((s) => !s.src || s.text.includes("__xss")).length);
  expect(scripts, `an injected script on ${where}`).toBe(0);
}

test.describe("names with markup stay text", () => {
  test("in the list, a group's side panel, the audit log and the CSV export", async ({ page, request, locationNamed }) => {
    const sanJose = locationNamed("San Jose HQ");
    const extension = uniqueExtension("73");
    const groupName = groupPayload(extension);
    const locationId = sanJose.id;

    const created = await request.post(urlOf(api.callParkExtensions.create, { locationId }), {
      data: { name: EXTENSION_PAYLOAD, extension },
    });
    expect(created.status()).toBe(201);
    const { id: extensionId } = await created.json();
    let groupId: string | undefined;
    try {
      // Stored verbatim: no escaping on the way in either.
      const stored = await request.get(urlOf(api.callParkExtensions.get, { locationId, callParkExtensionId: extensionId }));
      expect((await stored.json()).name).toBe(EXTENSION_PAYLOAD);
      const group = await request.post(urlOf(api.callParks.create, { locationId }), {
        data: { name: groupName, recall: { option: "ALERT_PARKING_USER_ONLY" }, callParkExtensions: [extensionId] },
      });
      expect(group.status()).toBe(201);
      groupId = (await group.json()).id;

      const dialogs: string[] = [];
      page.on("dialog", (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });

      // (a) The call park extensions list.
      await page.goto(LIST);
      await page.getByRole("searchbox", { name: "Search" }).fill(extension);
      const row = page.getByRole("row").filter({ hasText: extension });
      await expect(row).toHaveCount(1);
      await expect(row.getByRole("link", { name: EXTENSION_PAYLOAD, exact: true })).toHaveText(EXTENSION_PAYLOAD);
      await expectInert(page, dialogs, "the call park extensions list");

      // (b) The group's side panel, with the extension among its park destinations.
      await page.goto(GROUPS);
      await page.getByRole("searchbox", { name: "Search by name" }).fill(`XSS ${extension}`);
      // The search settles (into the URL) before the click, or its late write would follow us.
      await expect(page).toHaveURL(/[?&]q=XSS/);
      await page.getByRole("link", { name: groupName, exact: true }).click();
      const panel = page.getByRole("dialog", { name: groupName });
      await expect(panel).toBeVisible();
      // In its summary first, then in the opened destinations' editor.
      await expect(panel.getByText(`1 park destination: ${EXTENSION_PAYLOAD} (${extension})`, { exact: true })).toBeVisible();
      await expectInert(page, dialogs, "the call park group's side panel, summary");
      const destinationsPart = await expandPanelPart(panel, "en", "destinations");
      await expect(destinationsPart.getByRole("heading", { name: "1 park destination" })).toBeVisible();
      await expect(destinationsPart.getByRole("listitem").filter({ hasText: extension })).toContainText(EXTENSION_PAYLOAD);
      await expectInert(page, dialogs, "the call park group's side panel");

      // (c) The audit log: the object's name, and the group's destinations in its before/after.
      await page.goto("/audit-log?objectType=callParkExtension");
      const entry = page.locator("tbody tr").filter({ hasText: "Created" }).filter({ hasText: EXTENSION_PAYLOAD });
      await expect(entry.first()).toBeVisible();
      await expect(entry.first().getByText(EXTENSION_PAYLOAD, { exact: true })).toBeVisible();
      await entry.first().getByRole("button", { name: `Details of Created Call park extension ${EXTENSION_PAYLOAD}` }).click();
      const changes = page.getByRole("table", { name: "Before and after" });
      await expect(changes.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Name", exact: true }) }).getByRole("cell")).toHaveText([
        "—",
        EXTENSION_PAYLOAD,
      ]);
      await expectInert(page, dialogs, "the audit log of call park extensions");

      await page.getByLabel("Object type").selectOption({ label: "Call park groups" });
      const groupEntry = page.locator("tbody tr").filter({ hasText: "Created" }).filter({ hasText: `XSS ${extension}` });
      await expect(groupEntry.getByText(groupName, { exact: true })).toBeVisible();
      await groupEntry.getByRole("button", { name: /^Details of Created Call park group/ }).click();
      const destinations = page
        .getByRole("table", { name: "Before and after" })
        .getByRole("row")
        .filter({ has: page.getByRole("rowheader", { name: "Park destinations", exact: true }) });
      await expect(destinations.getByRole("cell")).toHaveText(["—", `${EXTENSION_PAYLOAD} (${extension})`]);
      await expectInert(page, dialogs, "the audit log of call park groups");

      // (d) The CSV export: the name is one quoted cell, its quotes doubled, nothing HTML-escaped.
      await page.goto(LIST);
      await page.getByRole("link", { name: "Bulk manage", exact: true }).click();
      const bulk = page.getByRole("dialog", { name: "Bulk manage call park extensions" });
      await bulk.getByRole("combobox", { name: "Location", exact: true }).fill("San Jose HQ");
      await page.getByRole("option", { name: "San Jose HQ", exact: true }).click();
      const download = page.waitForEvent("download");
      await bulk.getByRole("button", { name: "Export CSV" }).click();
      const text = await downloadedText(await download);
      const line = text.split("\r\n").find((l) => l.includes(`"${extension}"`));
      expect(line).toBe(`"San Jose HQ","${EXTENSION_PAYLOAD.replaceAll('"', '""')}","${extension}","ADD"`);
      expect(text).not.toContain("&lt;");
      expect(text).not.toContain("&quot;");
      await expectInert(page, dialogs, "the bulk manage dialog");
    } finally {
      if (groupId) expect((await request.delete(urlOf(api.callParks.delete, { locationId, callParkId: groupId }))).status()).toBe(204);
      const extensionUrl = urlOf(api.callParkExtensions.delete, { locationId, callParkExtensionId: extensionId });
      expect((await request.delete(extensionUrl)).status()).toBe(204);
    }
  });
});

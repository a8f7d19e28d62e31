import type { Page } from "@playwright/test";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { expect, expectNoAxeViolations, test } from "./fixtures";
import { chooseSetting, resetCallParkSettings, saveSettings, storedSettings } from "./locations-helpers";

// Settings are written to New York Office only (no other spec changes it), and put
// back to the defaults after each test.
const LOCATION = "New York Office";

test.afterEach(async ({ request, locationNamed }) => {
  await resetCallParkSettings(request, locationNamed(LOCATION).id);
});

async function openCallingTab(page: Page) {
  await page.goto("/locations");
  await page.getByRole("link", { name: LOCATION, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: LOCATION })).toBeVisible();
  await page.getByRole("tab", { name: "Calling" }).click();
  await expect(page).toHaveURL(/\/locations\/[^/]+\/calling$/);
  await expect(page.getByRole("heading", { level: 3, name: "Call Park Settings" })).toBeVisible();
}

const summary = (page: Page) => page.getByTestId("recall-summary");
const recallTimer = (page: Page) => page.getByRole("spinbutton", { name: "Recall Timer (seconds)" });
const huntWaitTime = (page: Page) => page.getByRole("spinbutton", { name: "Alert Hunt Group Wait Time (seconds)" });
const save = (page: Page) => page.getByRole("button", { name: "Save" });

test.describe("Management > Locations", () => {
  test("lists the locations with their call park counts, searches by name in the URL, and opens one", async ({
    page,
    request,
    locationNamed,
  }) => {
    const newYork = locationNamed(LOCATION);
    const counts = (await (await request.get(urlOf(api.locations.get, { locationId: newYork.id }, { include: "callParkCounts" }))).json())
      .callParkCounts;

    await page.goto("/services/calling/features");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Locations" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Locations" })).toBeVisible();
    for (const header of ["Name", "Address", "Time zone", "Call park extensions", "Call park groups"]) {
      await expect(page.getByRole("columnheader", { name: header, exact: true })).toBeVisible();
    }
    const row = page.getByRole("row", { name: new RegExp(LOCATION) });
    await expect(row.getByRole("cell").nth(2)).toHaveText("America/New_York");
    await expect(row.getByRole("cell").nth(3)).toHaveText(`${counts.callParkExtensions} of 100`);
    await expect(row.getByRole("meter", { name: "Call park extensions in New York Office" })).toBeVisible();
    await expect(row.getByRole("cell").nth(4)).toHaveText(String(counts.callParks));
    await expectNoAxeViolations(page, "Locations list");

    await page.getByRole("searchbox", { name: "Search by name" }).fill("york");
    await expect(page).toHaveURL(/\/locations\?q=york$/);
    await expect(page.getByRole("row")).toHaveCount(2);
    await page.reload();
    await expect(page.getByRole("searchbox", { name: "Search by name" })).toHaveValue("york");
    await expect(page.getByRole("row")).toHaveCount(2);
    await page.getByRole("searchbox", { name: "Search by name" }).fill("nowhere at all");
    await expect(page.getByText("No location matches.")).toBeVisible();
    await page.getByRole("searchbox", { name: "Search by name" }).fill("sao");
    await expect(page.getByRole("link", { name: "São Paulo", exact: true })).toBeVisible();

    await page.goto("/locations?q=york");
    await page.getByRole("link", { name: LOCATION, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: LOCATION })).toBeVisible();
    await expect(page.getByRole("tab", { name: "Overview" })).toHaveAttribute("aria-selected", "true");
    await expect(page.getByText("1 Penn Plaza, New York, NY, 10119, US")).toBeVisible();
    await expectNoAxeViolations(page, "Location overview");
    // The page's own way back, not the navigation's link of the same name: to the list as it was left.
    await page.getByRole("main").getByRole("link", { name: "Locations", exact: true }).click();
    await expect(page).toHaveURL(/\/locations\?q=york$/);
    await expect(page.getByRole("searchbox", { name: "Search by name" })).toHaveValue("york");
  });

  test("Call Park Settings: defaults, then every field round-trips and survives a reload", async ({ page, request, locationNamed }) => {
    const newYork = locationNamed(LOCATION);
    await openCallingTab(page);
    await expect(page.getByText("Applies to Call Park Direct only.", { exact: false })).toBeVisible();
    await expect(page.getByRole("button", { name: /Alert parking user only/ })).toBeVisible();
    await expect(page.getByRole("button", { name: /Normal\s+Ring pattern/ })).toBeVisible();
    await expect(recallTimer(page)).toHaveValue("45");
    await expect(huntWaitTime(page)).toHaveValue("45");
    await expect(page.getByRole("button", { name: "Hunt group" })).toHaveCount(0);
    await expect(summary(page)).toHaveText(
      "After 45 s the call rings back the person who parked it with a Normal ring. If they do not answer, it rings them again every 45 s until someone picks it up.",
    );
    await expect(save(page)).toBeDisabled();
    await expectNoAxeViolations(page, "Call Park Settings (defaults)");

    await chooseSetting(page, "Recall options for directed call park", "Alert parking user first, then hunt group");
    await expect(save(page)).toBeEnabled();
    // The hunt-group option asks for the hunt group.
    await save(page).click();
    await expect(page.getByText("Choose the hunt group that recalled calls go to.")).toBeVisible();
    await chooseSetting(page, "Hunt group", "Sales");
    await expect(page.getByText("Choose the hunt group that recalled calls go to.")).toHaveCount(0);
    await chooseSetting(page, "Ring pattern", "Short-Long-Short");
    await recallTimer(page).fill("120");
    await huntWaitTime(page).fill("300");
    await expect(summary(page)).toHaveText(
      "After 120 s the call rings back the person who parked it with a Short-Long-Short ring; after another 300 s it goes to hunt group Sales. There it follows the hunt group's routing and is not recalled again.",
    );
    await expectNoAxeViolations(page, "Call Park Settings (edited)");
    await saveSettings(page, save(page), newYork.id);
    await expect(page.getByText("Call park settings saved.")).toBeVisible();
    await expect(save(page)).toBeDisabled();

    expect(await storedSettings(request, newYork.id)).toEqual({
      callParkRecall: { option: "ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP", huntGroupId: expect.any(String), huntGroupName: "Sales" },
      callParkSettings: { ringPattern: "SHORT_LONG_SHORT", recallTime: 120, huntWaitTime: 300 },
    });

    await page.reload();
    await expect(page.getByRole("tab", { name: "Calling" })).toHaveAttribute("aria-selected", "true");
    await expect(page.getByRole("button", { name: /Alert parking user first, then hunt group/ })).toBeVisible();
    await expect(page.getByRole("button", { name: /^Sales/ })).toBeVisible();
    await expect(page.getByRole("button", { name: /Short-Long-Short/ })).toBeVisible();
    await expect(recallTimer(page)).toHaveValue("120");
    await expect(huntWaitTime(page)).toHaveValue("300");
    await expect(save(page)).toBeDisabled();

    // And back: hunt group only, then parking user only (which drops the hunt group).
    await chooseSetting(page, "Recall options for directed call park", "Alert hunt group only");
    await chooseSetting(page, "Ring pattern", "Long-Long");
    await expect(summary(page)).toHaveText(
      "After 120 s the call goes to hunt group Sales with a Long-Long ring. There it follows the hunt group's routing and is not recalled again.",
    );
    await saveSettings(page, save(page), newYork.id);
    await expect(page.getByText("Call park settings saved.")).toBeVisible();
    await chooseSetting(page, "Recall options for directed call park", "Alert parking user only");
    await chooseSetting(page, "Ring pattern", "Short-Short-Long");
    await saveSettings(page, save(page), newYork.id);
    await expect(save(page)).toBeDisabled();
    await page.reload();
    await expect(page.getByRole("button", { name: /Alert parking user only/ })).toBeVisible();
    await expect(page.getByRole("button", { name: /Short-Short-Long/ })).toBeVisible();
    const after = await storedSettings(request, newYork.id);
    expect(after.callParkRecall).toEqual({ option: "ALERT_PARKING_USER_ONLY" });
  });

  test("values out of range are explained on the field and never saved", async ({ page, request, locationNamed }) => {
    await openCallingTab(page);
    const cases: [string, string][] = [
      ["29", "Enter a number of seconds from 30 to 600."],
      ["601", "Enter a number of seconds from 30 to 600."],
      ["45.5", "Enter a whole number."],
      ["", "This field is required."],
    ];
    for (const [value, message] of cases) {
      await recallTimer(page).fill(value);
      await expect(recallTimer(page)).toHaveAttribute("aria-invalid", "true");
      await expect(recallTimer(page)).toHaveAccessibleDescription(new RegExp(message.replace(".", "\\.")));
    }
    await huntWaitTime(page).fill("1000");
    await expect(huntWaitTime(page)).toHaveAccessibleDescription(/Enter a number of seconds from 30 to 600\./);
    await expect(summary(page)).toHaveText("Correct the highlighted values to see what will happen to a parked call.");
    await expectNoAxeViolations(page, "Call Park Settings with errors");

    await save(page).click();
    await expect(recallTimer(page)).toBeFocused();
    await expect(page.getByText("Call park settings saved.")).toHaveCount(0);
    const stored = await storedSettings(request, locationNamed(LOCATION).id);
    expect(stored.callParkSettings).toEqual({ ringPattern: "NORMAL", recallTime: 45, huntWaitTime: 45 });

    await recallTimer(page).fill("30");
    await huntWaitTime(page).fill("600");
    await expect(recallTimer(page)).not.toHaveAttribute("aria-invalid", "true");
    await expect(huntWaitTime(page)).not.toHaveAttribute("aria-invalid", "true");
    await save(page).click();
    await expect(page.getByText("Call park settings saved.")).toBeVisible();
  });

  test("the Alert Hunt Group Wait Time says when it is in use", async ({ page }) => {
    await openCallingTab(page);
    await expect(huntWaitTime(page)).toHaveAccessibleDescription(/Not in use now/);
    await chooseSetting(page, "Recall options for directed call park", "Alert parking user first, then hunt group");
    await expect(huntWaitTime(page)).toHaveAccessibleDescription(/In use by the recall option above\./);
    await chooseSetting(page, "Recall options for directed call park", "Alert hunt group only");
    await expect(huntWaitTime(page)).toHaveAccessibleDescription(/Not in use now/);
    await expect(summary(page)).toHaveText(
      "After 45 s the call goes to the hunt group you choose with a Normal ring. There it follows the hunt group's routing and is not recalled again.",
    );
    await chooseSetting(page, "Hunt group", "Support");
    await expect(summary(page)).toContainText("goes to hunt group Support with a Normal ring");
  });

  test("leaving with unsaved changes asks first", async ({ page }) => {
    await openCallingTab(page);
    await recallTimer(page).fill("90");
    // Save turns on once the form knows it is changed: only then does leaving ask.
    await expect(save(page)).toBeEnabled();

    await page.getByRole("tab", { name: "Overview" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Leave without saving?" });
    await expect(dialog).toBeVisible();
    await expectNoAxeViolations(page, "Unsaved changes dialog");
    await dialog.getByRole("button", { name: "Stay and keep editing" }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page).toHaveURL(/\/calling$/);
    await expect(recallTimer(page)).toHaveValue("90");

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Locations" }).click();
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Leave without saving" }).click();
    await expect(page).toHaveURL(/\/locations$/);

    await page.goBack();
    await expect(recallTimer(page)).toHaveValue("45");
    // Unchanged, the page is left without a question.
    await page.getByRole("tab", { name: "Overview" }).click();
    await expect(page).toHaveURL(/\/locations\/[^/]+$/);
  });

  test("Back with unsaved changes asks first: staying keeps the page and its address, leaving goes back", async ({ page }) => {
    await openCallingTab(page);
    await recallTimer(page).fill("90");
    await expect(save(page)).toBeEnabled();

    await page.goBack();
    const dialog = page.getByRole("alertdialog", { name: "Leave without saving?" });
    await expect(dialog).toBeVisible();
    await expect(page).toHaveURL(/\/calling$/);
    await dialog.getByRole("button", { name: "Stay and keep editing" }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page).toHaveURL(/\/calling$/);
    await expect(recallTimer(page)).toHaveValue("90");

    // The address was put back, not lost: Back still leads where it led, once the user agrees.
    await page.goBack();
    await dialog.getByRole("button", { name: "Leave without saving" }).click();
    await expect(page).toHaveURL(/\/locations(\/[^/]+)?$/);
    await expect(dialog).toHaveCount(0);
    await expect(recallTimer(page)).toHaveCount(0);
  });

  test("closing the tab with unsaved changes gets the browser's question", async ({ page }) => {
    await openCallingTab(page);
    await huntWaitTime(page).fill("100");
    await expect(save(page)).toBeEnabled();
    const dialog = page.waitForEvent("dialog");
    await page.close({ runBeforeUnload: true });
    const question = await dialog;
    expect(question.type()).toBe("beforeunload");
    await question.accept();
  });

  test("works from the keyboard alone", async ({ page }) => {
    await openCallingTab(page);
    await page.getByRole("button", { name: /Ring pattern/ }).focus();
    await page.keyboard.press("Enter");
    // The arrow moves from the chosen option, once the open list has taken the focus.
    await expect(page.getByRole("listbox").getByRole("option", { name: "Normal", exact: true })).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("button", { name: /Long-Long\s+Ring pattern/ })).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(recallTimer(page)).toBeFocused();
    await page.keyboard.press("ArrowUp");
    await expect(recallTimer(page)).toHaveValue("46");
    await expect(save(page)).toBeEnabled();
    await save(page).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByText("Call park settings saved.")).toBeVisible();

    // Tabs: arrows move between them, Enter opens one.
    await page.getByRole("tab", { name: "Calling" }).focus();
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("tab", { name: "Overview" })).toHaveAttribute("aria-selected", "true");
    await expect(page).toHaveURL(/\/locations\/[^/]+$/);
  });
});

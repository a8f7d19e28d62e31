import type { Locator, Page } from "@playwright/test";
import { expect, expectNoAxeViolations, test } from "./fixtures";
import { deleteGroupsStartingWith, expectStep } from "./call-parks-helpers";

// A call park group from the Features page to Create with the keyboard alone (Tab,
// Shift+Tab, Enter, arrows, typing: no click), checking where focus is after each step.

/** Presses Tab (or Shift+Tab) until `target` has focus, as a keyboard user would; fails if it never does. */
async function tabTo(page: Page, target: Locator, { back = false, max = 60 } = {}) {
  await expect(target).toBeVisible();
  for (let presses = 0; presses < max; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  await expect(target).toBeFocused();
}

/** Whether focus is somewhere inside `container`. */
async function expectFocusWithin(container: Locator) {
  await expect.poll(() => container.evaluate((element) => element.contains(document.activeElement))).toBe(true);
}

test.describe("the keyboard alone", () => {
  test("creates a call park group from the Features page, focus following each step, and Esc gives focus back to the row", async ({
    page,
    request,
    locationNamed,
  }) => {
    const florianopolis = locationNamed("Florianópolis");
    await deleteGroupsStartingWith(request, florianopolis.id, "Aaa keyboard");
    const name = `Aaa keyboard ${Date.now() % 100000}`;

    await page.goto("/services/calling/features");
    await tabTo(page, page.getByRole("link", { name: "Add New call park group", exact: true }));
    await page.keyboard.press("Enter");

    // The location pop-up opens with focus in its Location field.
    const dialog = page.getByRole("dialog", { name: "Select a location" });
    const location = dialog.getByRole("combobox", { name: "Location" });
    await expect(location).toBeFocused();
    await page.keyboard.type("Florian");
    await expect(page.getByRole("option", { name: "Florianópolis", exact: true })).toBeVisible();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect(location).toHaveValue("Florianópolis");
    await tabTo(page, dialog.getByRole("button", { name: "Next" }));
    await page.keyboard.press("Enter");

    // After each Next, focus is on the new step's heading.
    await expectStep(page, "name", "Location and Name");
    await expect(page.getByRole("heading", { level: 2, name: "Location and Name", exact: true })).toBeFocused();
    await tabTo(page, page.getByRole("textbox", { name: "Call park group name" }));
    await page.keyboard.type(name);
    await page.keyboard.press("Enter");

    await expectStep(page, "members", "Members");
    await expect(page.getByRole("heading", { level: 2, name: "Members", exact: true })).toBeFocused();
    const members = page.getByRole("region", { name: "Available members" });
    const firstMember = members.locator("button:enabled").first();
    await tabTo(page, firstMember);
    const memberLabel = await firstMember.getAttribute("aria-label");
    await page.keyboard.press("Enter");
    // After Add, focus stays in the list.
    await expect(page.getByRole("heading", { name: "1 member", exact: true })).toBeVisible();
    await expectFocusWithin(members);
    await expect(page.getByRole("button", { name: memberLabel!.replace(/^Add /, "Remove "), exact: true })).toBeVisible();
    await expectNoAxeViolations(page, "members step after Add by keyboard");
    await tabTo(page, page.getByRole("button", { name: "Next", exact: true }));
    await page.keyboard.press("Enter");

    await expectStep(page, "destinations", "Park Destinations");
    await expect(page.getByRole("heading", { level: 2, name: "Park Destinations", exact: true })).toBeFocused();
    const destinations = page.getByRole("region", { name: "Available call park extensions" });
    await tabTo(page, destinations.locator("button:enabled").first());
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { name: "1 park destination", exact: true })).toBeVisible();
    await expectFocusWithin(destinations);
    await tabTo(page, page.getByRole("button", { name: "Next", exact: true }));
    await page.keyboard.press("Enter");

    await expectStep(page, "recall", "Recall settings");
    await expect(page.getByRole("heading", { level: 2, name: "Recall settings", exact: true })).toBeFocused();
    await tabTo(page, page.getByRole("button", { name: "Next", exact: true }));
    await page.keyboard.press("Enter");

    await expectStep(page, "review", "Review");
    await expect(page.getByRole("heading", { level: 2, name: "Review", exact: true })).toBeFocused();
    await tabTo(page, page.getByRole("button", { name: "Create", exact: true }));
    await page.keyboard.press("Enter");

    // Created: its side panel opens with focus in it; Esc closes it onto the group's row.
    const panel = page.getByRole("dialog", { name });
    await expect(panel).toBeVisible();
    await expectFocusWithin(panel);
    await page.keyboard.press("Escape");
    await expect(panel).toBeHidden();
    const row = page.getByRole("link", { name, exact: true });
    await expect(row).toBeFocused();

    // Opened from its row by the keyboard, the panel gives focus back to that row on Esc.
    await page.keyboard.press("Enter");
    await expect(panel).toBeVisible();
    await expectFocusWithin(panel);
    // Its summary's parts open from the keyboard, focus staying on the part's trigger, then Tab goes into its editor.
    const membersPart = panel.getByRole("button", { name: "Members", exact: true });
    await tabTo(page, membersPart);
    await page.keyboard.press("Enter");
    await expect(membersPart).toHaveAttribute("aria-expanded", "true");
    await expect(membersPart).toBeFocused();
    await page.keyboard.press("Tab");
    await expectFocusWithin(panel.getByRole("group", { name: "Members", exact: true }));
    await page.keyboard.press("Escape");
    await expect(panel).toBeHidden();
    await expect(row).toBeFocused();

    await deleteGroupsStartingWith(request, florianopolis.id, "Aaa keyboard");
  });
});

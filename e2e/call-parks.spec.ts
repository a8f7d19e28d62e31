import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { chooseLocation, expect, expectNoAxeViolations, test } from "./fixtures";
import {
  confirmEmptyGroup,
  deleteGroupsStartingWith,
  expandPanelPart,
  expectStep,
  GROUPS,
  memberId,
  panelPartTrigger,
  searchAndAdd,
} from "./call-parks-helpers";

test.describe("call park groups, in English", () => {
  test("the wizard creates a group, step by step, that the list and side panel then show", async ({ page, request, locationNamed }) => {
    const sanJose = locationNamed("San Jose HQ");
    await deleteGroupsStartingWith(request, sanJose.id, "Front desk");
    const name = `Front desk ${Date.now() % 100000}`;

    await page.goto("/services/calling/features");
    await page.getByRole("link", { name: "Add New call park group", exact: true }).click();
    const locationDialog = page.getByRole("dialog", { name: "Select a location" });
    await expect(locationDialog).toBeVisible();
    // It opens in its Location field, the list of locations offered; Escape closes the list, not the pop-up.
    const locationField = locationDialog.getByRole("combobox", { name: "Location" });
    await expect(locationField).toBeFocused();
    await expect(locationField).toHaveAttribute("aria-expanded", "true");
    await page.keyboard.press("Escape");
    await expect(locationField).toHaveAttribute("aria-expanded", "false");
    await expect(locationDialog).toBeVisible();
    await expectNoAxeViolations(page, "location pop-up");
    await locationDialog.getByRole("button", { name: "Next" }).click();
    await expect(locationDialog.getByText("Choose a location.")).toBeVisible();
    await chooseLocation(page, "Location", "San Jose HQ");
    await locationDialog.getByRole("button", { name: "Next" }).click();

    await expectStep(page, "name", "Location and Name");
    await expect(page.getByRole("note")).toContainText("off-peak hours");
    await expect(page.getByRole("navigation", { name: "Steps" }).locator('[aria-current="step"]')).toContainText("Location and Name");
    await expectNoAxeViolations(page, "wizard step 1");
    await page.getByRole("button", { name: "Next" }).click();
    await expect(page.getByText("This field is required.")).toBeVisible();
    await page.getByLabel("Call park group name").fill("x".repeat(81));
    await expect(page.getByText("Enter at most 80 characters.")).toBeVisible();
    await page.getByLabel("Call park group name").fill(name);
    await page.getByRole("button", { name: "Next" }).click();

    await expectStep(page, "members", "Members");
    await searchAndAdd(page, "Search members", "Lobby", "Add Lobby");
    await searchAndAdd(page, "Search members", "Maria Brown", "Add Maria Brown");
    await expect(page.getByRole("heading", { name: "2 members" })).toBeVisible();
    await expectNoAxeViolations(page, "wizard step 2");
    await page.reload();
    await expectStep(page, "members", "Members");
    await expect(page.getByRole("button", { name: "Remove Lobby" })).toBeVisible();
    await page.getByRole("button", { name: "Remove Maria Brown" }).click();
    await searchAndAdd(page, "Search members", "After Hours", "Add After Hours Line");
    await page.getByRole("button", { name: "Next" }).click();

    await expectStep(page, "destinations", "Park Destinations");
    await expect(page.getByLabel("Use members as park destinations")).not.toBeChecked();
    await searchAndAdd(page, "Search call park extensions", "Park 0", "Add Park 01");
    await searchAndAdd(page, "Search call park extensions", "Park 0", "Add Park 02");
    await page.getByRole("button", { name: "Move Park 02 up" }).click();
    await expect(page.getByRole("list").filter({ hasText: "1." }).getByRole("listitem").first()).toContainText("Park 02");
    await expectNoAxeViolations(page, "wizard step 3");
    await page.getByRole("button", { name: "Next" }).click();

    await expectStep(page, "recall", "Recall settings");
    await expect(page.getByText("After the Recall Timer the call goes to the hunt group and follows its routing.")).toBeVisible();
    await page.getByLabel("Alert parking user first, then hunt group").check();
    await page.getByRole("button", { name: "Next" }).click();
    await expect(page.getByText("Choose the hunt group that recalled calls go to.")).toBeVisible();
    await expectNoAxeViolations(page, "wizard step 4, hunt group missing");
    await page.getByLabel("Hunt group", { exact: true }).selectOption({ label: "Support" });
    await page.getByRole("button", { name: "Next" }).click();

    await expectStep(page, "review", "Review");
    const review = page.locator(".review");
    await expect(review).toContainText(name);
    await expect(review).toContainText("Lobby (Workspace)");
    await expect(review).toContainText("After Hours Line (Virtual line)");
    await expect(review).toContainText("Alert parking user first, then hunt group — Support");
    await expectNoAxeViolations(page, "wizard review");
    await page.getByRole("link", { name: "Edit Members" }).click();
    await expectStep(page, "members", "Members");
    await page.goBack();
    await expectStep(page, "review", "Review");
    await page.getByRole("button", { name: "Create", exact: true }).click();

    await expect(page.getByText("Call park group created.")).toBeVisible();
    const panel = page.getByRole("dialog", { name });
    await expect(panel).toBeVisible();
    // It opens on the summary; each part opens into its editor.
    await expect(panelPartTrigger(panel, "en", "recall")).toHaveAccessibleDescription(/^Alert parking user first, then hunt group/);
    await expectNoAxeViolations(page, "side panel summary");
    await expect((await expandPanelPart(panel, "en", "name")).getByLabel("Call park group name")).toHaveValue(name);
    await expect((await expandPanelPart(panel, "en", "members")).getByRole("button", { name: "Remove Lobby" })).toBeVisible();
    const destinations = await expandPanelPart(panel, "en", "destinations");
    await expect(destinations.getByRole("listitem").filter({ hasText: "Park 02" })).toContainText("1.");
    await expect((await expandPanelPart(panel, "en", "recall")).getByLabel("Alert parking user first, then hunt group")).toBeChecked();
    await expectNoAxeViolations(page, "side panel");
    await panel.getByRole("button", { name: "Close", exact: true }).click();
    await expect(panel).toHaveCount(0);
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name, exact: true }) });
    await expect(row).toContainText("San Jose HQ");
  });

  test("ticking Use members as park destinations asks first; No keeps, Yes removes the extensions", async ({ page, request, locationNamed }) => {
    const sanJose = locationNamed("San Jose HQ");
    await deleteGroupsStartingWith(request, sanJose.id, "Dock");
    const extensions = (
      await (await request.get(urlOf(api.callParkExtensions.list, {}, { locationId: sanJose.id, extension: "500" }))).json()
    ).callParkExtensions as { id: string; extension: string }[];
    const free = extensions.filter((c) => c.extension === "5005" || c.extension === "5006").map((c) => c.id);
    const created = await request.post(urlOf(api.callParks.create, { locationId: sanJose.id }), {
      data: {
        name: "Dock team",
        recall: { option: "ALERT_PARKING_USER_ONLY" },
        agents: [await memberId(request, sanJose.id, "Jordan Miller")],
        callParkExtensions: free,
      },
    });
    expect(created.status()).toBe(201);

    await page.goto(GROUPS);
    // Exact: the open side panel also has a "View history of Dock team" link.
    await page.getByRole("link", { name: "Dock team", exact: true }).click();
    const panel = page.getByRole("dialog", { name: "Dock team" });
    await expect(panel.getByText("2 park destinations: Park 05 (5005), Park 06 (5006)", { exact: true })).toBeVisible();
    await expandPanelPart(panel, "en", "destinations");
    await expect(panel.getByRole("heading", { name: "2 park destinations" })).toBeVisible();

    // Ticking only asks: the box stays as it was until the admin answers.
    await panel.getByLabel("Use members as park destinations").click();
    const confirm = page.getByRole("alertdialog", { name: "Use members as park destinations?" });
    await expect(confirm).toContainText("The 2 call park extensions will be removed from the destination list.");
    await expectNoAxeViolations(page, "park on members confirmation");
    await confirm.getByRole("button", { name: "No, Cancel" }).click();
    await expect(panel.getByLabel("Use members as park destinations")).not.toBeChecked();
    await expect(panel.getByRole("heading", { name: "2 park destinations" })).toBeVisible();
    await expect(panel.getByRole("button", { name: "Save" })).toBeDisabled();

    await panel.getByLabel("Use members as park destinations").click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Yes, continue" }).click();
    await expect(panel.getByLabel("Use members as park destinations")).toBeChecked();
    await expect(panel.getByRole("heading", { name: /^\d+ park destinations?$/ })).toHaveCount(0);
    await panel.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Call park group saved.")).toBeVisible();

    await page.getByRole("link", { name: "Dock team", exact: true }).click();
    await expect(panelPartTrigger(page.getByRole("dialog", { name: "Dock team" }), "en", "destinations")).toHaveAccessibleDescription(
      "Calls park on the members' own extensions",
    );
    const callParkId = (await created.json()).id;
    const saved = await (await request.get(urlOf(api.callParks.get, { locationId: sanJose.id, callParkId }))).json();
    expect(saved.parkOnAgentsEnabled).toBe(true);
    expect(saved.callParkExtensions).toEqual([]);
  });

  test("renamed in its side panel, a group gets a new id as in Webex: the list and panel follow it, its history spans both ids", async ({
    page,
    request,
    locationNamed,
  }) => {
    const sanJose = locationNamed("San Jose HQ");
    await deleteGroupsStartingWith(request, sanJose.id, "Rename");
    const created = await request.post(urlOf(api.callParks.create, { locationId: sanJose.id }), {
      // Maria Brown, free: Jordan Miller is in the previous test's Dock team.
      data: { name: "Rename me", recall: { option: "ALERT_PARKING_USER_ONLY" }, agents: [await memberId(request, sanJose.id, "Maria Brown")] },
    });
    expect(created.status()).toBe(201);
    const oldId: string = (await created.json()).id;
    const panelPath = (id: string) => `${GROUPS}/${encodeURIComponent(sanJose.id)}/${encodeURIComponent(id)}`;

    await page.goto(`${GROUPS}?q=Rename`);
    await page.getByRole("link", { name: "Rename me", exact: true }).click();
    await expect(page).toHaveURL((url) => url.pathname === panelPath(oldId));
    const panel = page.getByRole("dialog", { name: "Rename me" });
    await (await expandPanelPart(panel, "en", "name")).getByLabel("Call park group name").fill("Renamed desk");
    await panel.getByRole("button", { name: "Save" }).click();
    // Maria Brown and no park destination: a group that cannot park, saved on purpose.
    await confirmEmptyGroup(page);
    await expect(page.getByText("Call park group saved.")).toBeVisible();
    // Nothing asked for the old id after the save (it answers 404 now): no error shown.
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await expect(page.getByText("This call park group does not exist", { exact: false })).toHaveCount(0);

    await page.getByRole("link", { name: "Renamed desk", exact: true }).click();
    const renamed = page.getByRole("dialog", { name: "Renamed desk" });
    await expect(renamed.getByText("1 member: Maria Brown", { exact: true })).toBeVisible();
    const newId = decodeURIComponent(new URL(page.url()).pathname.split("/").at(-1) ?? "");
    expect(newId).not.toBe(oldId);
    expect((await request.get(urlOf(api.callParks.get, { locationId: sanJose.id, callParkId: oldId }))).status()).toBe(404);

    await renamed.getByRole("link", { name: "View history of Renamed desk" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
    const rows = page.locator("tbody tr.audit-row");
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toContainText("Renamed desk");
    await expect(rows.nth(1)).toContainText("Rename me");

    // The old address (a bookmark, a link in a message) follows the group to its new id.
    await page.goto(panelPath(oldId));
    await expect(page).toHaveURL((url) => url.pathname === panelPath(newId));
    await expect(page.getByRole("dialog", { name: "Renamed desk" })).toBeVisible();
  });

  test("a person in one group is not offered to another, and says why", async ({ page, request, locationNamed }) => {
    const sanJose = locationNamed("San Jose HQ");
    await deleteGroupsStartingWith(request, sanJose.id, "Sales floor");
    const priya = await memberId(request, sanJose.id, "Priya Johnson");
    const first = await request.post(urlOf(api.callParks.create, { locationId: sanJose.id }), {
      data: { name: "Sales floor A", recall: { option: "ALERT_PARKING_USER_ONLY" }, agents: [priya] },
    });
    expect(first.status()).toBe(201);
    const second = await request.post(urlOf(api.callParks.create, { locationId: sanJose.id }), {
      data: { name: "Sales floor B", recall: { option: "ALERT_PARKING_USER_ONLY" }, agents: [priya] },
    });
    expect(second.status()).toBe(409);

    await page.goto(`${GROUPS}/new?location=${encodeURIComponent(sanJose.id)}&step=name`);
    await page.getByLabel("Call park group name").fill("Sales floor A");
    await page.getByRole("button", { name: "Next" }).click();
    await expect(page.getByText("A call park group named Sales floor A already exists in this location.")).toBeVisible();
    await page.getByLabel("Call park group name").fill("Sales floor B");
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByLabel("Search members").fill("Priya Johnson");
    const item = page.getByRole("listitem").filter({ hasText: "Priya Johnson" });
    await expect(item).toContainText("Already in call park group Sales floor A");
    await expect(item.getByRole("button", { name: "Add Priya Johnson" })).toBeDisabled();
  });

  test("the side panel opens on a summary; Members opened from the keyboard is edited and saved", async ({ page, request, locationNamed }) => {
    const sanJose = locationNamed("San Jose HQ");
    await deleteGroupsStartingWith(request, sanJose.id, "Summary desk");
    const created = await request.post(urlOf(api.callParks.create, { locationId: sanJose.id }), {
      data: {
        name: "Summary desk",
        recall: { option: "ALERT_PARKING_USER_ONLY" },
        agents: [await memberId(request, sanJose.id, "Noah Rossi")],
      },
    });
    expect(created.status()).toBe(201);

    await page.goto(`${GROUPS}?q=Summary`);
    await page.getByRole("link", { name: "Summary desk", exact: true }).click();
    const panel = page.getByRole("dialog", { name: "Summary desk" });
    await expect(panel.getByText("San Jose HQ", { exact: true })).toBeVisible();
    await expect(panel.getByText("1 member: Noah Rossi", { exact: true })).toBeVisible();
    await expect(panel.getByText("No park destinations", { exact: true })).toBeVisible();
    await expect(panelPartTrigger(panel, "en", "recall")).toHaveAccessibleDescription(/^Alert parking user only/);
    await expect(panelPartTrigger(panel, "en", "members")).toHaveAccessibleDescription("1 member: Noah Rossi");
    await expect(panel.getByRole("textbox")).toHaveCount(0);
    await expectNoAxeViolations(page, "side panel summary");

    const members = await expandPanelPart(panel, "en", "members", { keyboard: true });
    // A disclosure's trigger keeps focus; Tab then goes into the editor.
    await expect(panel.getByRole("button", { name: "Members", exact: true })).toBeFocused();
    await members.getByLabel("Search members").fill("Olivia Nguyen");
    await members.getByRole("button", { name: "Add Olivia Nguyen", exact: true }).click();
    await expect(members.getByRole("button", { name: "Remove Olivia Nguyen", exact: true })).toBeVisible();
    await expectNoAxeViolations(page, "side panel, Members open");
    await panel.getByRole("button", { name: "Save", exact: true }).click();
    // Still no park destination: saved on purpose.
    await confirmEmptyGroup(page);
    await expect(page.getByText("Call park group saved.")).toBeVisible();

    const saved = await (
      await request.get(urlOf(api.callParks.get, { locationId: sanJose.id, callParkId: (await created.json()).id }))
    ).json();
    expect((saved.agents as { displayName: string }[]).map((a) => a.displayName).sort()).toEqual(["Noah Rossi", "Olivia Nguyen"]);
    await page.getByRole("link", { name: "Summary desk", exact: true }).click();
    await expect(page.getByRole("dialog", { name: "Summary desk" }).getByText("2 members: Noah Rossi, Olivia Nguyen", { exact: true })).toBeVisible();
  });

  test("a group is deleted from its side panel after a confirmation", async ({ page, request, locationNamed }) => {
    const sanJose = locationNamed("San Jose HQ");
    await deleteGroupsStartingWith(request, sanJose.id, "Short-lived");
    const created = await request.post(urlOf(api.callParks.create, { locationId: sanJose.id }), {
      data: { name: "Short-lived group", recall: { option: "ALERT_PARKING_USER_ONLY" } },
    });
    expect(created.status()).toBe(201);
    await page.goto(`${GROUPS}?q=Short-lived`);
    await page.getByRole("link", { name: "Short-lived group", exact: true }).click();
    const panel = page.getByRole("dialog", { name: "Short-lived group" });
    // The panel drawn whole (its location named) before the button is pressed.
    await expect(panel.getByRole("region", { name: "Location" })).toContainText("San Jose HQ");
    await panel.getByRole("button", { name: "Delete group" }).click();
    const confirm = page.getByRole("alertdialog", { name: "Delete call park group?" });
    await expectNoAxeViolations(page, "delete group confirmation");
    await confirm.getByRole("button", { name: "Delete" }).click();
    await expect(page.getByText("Call park group deleted.")).toBeVisible();
    await expect(page.getByText("No call park group matches this search.")).toBeVisible();
    await expect(page).toHaveURL(/q=Short-lived/);
  });
});

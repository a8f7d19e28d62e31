import type { Locator, Page } from "@playwright/test";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { expect, test } from "./fixtures";
import { deleteGroupsStartingWith, expandPanelPart, GROUPS, memberId } from "./call-parks-helpers";

// Nothing lost, nothing misleading: what the app says, where it says it.

const TRACKING_ID = "TRK-e2e-4f2a9c";

/** A server failure as ours answers it (Webex's error body), with the tracking ID to quote. */
const serverFailure = {
  status: 500,
  headers: { TrackingID: TRACKING_ID },
  contentType: "application/json",
  body: JSON.stringify({
    message: "Internal error",
    code: "internal",
    errors: [{ description: "Internal error", errorCode: 0 }],
    trackingId: TRACKING_ID,
  }),
};

/** Fails the test if the two boxes overlap. */
async function expectNotCovered(control: Locator, toast: Locator) {
  const [a, b] = [await control.boundingBox(), await toast.boundingBox()];
  expect(a && b, "both on screen").toBeTruthy();
  const overlap = a!.x < b!.x + b!.width && b!.x < a!.x + a!.width && a!.y < b!.y + b!.height && b!.y < a!.y + a!.height;
  expect(overlap, `the toast ${JSON.stringify(b)} covers ${JSON.stringify(a)}`).toBe(false);
}

const toastOf = (page: Page, text: string) => page.getByRole("region", { name: "Notifications" }).locator(".toast").filter({ hasText: text });

test.describe("signed out", () => {
  test.use({ role: null });

  test("the sign-in page logs no console error for a visitor with no session", async ({ page }) => {
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto("/sign-in");
    await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
    await page.waitForLoadState("networkidle");
    expect(errors).toEqual([]);
  });
});

test.describe("messages", () => {
  test("a deep link with a slow API shows the app's frame, not a bare spinner", async ({ page }) => {
    let release!: () => void;
    const slow = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/v1/**", async (route) => {
      await slow;
      await route.continue();
    });
    await page.goto(GROUPS);
    await expect(page.getByRole("banner")).toBeVisible();
    await expect(page.getByRole("navigation")).toBeVisible();
    await expect(page.getByRole("main")).toHaveAttribute("aria-busy", "true");
    await expect(page.locator(".spinner")).toHaveCount(0);
    release();
    await expect(page.getByRole("heading", { level: 1, name: "Call park groups" })).toBeVisible();
  });

  test("an error toast shows its tracking ID, copies it, and covers neither Save nor Delete of the side panel", async ({
    page,
    context,
    request,
    locationNamed,
  }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const london = locationNamed("London");
    await deleteGroupsStartingWith(request, london.id, "Toast check");
    const created = await request.post(urlOf(api.callParks.create, { locationId: london.id }), {
      data: { name: "Toast check", recall: { option: "ALERT_PARKING_USER_ONLY" }, agents: [await memberId(request, london.id, "Lobby")] },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };

    await page.route(`**${urlOf(api.callParks.update, { locationId: london.id, callParkId: id })}*`, (route) =>
      route.request().method() === "PUT" ? route.fulfill(serverFailure) : route.continue(),
    );
    await page.goto(`${GROUPS}/${encodeURIComponent(london.id)}/${encodeURIComponent(id)}`);
    const panel = page.getByRole("dialog", { name: "Toast check" });
    await (await expandPanelPart(panel, "en", "name")).getByLabel("Call park group name").fill("Toast check 2");
    await panel.getByRole("button", { name: "Save", exact: true }).click();
    // No destinations: the group cannot park anything, which is asked first.
    await page.getByRole("alertdialog", { name: "This group cannot park any call" }).getByRole("button", { name: "Save anyway" }).click();

    const toast = toastOf(page, "quote the tracking ID");
    await expect(toast).toContainText(`Tracking ID: ${TRACKING_ID}`);
    await expectNotCovered(panel.getByRole("button", { name: "Save", exact: true }), toast);
    await expectNotCovered(panel.getByRole("button", { name: "Delete group", exact: true }), toast);
    await toast.getByRole("button", { name: "Copy tracking ID" }).click();
    await expect(toast.getByText("Copied", { exact: true })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(TRACKING_ID);

    await deleteGroupsStartingWith(request, london.id, "Toast check");
  });

  test("an error toast does not cover the Save of a form", async ({ page, locationNamed }) => {
    const london = locationNamed("London");
    await page.route(`**${urlOf(api.callParkExtensions.create, { locationId: london.id })}*`, (route) =>
      route.request().method() === "POST" ? route.fulfill(serverFailure) : route.continue(),
    );
    await page.goto(`/services/calling/features/call-park-extensions/new?location=${encodeURIComponent(london.id)}`);
    await expect(page.getByRole("combobox", { name: "Location" })).toHaveValue("London");
    await page.getByLabel("Call park extension name").fill("Toast form check");
    await page.getByLabel("Extension", { exact: true }).fill("98765");
    await expect(page.getByText("This extension is available.")).toBeVisible();
    await page.getByRole("button", { name: "Save", exact: true }).click();
    const toast = toastOf(page, "quote the tracking ID");
    await expect(toast).toContainText(`Tracking ID: ${TRACKING_ID}`);
    await expectNotCovered(page.getByRole("button", { name: "Save", exact: true }), toast);
    await expectNotCovered(page.getByRole("link", { name: "Cancel", exact: true }), toast);
  });
});

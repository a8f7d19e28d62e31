import { type APIRequestContext, expect, type Page } from "@playwright/test";

export const settingsUrl = (locationId: string) => `/v1/telephony/config/locations/${locationId}/callParks/settings`;

/** Puts a location's Call Park Settings back to a new location's defaults. */
export async function resetCallParkSettings(request: APIRequestContext, locationId: string) {
  const response = await request.put(settingsUrl(locationId), {
    data: {
      callParkRecall: { option: "ALERT_PARKING_USER_ONLY" },
      callParkSettings: { ringPattern: "NORMAL", recallTime: 45, huntWaitTime: 45 },
    },
  });
  expect(response.status()).toBe(204);
}

/** Opens a settings drop-down by its label and picks an option, as a user would with the mouse. */
export async function chooseSetting(page: Page, label: string, option: string) {
  const field = page.locator(".field").filter({ has: page.getByText(label, { exact: true }) });
  await field.getByRole("button").click();
  await page.getByRole("option", { name: option, exact: true }).click();
  await expect(field.getByRole("button")).toContainText(option);
}

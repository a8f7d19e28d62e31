import { type APIRequestContext, expect, type Locator, type Page } from "@playwright/test";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { responseTo } from "./fixtures";

/** A location's Call Park Settings as the server holds them. */
export async function storedSettings(request: APIRequestContext, locationId: string) {
  const response = await request.get(urlOf(api.callParkSettings.get, { locationId }));
  expect(response.status()).toBe(200);
  return response.json();
}

/**
 * Saves the settings form and waits for the server's answer: the button turns off as
 * soon as the form submits, before the request leaves, so it cannot say the write is done.
 */
export async function saveSettings(page: Page, save: Locator, locationId: string) {
  const saved = responseTo(page, api.callParkSettings.update, { locationId });
  await save.click();
  expect((await saved).status()).toBe(204);
}

/** Puts a location's Call Park Settings back to a new location's defaults. */
export async function resetCallParkSettings(request: APIRequestContext, locationId: string) {
  const response = await request.put(urlOf(api.callParkSettings.update, { locationId }), {
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

import { type APIRequestContext, expect, type Page } from "@playwright/test";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";

export const GROUPS = "/services/calling/features/call-parks";

/**
 * Deletes a location's groups whose names start with `prefix`, so a retried test
 * finds its members and destinations free again.
 */
export async function deleteGroupsStartingWith(request: APIRequestContext, locationId: string, prefix: string) {
  const response = await request.get(urlOf(api.callParks.list, { locationId }, { name: prefix }));
  for (const group of (await response.json()).callParks as { id: string; name: string }[]) {
    if (group.name.startsWith(prefix)) {
      await request.delete(urlOf(api.callParks.delete, { locationId, callParkId: group.id }));
    }
  }
}

/** The id of a location's person, workspace or virtual line, by display name. */
export async function memberId(request: APIRequestContext, locationId: string, name: string) {
  const response = await request.get(urlOf(api.callParks.availableUsers, { locationId }, { name, includeAssigned: true }));
  const found = ((await response.json()).agents as { id: string; displayName: string }[]).find((a) => a.displayName === name);
  if (!found) throw new Error(`no member named ${name}`);
  return found.id;
}

export async function searchAndAdd(page: Page, searchLabel: string, term: string, addLabel: string) {
  await page.getByLabel(searchLabel).fill(term);
  await page.getByRole("button", { name: addLabel, exact: true }).click();
}

export async function expectStep(page: Page, step: string, title: string) {
  await expect(page).toHaveURL(new RegExp(`[?&]step=${step}(&|$)`));
  // Exact: the Members step also shows a heading such as "2 members".
  await expect(page.getByRole("heading", { level: 2, name: title, exact: true })).toBeVisible();
}

/**
 * Saving (or creating) a group that cannot park anything — no members, or no park
 * destinations — asks first: this answers "Save anyway" (or "Create anyway").
 */
export async function confirmEmptyGroup(page: Page, action: "Save anyway" | "Create anyway" = "Save anyway") {
  const question = page.getByRole("alertdialog", { name: "This group cannot park any call" });
  await question.getByRole("button", { name: action, exact: true }).click();
  await expect(question).toHaveCount(0);
}

import { type APIRequestContext, expect, type Locator, type Page } from "@playwright/test";
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

/** The triggers of a group side panel's parts, as each language names them. */
const PANEL_PARTS = {
  en: { name: "Name", members: "Members", destinations: "Park destinations", recall: "Recall" },
  "pt-BR": { name: "Nome", members: "Membros", destinations: "Destinos de estacionamento", recall: "Rechamada" },
} as const;
export type PanelPart = keyof (typeof PANEL_PARTS)["en"];

/**
 * A part's trigger in a group's side panel. While the part is closed its summary is the
 * trigger's accessible description: the way to read it, as the hidden editor beside it may
 * hold the same words (a recall option's label).
 */
export function panelPartTrigger(panel: Locator, lng: "en" | "pt-BR", part: PanelPart) {
  return panel.getByRole("button", { name: PANEL_PARTS[lng][part], exact: true });
}

/**
 * The side panel opens on a summary: this opens one part into its editor (unless it is
 * open already), by a click or, with `keyboard`, by Enter on its trigger, and gives the
 * part's content to search in.
 */
export async function expandPanelPart(
  panel: Locator,
  lng: "en" | "pt-BR",
  part: PanelPart,
  { keyboard = false }: { keyboard?: boolean } = {},
) {
  const name = PANEL_PARTS[lng][part];
  const trigger = panelPartTrigger(panel, lng, part);
  if ((await trigger.getAttribute("aria-expanded")) !== "true") {
    if (keyboard) {
      await trigger.focus();
      await trigger.press("Enter");
    } else {
      await trigger.click();
    }
  }
  await expect(trigger).toHaveAttribute("aria-expanded", "true");
  return panel.getByRole("group", { name, exact: true });
}

import type { APIRequestContext, Page } from "@playwright/test";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import type { SimulationParticipant, SimulationResult } from "@domain/schemas/simulation";
import { expect, expectNoAxeViolations, test } from "./fixtures";
import { deleteGroupsStartingWith, GROUPS, panelPartTrigger } from "./call-parks-helpers";
import { checkScreen } from "./responsive-helpers";

// The call park simulator over a real location: a group of three made for the test in New
// York Office (where no other spec makes groups), its three members parking with #58 at
// once, nobody retrieving. Removed after each test. The gateway project plays it all again in
// Webex mode, over the mirror of the stand-in for Webex.
const LOCATION = "New York Office";
const GROUP = "Simulator desk";

const RINGS = {
  en: { NORMAL: "Normal", LONG_LONG: "Long-Long", SHORT_SHORT_LONG: "Short-Short-Long", SHORT_LONG_SHORT: "Short-Long-Short" },
  "pt-BR": { NORMAL: "Normal", LONG_LONG: "Longo-Longo", SHORT_SHORT_LONG: "Curto-Curto-Longo", SHORT_LONG_SHORT: "Curto-Longo-Curto" },
} as const;

interface Desk {
  locationId: string;
  callParkId: string;
  members: SimulationParticipant[];
  extensions: string[];
  recallTime: number;
  ringPattern: keyof (typeof RINGS)["en"];
}

/** Three people of the location in no group, hunting three free call park extensions, recalled to the parker only. */
async function makeDesk(request: APIRequestContext, locationId: string): Promise<Desk> {
  await deleteGroupsStartingWith(request, locationId, GROUP);
  const cast = (await (await request.post(urlOf(api.callParks.simulate, { locationId }), { data: { steps: [] } })).json()) as SimulationResult;
  const members = cast.participants.filter((p) => p.type === "PEOPLE" && p.callParkId === null).slice(0, 3);
  const destinations = cast.destinations.filter((d) => d.kind === "CALL_PARK_EXTENSION").slice(0, 3);
  const created = await request.post(urlOf(api.callParks.create, { locationId }), {
    data: {
      name: GROUP,
      recall: { option: "ALERT_PARKING_USER_ONLY" },
      agents: members.map((m) => m.id),
      callParkExtensions: destinations.map((d) => d.id),
    },
  });
  expect(created.status()).toBe(201);
  const settings = await (await request.get(urlOf(api.callParkSettings.get, { locationId }))).json();
  return {
    locationId,
    callParkId: (await created.json()).id,
    members,
    extensions: destinations.map((d) => d.extension),
    recallTime: settings.callParkSettings.recallTime,
    ringPattern: settings.callParkSettings.ringPattern,
  };
}

/** Each member lands on the next destination at second 0, and each call comes back to its parker at the Recall Timer. */
function expectedLines(desk: Desk, language: "en" | "pt-BR") {
  const ring = RINGS[language][desk.ringPattern];
  return desk.members.flatMap((m, i) => {
    const [call, extension] = [i + 1, desk.extensions[i]];
    return language === "en"
      ? [
          `0 s — ${m.name} parked call ${call} on ${extension}`,
          `${desk.recallTime} s — call ${call} on ${extension} rings back ${m.name} (ring: ${ring})`,
        ]
      : [
          `0 s — ${m.name} estacionou a chamada ${call} em ${extension}`,
          `${desk.recallTime} s — a chamada ${call} em ${extension} volta a tocar para ${m.name} (toque: ${ring})`,
        ];
  });
}

const eventList = (page: Page, name: string) => page.getByRole("region", { name }).getByRole("listitem");

test.afterEach(async ({ request, locationNamed }) => {
  await deleteGroupsStartingWith(request, locationNamed(LOCATION).id, GROUP);
});

test.describe("the call park simulator", () => {
  test("plays three members parking with #58 at once: where each call landed and when it comes back to whom", async ({
    page,
    request,
    locationNamed,
    mode,
  }, testInfo) => {
    const desk = await makeDesk(request, locationNamed(LOCATION).id);
    await page.goto("/locations");
    await page.getByRole("link", { name: LOCATION, exact: true }).click();
    await page.getByRole("tab", { name: "Simulator" }).click();
    await expect(page).toHaveURL(/\/locations\/[^/]+\/simulator$/);
    await expect(page.getByRole("heading", { level: 2, name: "Call park simulator" })).toBeVisible();
    // In Webex mode the simulator plays the mirror of the Webex organisation, and says so.
    const webexNotice = page.getByRole("note").filter({ hasText: "This is a simulation over the configuration mirrored from Webex: no call is made and nothing changes in Webex." });
    await expect(webexNotice).toHaveCount(mode === "webex" ? 1 : 0);

    await page.getByRole("button", { name: "Three members park with #58 at once" }).click();
    await expect(page.getByText("3 steps", { exact: true })).toBeVisible();
    await page.getByRole("button", { name: "Play", exact: true }).click();

    const picture = page.getByRole("img", { name: /^Timeline: 3 calls over 600 seconds\./ });
    await expect(picture).toBeVisible();
    for (const [i, m] of desk.members.entries()) {
      await expect(picture.getByText(`Call ${i + 1} · ${m.name} → ${desk.extensions[i]}`, { exact: true })).toBeVisible();
    }
    const lines = await eventList(page, "Events in order").allTextContents();
    for (const line of expectedLines(desk, "en")) expect(lines).toContain(line);
    // Nobody retrieves: with the parker-only option each call comes back again a Recall Timer later.
    expect(lines).toContain(`${2 * desk.recallTime} s — call 1 on ${desk.extensions[0]} rings back ${desk.members[0].name} (ring: ${RINGS.en[desk.ringPattern]})`);
    // The Parked calls board, live: each of the three destinations holds its member's call.
    const board = page.getByRole("region", { name: "Parked calls" });
    const slots = board.getByRole("list", { name: "Park destinations" }).getByRole("listitem");
    for (const [i, m] of desk.members.entries()) {
      await expect(slots.filter({ hasText: new RegExp(`^${desk.extensions[i]} — `) })).toContainText(`Holding call ${i + 1} — parked by ${m.name} at 0 s`);
    }
    await expect(board.getByText("3 calls parked", { exact: true })).toBeVisible();
    await expectNoAxeViolations(page, "Simulator with a timeline");

    // On a phone the page does not scroll sideways: the picture scrolls in its own box.
    await page.setViewportSize({ width: 375, height: 800 });
    await checkScreen(page, testInfo, {
      screen: "Simulator",
      language: "en",
      width: 375,
      essentials: [page.getByRole("heading", { level: 2, name: "Call park simulator" }), page.getByRole("button", { name: "Play", exact: true })],
    });
  });

  test("Try it from the group's side panel starts on its members", async ({ page, request, locationNamed }) => {
    const desk = await makeDesk(request, locationNamed(LOCATION).id);
    await page.goto(`${GROUPS}/${desk.locationId}/${desk.callParkId}`);
    const panel = page.getByRole("dialog", { name: GROUP });
    await panel.getByRole("link", { name: `Try it in the simulator with ${GROUP}` }).click();
    await expect(page).toHaveURL(new RegExp(`/locations/[^/]+/simulator\\?group=${encodeURIComponent(desk.callParkId)}$`));
    await expect(page.getByRole("tab", { name: "Simulator", selected: true })).toBeVisible();
    await expect(page.getByText("The script starts with the first members of the group parking with #58 at second 0.")).toBeVisible();
    for (const [i, m] of desk.members.entries()) {
      await expect(page.getByRole("group", { name: `Step ${i + 1}` }).getByRole("combobox", { name: "Who dials" })).toHaveValue(m.id);
    }
    // Keyboard only: Play is reached and pressed with the keyboard.
    await page.getByRole("button", { name: "Play", exact: true }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("img", { name: /^Timeline: 3 calls over 600 seconds\./ })).toBeVisible();
    const lines = await eventList(page, "Events in order").allTextContents();
    for (const line of expectedLines(desk, "en")) expect(lines).toContain(line);
  });
});

test.describe("a change shown on a timeline before Save", () => {
  test("Call Park Settings: a new Recall Timer is played before Save, and nothing is saved", async ({ page, request, locationNamed, mode }) => {
    const { id: locationId } = locationNamed(LOCATION);
    const saved = await (await request.get(urlOf(api.callParkSettings.get, { locationId }))).json();
    const { recallTime, huntWaitTime } = saved.callParkSettings;
    const later = recallTime + 30;
    await page.goto(`/locations/${locationId}/calling`);
    const form = page.getByRole("form", { name: "Call Park Settings" });
    await form.getByRole("button", { name: "Preview on a timeline" }).click();
    const preview = form.getByRole("region", { name: "Preview on a timeline" });
    await expect(preview.getByText(/parks a call with \*68 on \d+ and nobody retrieves it\. Played with the saved settings/)).toBeVisible();
    await expect(preview.getByRole("img", { name: `Timeline: 1 call over ${2 * recallTime + huntWaitTime} seconds. The list of events below tells it in order.` })).toBeVisible();
    const lines = preview.getByRole("region", { name: "Events in order" }).getByRole("listitem");
    await expect(lines.filter({ hasText: new RegExp(`^${recallTime} s — call 1 on \\d+ rings back `) })).toHaveCount(1);
    // In Webex mode the preview says it plays the mirror, and calls nobody.
    await expect(preview.getByText("This is a simulation over the configuration mirrored from Webex: no call is made and nothing changes in Webex.")).toHaveCount(mode === "webex" ? 1 : 0);

    const timer = form.getByRole("spinbutton", { name: "Recall Timer (seconds)" });
    await timer.fill(String(later));
    await expect(preview.getByRole("img", { name: `Timeline: 1 call over ${2 * later + huntWaitTime} seconds. The list of events below tells it in order.` })).toBeVisible();
    await expect(lines.filter({ hasText: new RegExp(`^${later} s — call 1 on \\d+ rings back `) })).toHaveCount(1);
    await expect(lines.filter({ hasText: new RegExp(`^${recallTime} s — `) })).toHaveCount(0);
    await expect(preview.getByText(/Played with the values in this form, which are not saved yet\./)).toBeVisible();
    await expectNoAxeViolations(page, "Call Park Settings with its preview");
    const stored = await (await request.get(urlOf(api.callParkSettings.get, { locationId }))).json();
    expect(stored.callParkSettings.recallTime).toBe(recallTime);
  });

  test("a group's side panel: Recall To the hunt group only is played before Save", async ({ page, request, locationNamed }) => {
    const desk = await makeDesk(request, locationNamed(LOCATION).id);
    await page.goto(`${GROUPS}/${desk.locationId}/${desk.callParkId}`);
    const panel = page.getByRole("dialog", { name: GROUP });
    await panel.getByRole("button", { name: "Preview on a timeline" }).click();
    const preview = panel.getByRole("region", { name: "Preview on a timeline" });
    const names = desk.members.map((m) => m.name);
    await expect(preview.getByText(`${names[0]}, ${names[1]} and ${names[2]} park a call each with #58 at the same moment and nobody retrieves them.`, { exact: false })).toBeVisible();
    const lines = preview.getByRole("region", { name: "Events in order" }).getByRole("listitem");
    for (const line of expectedLines(desk, "en")) await expect(lines.filter({ hasText: line })).toHaveCount(1);

    await panelPartTrigger(panel, "en", "recall").click();
    await panel.getByRole("radio", { name: "Alert hunt group only" }).check();
    await panel.getByRole("combobox", { name: "Hunt group" }).selectOption({ label: "Support" });
    for (const call of [1, 2, 3]) {
      await expect(lines.filter({ hasText: `${desk.recallTime} s — call ${call} goes to the hunt group Support` })).toHaveCount(1);
    }
    await expect(lines.filter({ hasText: "rings back" })).toHaveCount(0);
    await expect(preview.getByText(/not saved yet/)).toBeVisible();
    await expectNoAxeViolations(page, "A group's side panel with its preview");
    const stored = await (await request.get(urlOf(api.callParks.get, { locationId: desk.locationId, callParkId: desk.callParkId }))).json();
    expect(stored.recall.option).toBe("ALERT_PARKING_USER_ONLY");
  });
});

test.describe("o simulador de estacionamento de chamadas, em português", () => {
  test.use({ language: "pt-BR", locale: "pt-BR" });

  test("três membros estacionam com #58 ao mesmo tempo", async ({ page, request, locationNamed }) => {
    const desk = await makeDesk(request, locationNamed(LOCATION).id);
    await page.goto(`/locations/${desk.locationId}/simulator`);
    await expect(page.getByRole("tab", { name: "Simulador", selected: true })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Simulador de estacionamento de chamadas" })).toBeVisible();
    await page.getByRole("button", { name: "Três membros estacionam com #58 ao mesmo tempo" }).click();
    // The first member's line also appears on the third's phone (a shared line).
    await page.getByRole("button", { name: "Adicionar uma linha em outro telefone" }).click();
    const line = page.getByRole("group", { name: "Linha 1" });
    const [first, , third] = desk.members;
    await line.getByRole("combobox", { name: "A linha de" }).selectOption(first.id);
    await line.getByRole("combobox", { name: "Aparece no telefone de" }).selectOption(third.id);
    await page.getByRole("button", { name: "Reproduzir", exact: true }).click();
    const picture = page.getByRole("img", { name: /^Linha do tempo: 3 chamadas em 600 segundos\./ });
    await expect(picture).toBeVisible();
    await expect(picture.getByText(`Chamada 1 · ${desk.members[0].name} → ${desk.extensions[0]}`, { exact: true })).toBeVisible();
    const lines = await eventList(page, "Eventos em ordem").allTextContents();
    const sharedLine = `${desk.recallTime} s — a chamada 1 em ${desk.extensions[0]} volta a tocar para ${first.name} (toque: ${RINGS["pt-BR"][desk.ringPattern]})`;
    for (const expected of expectedLines(desk, "pt-BR")) {
      expect(lines).toContain(expected === sharedLine ? `${sharedLine}; também aparece no telefone de ${third.name}` : expected);
    }
    const board = page.getByRole("region", { name: "Chamadas estacionadas" });
    const slots = board.getByRole("list", { name: "Destinos de estacionamento" }).getByRole("listitem");
    await expect(slots.filter({ hasText: new RegExp(`^${desk.extensions[0]} — `) })).toContainText(`Com a chamada 1 — estacionada por ${desk.members[0].name} no segundo 0`);
    await expectNoAxeViolations(page, "Simulador com linha do tempo (pt-BR)");
  });
});

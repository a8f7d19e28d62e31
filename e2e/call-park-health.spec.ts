import type { APIRequestContext, APIResponse, Page } from "@playwright/test";
import BetterSqlite3 from "better-sqlite3";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { HEALTH_KINDS, type HealthKind } from "@domain/rules/call-park-health";
import type { CallParkHealth } from "@domain/schemas/call-park-health";
import type { CallParkSettings } from "@domain/schemas/call-park-settings";
import { CALL_PARK_HEALTH_PATH, callParkExtensionListPath, callParkPath, FEATURES_PATH } from "@/lib/paths";
import { chooseLocation, type DemoLocation, expect, expectNoAxeViolations, responseTo, test } from "./fixtures";
import { downloadedText } from "./bulk-manage-helpers";
import { deleteGroupsStartingWith } from "./call-parks-helpers";
import { checkScreen } from "./responsive-helpers";

// The health check over a configuration with one finding of each kind, made for the test and
// removed after it: in London four groups (one with nowhere to park, one with fewer call park
// extensions than members, one recalling to San Jose's hunt group, one to London's Sales,
// which the demo leaves without agents) and a call park extension in no group (one finding for
// the location: how many are in no group, the first five named); in San Jose HQ
// an Alert Hunt Group Wait Time nothing uses, and call park extensions up to 90 of 100.
// A recall to another location's hunt group is refused by the API (it comes from Webex), so
// that one recall is written into the standalone server's database file.

const PREFIX = "Health ";
const FILL_FROM = 990100;

interface Made {
  london: DemoLocation;
  sanJose: DemoLocation;
  groups: Record<"nowhere" | "crowded" | "borrowed" | "unanswered", string>;
  /** London's call park extensions in no group, as the groups' own API tells them: how many, and the first five in extension order. */
  inNoGroup: { count: number; first: { name: string; extension: string }[] };
  /** San Jose HQ's settings before the test. */
  settings: CallParkSettings;
}

async function ok(response: Promise<APIResponse>, status: number) {
  const r = await response;
  expect(r.status(), await r.text()).toBe(status);
  return r;
}

/** Every call park extension of the location whose name starts with the prefix: this spec's. */
async function ours(request: APIRequestContext, locationId: string) {
  const response = await request.get(urlOf(api.callParkExtensions.list, {}, { locationId, name: PREFIX, max: 1000 }));
  return ((await response.json()).callParkExtensions as { id: string; name: string; extension: string }[]).filter((e) => e.name.startsWith(PREFIX));
}

async function removeOurs(request: APIRequestContext, london: DemoLocation, sanJose: DemoLocation) {
  await deleteGroupsStartingWith(request, london.id, PREFIX);
  for (const location of [london, sanJose]) {
    for (const e of await ours(request, location.id)) {
      await request.delete(urlOf(api.callParkExtensions.delete, { locationId: location.id, callParkExtensionId: e.id }));
    }
  }
}

async function createExtension(request: APIRequestContext, locationId: string, name: string, extension: string) {
  const r = await ok(request.post(urlOf(api.callParkExtensions.create, { locationId }), { data: { name, extension } }), 201);
  return { id: (await r.json()).id as string, extension };
}

async function huntGroup(request: APIRequestContext, locationId: string, name: string) {
  const r = await request.get(urlOf(api.callParks.availableRecallHuntGroups, { locationId }));
  const found = ((await r.json()).huntGroups as { id: string; name: string }[]).find((h) => h.name === name);
  if (!found) throw new Error(`no hunt group ${name}`);
  return found.id;
}

async function makeConfiguration(request: APIRequestContext, databaseFile: string, london: DemoLocation, sanJose: DemoLocation): Promise<Made> {
  await removeOurs(request, london, sanJose);
  const people = ((await (await request.get(urlOf(api.callParks.availableUsers, { locationId: london.id }, { max: 50 }))).json()).agents as { id: string; type: string }[])
    .filter((a) => a.type === "PEOPLE")
    .map((a) => a.id);
  expect(people.length).toBeGreaterThanOrEqual(6);
  const docks = [];
  for (let i = 1; i <= 3; i++) docks.push(await createExtension(request, london.id, `${PREFIX}dock ${i}`, String(FILL_FROM - 10 + i)));
  await createExtension(request, london.id, `${PREFIX}spare`, String(FILL_FROM - 1));
  const group = async (name: string, body: Record<string, unknown>) =>
    (await (await ok(request.post(urlOf(api.callParks.create, { locationId: london.id }), { data: { name: `${PREFIX}${name}`, recall: { option: "ALERT_PARKING_USER_ONLY" }, ...body } }), 201)).json()).id as string;
  const groups = {
    nowhere: await group("nowhere", { agents: [people[0]] }),
    crowded: await group("crowded", { agents: people.slice(1, 4), callParkExtensions: [docks[0].id] }),
    borrowed: await group("borrowed", { agents: [people[4]], callParkExtensions: [docks[1].id], recall: { option: "ALERT_HUNT_GROUP_ONLY", huntGroupId: await huntGroup(request, london.id, "Support") } }),
    unanswered: await group("unanswered", { agents: [people[5]], callParkExtensions: [docks[2].id], recall: { option: "ALERT_HUNT_GROUP_ONLY", huntGroupId: await huntGroup(request, london.id, "Sales") } }),
  };
  // As a Webex synchronisation could leave it: the group recalls to San Jose HQ's Support.
  const sanJoseSupport = await huntGroup(request, sanJose.id, "Support");
  const file = new BetterSqlite3(databaseFile);
  try {
    file.pragma("busy_timeout = 10000");
    file.prepare("update call_parks set recall_hunt_group_id = ? where id = ?").run(sanJoseSupport, groups.borrowed);
  } finally {
    file.close();
  }

  const settings = (await (await request.get(urlOf(api.callParkSettings.get, { locationId: sanJose.id }))).json()) as CallParkSettings;
  await ok(request.put(urlOf(api.callParkSettings.update, { locationId: sanJose.id }), { data: { callParkRecall: { option: "ALERT_PARKING_USER_ONLY" }, callParkSettings: { huntWaitTime: 150 } } }), 204);
  const count = Number((await request.get(urlOf(api.callParkExtensions.list, {}, { locationId: sanJose.id, max: 1 }))).headers()["x-total-count"]);
  await Promise.all(
    Array.from({ length: Math.max(0, 90 - count) }, (_, i) => createExtension(request, sanJose.id, `${PREFIX}fill ${i + 1}`, String(FILL_FROM + i))),
  );
  // What no group parks on, from the list a group's park destinations are chosen from.
  const free = ((await (await request.get(urlOf(api.callParks.availableCallParkExtensions, { locationId: london.id }, { max: 1000 }))).json()).callParkExtensions as {
    name: string;
    extension: string;
  }[]).sort((a, b) => (a.extension < b.extension ? -1 : a.extension > b.extension ? 1 : 0));
  expect(free.map((e) => e.name)).toContain(`${PREFIX}spare`);
  const inNoGroup = { count: free.length, first: free.slice(0, 5).map(({ name, extension }) => ({ name, extension })) };
  return { london, sanJose, groups, inNoGroup, settings };
}

async function restore(request: APIRequestContext, made: Made) {
  await removeOurs(request, made.london, made.sanJose);
  const { callParkRecall, callParkSettings } = made.settings;
  await request.put(urlOf(api.callParkSettings.update, { locationId: made.sanJose.id }), { data: { callParkRecall, callParkSettings } });
}

async function findings(request: APIRequestContext, query: Record<string, string> = {}) {
  return ((await (await request.get(urlOf(api.callParkHealth.get, {}, query))).json()) as CallParkHealth).findings;
}

const WORDS = {
  en: {
    heading: "Health check",
    table: "Findings",
    kind: "Kind",
    location: "Location",
    kinds: {
      GROUP_CANNOT_PARK: "Groups that cannot park",
      RECALL_WITHOUT_HUNT_GROUP: "Recalls without their hunt group",
      HUNT_GROUP_WITHOUT_AGENTS: "Recalls to a hunt group without agents",
      FEWER_DESTINATIONS_THAN_MEMBERS: "Fewer destinations than members",
      HUNT_WAIT_UNUSED: "Hunt group wait time not in use",
      LOCATION_NEAR_LIMIT: "Locations near the limit",
      EXTENSION_IN_NO_GROUP: "Locations with call park extensions in no group",
    } satisfies Record<HealthKind, string>,
    labels: ["Severity", "Location", "Object", "How to fix"],
    exportCsv: "Export CSV",
  },
  "pt-BR": {
    heading: "Verificação de integridade",
    table: "Ocorrências",
    kind: "Tipo",
    location: "Local",
    kinds: {
      GROUP_CANNOT_PARK: "Grupos que não conseguem estacionar",
      RECALL_WITHOUT_HUNT_GROUP: "Rechamadas sem o seu grupo de busca",
      HUNT_GROUP_WITHOUT_AGENTS: "Rechamadas para grupo de busca sem agentes",
      FEWER_DESTINATIONS_THAN_MEMBERS: "Menos destinos do que membros",
      HUNT_WAIT_UNUSED: "Tempo de espera do grupo de busca sem uso",
      LOCATION_NEAR_LIMIT: "Locais perto do limite",
      EXTENSION_IN_NO_GROUP: "Locais com ramais de estacionamento fora de grupos",
    } satisfies Record<HealthKind, string>,
    labels: ["Gravidade", "Local", "Objeto", "Como corrigir"],
    exportCsv: "Exportar CSV",
  },
} as const;

/** "A (1), B (2) and C (3)", or "A (1), …, E (5) and 7 more", in each language. */
function listed({ count, first }: Made["inNoGroup"], language: "en" | "pt-BR") {
  const and = language === "en" ? "and" : "e";
  const items = first.map((e) => `${e.name} (${e.extension})`);
  if (count > items.length) return language === "en" ? `${items.join(", ")} and ${count - items.length} more` : `${items.join(", ")} e mais ${count - items.length}`;
  return items.length > 1 ? `${items.slice(0, -1).join(", ")} ${and} ${items.at(-1)}` : items[0];
}

/** The explanations of this spec's findings, in each language. */
function explanations(made: Made, language: "en" | "pt-BR") {
  const { count } = made.inNoGroup;
  const list = listed(made.inNoGroup, language);
  return language === "en"
    ? {
        nowhere: `Call park group ${PREFIX}nowhere has nowhere to park: it has no call park extensions and does not use its members as park destinations, so its one member cannot park a call with #58.`,
        crowded: `Call park group ${PREFIX}crowded has 1 park destination for 3 members: when more members than that park at once, the others cannot.`,
        borrowed: `Call park group ${PREFIX}borrowed sends calls nobody retrieves to hunt group Support, which belongs to another location.`,
        unanswered: `Call park group ${PREFIX}unanswered sends calls nobody retrieves to hunt group Sales, which has no agents: nobody will answer them.`,
        inNoGroup: `${count} call park extension${count === 1 ? " belongs" : "s belong"} to no call park group: ${list}.`,
        wait: "The Alert Hunt Group Wait Time is set to 150 seconds, but nothing uses it: neither the recall option of Call Park Direct nor any call park group of this location alerts the parking user first, then a hunt group.",
      }
    : {
        nowhere: `O grupo de estacionamento de chamadas ${PREFIX}nowhere não tem onde estacionar: não tem ramais de estacionamento de chamadas nem usa os membros como destinos de estacionamento, então o seu único membro não consegue estacionar uma chamada com #58.`,
        crowded: `O grupo de estacionamento de chamadas ${PREFIX}crowded tem 1 destino de estacionamento para 3 membros: quando mais membros do que isso estacionam ao mesmo tempo, os demais não conseguem.`,
        borrowed: `O grupo de estacionamento de chamadas ${PREFIX}borrowed envia as chamadas que ninguém recupera para o grupo de busca Support, que pertence a outro local.`,
        unanswered: `O grupo de estacionamento de chamadas ${PREFIX}unanswered envia as chamadas que ninguém recupera para o grupo de busca Sales, que não tem agentes: ninguém vai atendê-las.`,
        inNoGroup: `${count} ${count === 1 ? "ramal" : "ramais"} de estacionamento de chamadas ${count === 1 ? "não pertence" : "não pertencem"} a nenhum grupo de estacionamento de chamadas: ${list}.`,
        wait: "O tempo de espera para alertar o grupo de busca está definido em 150 segundos, mas nada o usa: nem a opção de rechamada do estacionamento de chamada direcionado nem nenhum grupo de estacionamento de chamadas deste local alerta primeiro o usuário que estacionou e depois um grupo de busca.",
      };
}

const rowOf = (page: Page, table: string, explanation: string) =>
  page.getByRole("table", { name: table, exact: true }).getByRole("row").filter({ has: page.getByRole("cell", { name: explanation, exact: true }) });

/** The counts on top are the server's, kind by kind, for the filter shown. */
async function expectCounts(page: Page, request: APIRequestContext, language: "en" | "pt-BR", query: Record<string, string> = {}) {
  const all = await findings(request, query);
  for (const kind of HEALTH_KINDS) {
    const count = all.filter((f) => f.kind === kind).length;
    await expect(page.getByRole("button", { name: `${count} ${WORDS[language].kinds[kind]}`, exact: true })).toBeVisible();
  }
}

let made: Made | undefined;

test.beforeEach(async ({ request, locationNamed, servers }) => {
  test.skip(!servers.databaseFile, "writes a recall only Webex makes into the standalone server's SQLite file");
  made = await makeConfiguration(request, servers.databaseFile!, locationNamed("London"), locationNamed("San Jose HQ"));
  // The server finds each kind before the screen is looked at.
  const kinds = new Set((await findings(request)).filter((f) => [made!.london.id, made!.sanJose.id].includes(f.locationId)).map((f) => f.kind));
  expect([...kinds].sort()).toEqual([...HEALTH_KINDS].sort());
});

test.afterEach(async ({ request }) => {
  if (made) await restore(request, made);
  made = undefined;
});

test.describe("the call park health check", () => {
  test("shows one finding of each kind with its counts, filters by location and kind, exports and leads to the fix", async ({ page, request }, testInfo) => {
    const m = made!;
    const words = WORDS.en;
    const text = explanations(m, "en");
    await page.goto(FEATURES_PATH);
    await page.getByRole("main").getByRole("link", { name: "Health check", exact: true }).click();
    await expect(page).toHaveURL(CALL_PARK_HEALTH_PATH);
    await expect(page.getByRole("heading", { level: 1, name: words.heading })).toBeVisible();
    // One place in the navigation is the current one: the health check's, not Calling's too.
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Health check", exact: true })).toHaveAttribute("aria-current", "page");
    await expect(nav.locator('[aria-current="page"]')).toHaveCount(1);
    await expect(page.getByRole("table", { name: words.table, exact: true })).toBeVisible();
    await expectCounts(page, request, "en");
    await expectNoAxeViolations(page, "health check");

    // London: its groups' findings and its call park extensions in no group, each where it is, what it is about, and how to fix it.
    const loaded = responseTo(page, api.callParkHealth.get, {}, { locationId: m.london.id });
    await chooseLocation(page, words.location, "London");
    await loaded;
    await expect(page).toHaveURL(new RegExp(`[?&]location=${encodeURIComponent(m.london.id)}`));
    await expectCounts(page, request, "en", { locationId: m.london.id });
    const expectRow = async (explanation: string, cells: string[], link: string) => {
      const row = rowOf(page, words.table, explanation);
      await expect(row).toHaveCount(1);
      await expect(row.getByRole("cell")).toHaveText([explanation, ...cells]);
      await expect(row.getByRole("link", { name: link, exact: true })).toBeVisible();
    };
    await expectRow(text.nowhere, ["Error", "London", `Call park group ${PREFIX}nowhere`, "Edit the group"], `Edit the group: ${PREFIX}nowhere`);
    await expectRow(text.borrowed, ["Error", "London", `Call park group ${PREFIX}borrowed`, "Edit the group"], `Edit the group: ${PREFIX}borrowed`);
    await expectRow(text.unanswered, ["Error", "London", `Call park group ${PREFIX}unanswered`, "Edit the group"], `Edit the group: ${PREFIX}unanswered`);
    await expectRow(text.crowded, ["Warning", "London", `Call park group ${PREFIX}crowded`, "Edit the group"], `Edit the group: ${PREFIX}crowded`);
    await expectRow(text.inNoGroup, ["Information", "London", "Location London", "Review call park extensions"], "Review call park extensions: London");
    await expect(rowOf(page, words.table, text.inNoGroup).getByRole("link")).toHaveAttribute("href", callParkExtensionListPath(m.london.id));

    // Every location, one kind at a time: San Jose HQ near its limit, then its unused wait time.
    await page.getByRole("button", { name: "Clear filters", exact: true }).click();
    await expect(page).toHaveURL(CALL_PARK_HEALTH_PATH);
    await page.getByRole("combobox", { name: words.kind, exact: true }).selectOption({ label: words.kinds.LOCATION_NEAR_LIMIT });
    await expect(page).toHaveURL(/[?&]kind=LOCATION_NEAR_LIMIT(&|$)/);
    const near = (await findings(request, { kind: "LOCATION_NEAR_LIMIT", locationId: m.sanJose.id }))[0];
    expect(near).toMatchObject({ kind: "LOCATION_NEAR_LIMIT", count: expect.any(Number) });
    const nearCount = (near as { count: number }).count;
    const nearText = nearCount >= 100
      ? `San Jose HQ has ${nearCount} call park extensions, the most a location can have: no more can be added.`
      : `San Jose HQ has ${nearCount} of at most 100 call park extensions: only ${100 - nearCount} more can be added.`;
    await expect(rowOf(page, words.table, nearText)).toHaveCount(1);
    await expect(page.getByRole("link", { name: "Review call park extensions: San Jose HQ", exact: true })).toBeVisible();
    await page.getByRole("button", { name: new RegExp(`^\\d+ ${words.kinds.HUNT_WAIT_UNUSED}$`) }).click();
    await expect(page).toHaveURL(/[?&]kind=HUNT_WAIT_UNUSED(&|$)/);
    await expect(rowOf(page, words.table, text.wait).getByRole("cell", { name: "San Jose HQ", exact: true })).toBeVisible();
    await expectNoAxeViolations(page, "health check filtered by kind");

    // Export: the findings the filters show, in the admin's language.
    await page.getByRole("combobox", { name: words.kind, exact: true }).selectOption({ label: words.kinds.GROUP_CANNOT_PARK });
    await expect(rowOf(page, words.table, text.nowhere)).toHaveCount(1);
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: words.exportCsv, exact: true }).click();
    const lines = (await downloadedText(await download)).replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe('"Severity","Kind","Location","Object type","Object","Explanation","Count","Call park extensions (the first 5)"');
    expect(lines).toContain(`"Error","Groups that cannot park","London","Call park group","${PREFIX}nowhere","${text.nowhere}","",""`);
    expect(lines.slice(1).every((line) => line.startsWith('"Error","Groups that cannot park",'))).toBe(true);

    // On a phone: each finding a card, nothing wider than the window.
    await page.setViewportSize({ width: 375, height: 800 });
    await checkScreen(page, testInfo, {
      screen: "Health check",
      language: "en",
      width: 375,
      essentials: [page.getByRole("heading", { level: 1, name: words.heading }), page.getByRole("button", { name: words.exportCsv, exact: true })],
      tables: [{ table: page.getByRole("table", { name: words.table, exact: true }), labels: [...words.labels] }],
    });

    // The fix: the group's side panel.
    await page.getByRole("link", { name: `Edit the group: ${PREFIX}nowhere`, exact: true }).click();
    await expect(page).toHaveURL(callParkPath(m.london.id, m.groups.nowhere));
    await expect(page.getByRole("dialog", { name: `${PREFIX}nowhere` })).toBeVisible();
  });

  test.describe("in Portuguese", () => {
    test.use({ language: "pt-BR" });

    test("explains each finding in Brazilian Portuguese, filtered by location and kind, also on a phone", async ({ page, request }, testInfo) => {
      const m = made!;
      const words = WORDS["pt-BR"];
      const text = explanations(m, "pt-BR");
      await page.goto(FEATURES_PATH);
      await page.getByRole("navigation", { name: "Principal" }).getByRole("link", { name: words.heading, exact: true }).click();
      await expect(page.getByRole("heading", { level: 1, name: words.heading })).toBeVisible();
      await expect(page.getByRole("table", { name: words.table, exact: true })).toBeVisible();
      await expectCounts(page, request, "pt-BR");

      await chooseLocation(page, words.location, "London");
      await expect(page).toHaveURL(new RegExp(`[?&]location=${encodeURIComponent(m.london.id)}`));
      for (const explanation of [text.nowhere, text.crowded, text.borrowed, text.unanswered, text.inNoGroup]) {
        await expect(rowOf(page, words.table, explanation)).toHaveCount(1);
      }
      await expect(rowOf(page, words.table, text.nowhere).getByRole("cell")).toHaveText([
        text.nowhere,
        "Erro",
        "London",
        `Grupo de estacionamento de chamadas ${PREFIX}nowhere`,
        "Editar o grupo",
      ]);
      await page.getByRole("combobox", { name: words.kind, exact: true }).selectOption({ label: words.kinds.FEWER_DESTINATIONS_THAN_MEMBERS });
      await expect(page).toHaveURL(/[?&]kind=FEWER_DESTINATIONS_THAN_MEMBERS(&|$)/);
      await expect(rowOf(page, words.table, text.crowded)).toHaveCount(1);
      await expect(rowOf(page, words.table, text.nowhere)).toHaveCount(0);
      await expectNoAxeViolations(page, "health check in Portuguese");

      await page.setViewportSize({ width: 375, height: 800 });
      await checkScreen(page, testInfo, {
        screen: "Health check",
        language: "pt-BR",
        width: 375,
        essentials: [page.getByRole("heading", { level: 1, name: words.heading }), page.getByRole("button", { name: words.exportCsv, exact: true })],
        tables: [{ table: page.getByRole("table", { name: words.table, exact: true }), labels: [...words.labels] }],
      });

      // The fix of the location's unused wait time: its Call Park Settings.
      await chooseLocation(page, words.location, "San Jose HQ");
      await page.getByRole("combobox", { name: words.kind, exact: true }).selectOption({ label: words.kinds.HUNT_WAIT_UNUSED });
      await expect(rowOf(page, words.table, text.wait)).toHaveCount(1);
      await page.getByRole("link", { name: "Abrir as configurações de estacionamento de chamadas: San Jose HQ", exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`/locations/${encodeURIComponent(m.sanJose.id)}/calling$`));
      await expect(page.getByRole("heading", { name: "Configurações de estacionamento de chamadas" })).toBeVisible();
    });
  });
});

import type { Page } from "@playwright/test";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { deleteGroupsStartingWith, expandPanelPart, expectStep, GROUPS, type PanelPart } from "./call-parks-helpers";
import { chooseFile, jobFinished, LOCATION as BULK_LOCATION, writeCsv } from "./bulk-manage-helpers";
import { expect, test } from "./fixtures";
import { checkEveryWidth, LANGUAGES, openIn, type Words } from "./responsive-helpers";

// Every screen at a phone's, a tablet's and a laptop's width, in both languages: nothing
// scrolls sideways, nothing that matters is cut off, axe finds nothing, and the report
// keeps a screenshot of each. One test per screen, looping over widths and languages.
// The longest file of the suite: its tests are shared out between the workers (each worker
// has its own servers, and no test here relies on another's data).
test.describe.configure({ mode: "parallel" });

const heading = (page: Page, name: Words, level = 1) => (lng: keyof Words) =>
  page.getByRole("heading", { level, name: name[lng], exact: true });

interface Screen {
  name: string;
  url: string;
  /** The screen's primary heading and main action, in the language shown. */
  essentials: (page: Page, lng: keyof Words) => ReturnType<Page["getByRole"]>[];
}

/** A bulk-manage CSV's columns as the tables of its rows name them, before the outcome's. */
const CSV_COLUMNS: Record<keyof Words, string[]> = {
  en: ["Row", "Location", "Call Park Extension Name", "Extension", "Action"],
  "pt-BR": ["Linha", "Local", "Nome do ramal de estacionamento de chamadas", "Ramal", "Ação"],
};

const SCREENS: Screen[] = [
  {
    name: "features",
    url: "/services/calling/features",
    essentials: (page, lng) => [
      heading(page, { en: "Features", "pt-BR": "Recursos" })(lng),
      page.getByRole("link", {
        name: { en: "Add New call park extension", "pt-BR": "Adicionar novo ramal de estacionamento de chamadas" }[lng],
        exact: true,
      }),
    ],
  },
  {
    name: "call-park-extensions",
    url: "/services/calling/features/call-park-extensions",
    essentials: (page, lng) => [
      heading(page, { en: "Call Park Extensions", "pt-BR": "Ramais de estacionamento de chamadas" })(lng),
      page.getByRole("link", { name: { en: "Add New", "pt-BR": "Adicionar novo" }[lng], exact: true }),
    ],
  },
  {
    name: "call-park-groups",
    url: GROUPS,
    essentials: (page, lng) => [
      heading(page, { en: "Call Park Groups", "pt-BR": "Grupos de estacionamento de chamadas" })(lng),
      // The page's own Add New (an empty list offers another).
      page.locator(".page-header").getByRole("link", { name: { en: "Add New", "pt-BR": "Adicionar novo" }[lng], exact: true }),
    ],
  },
  {
    name: "locations",
    url: "/locations",
    essentials: (page, lng) => [
      heading(page, { en: "Locations", "pt-BR": "Locais" })(lng),
      page.getByRole("searchbox", { name: { en: "Search by name", "pt-BR": "Pesquisar por nome" }[lng], exact: true }),
    ],
  },
  {
    name: "tasks",
    url: "/tasks",
    essentials: (page, lng) => [
      heading(page, { en: "Tasks", "pt-BR": "Tarefas" })(lng),
      page.getByRole("tab", { name: { en: "Errors", "pt-BR": "Erros" }[lng], exact: true }),
    ],
  },
  {
    name: "audit-log",
    url: "/audit-log",
    essentials: (page, lng) => [
      heading(page, { en: "Audit log", "pt-BR": "Registro de auditoria" })(lng),
      page.getByRole("button", { name: { en: "Clear filters", "pt-BR": "Limpar filtros" }[lng], exact: true }),
    ],
  },
  {
    name: "bulk-manage",
    url: "/services/calling/features/call-park-extensions/bulk",
    essentials: (page, lng) => [
      heading(page, { en: "Bulk manage call park extensions", "pt-BR": "Gerenciamento em massa de ramais de estacionamento de chamadas" }, 2)(lng),
      page.getByRole("button", { name: { en: "Submit", "pt-BR": "Enviar" }[lng], exact: true }),
    ],
  },
  {
    name: "profile",
    url: "/profile",
    essentials: (page, lng) => [
      heading(page, { en: "Profile", "pt-BR": "Perfil" })(lng),
      page.getByRole("button", { name: { en: "Create token", "pt-BR": "Criar token" }[lng], exact: true }),
    ],
  },
];

test.describe("every screen at 375, 768 and 1280 px, in both languages", () => {
  for (const screen of SCREENS) {
    test(screen.name, async ({ page }, testInfo) => {
      for (const lng of LANGUAGES) {
        await openIn(page, lng, screen.url);
        await checkEveryWidth(page, testInfo, screen.name, lng, () => screen.essentials(page, lng));
      }
    });
  }

  test("a location: Overview, then Calling with its Call Park Settings", async ({ page, locationNamed }) => {
    const saoPaulo = locationNamed("São Paulo");
    const testInfo = test.info();
    for (const lng of LANGUAGES) {
      await openIn(page, lng, `/locations/${encodeURIComponent(saoPaulo.id)}`);
      const title = () => page.getByRole("heading", { level: 1, name: "São Paulo", exact: true });
      const tab = (words: Words) => page.getByRole("tab", { name: words[lng], exact: true });
      await checkEveryWidth(page, testInfo, "location-overview", lng, () => [title(), tab({ en: "Calling", "pt-BR": "Chamadas" })]);

      await openIn(page, lng, `/locations/${encodeURIComponent(saoPaulo.id)}/calling`);
      await checkEveryWidth(page, testInfo, "location-calling", lng, () => [
        title(),
        page.getByRole("heading", { name: { en: "Call Park Settings", "pt-BR": "Configurações de estacionamento de chamadas" }[lng], exact: true }),
        page.getByRole("button", { name: { en: "Save", "pt-BR": "Salvar" }[lng], exact: true }),
      ]);
    }
  });

  test("a task, with its rows in error", async ({ page, request }) => {
    const started = await request.post(urlOf(api.importJobs.create, {}, { mode: "partial" }), {
      multipart: {
        file: {
          name: "responsive-check.csv",
          mimeType: "text/csv",
          // Only a wrong row: the task has errors to show, and nothing is written.
          buffer: Buffer.from("Location,Call Park Extension Name,Extension\r\nLondon,Too long extension,8x7123456789\r\n"),
        },
      },
    });
    expect(started.status()).toBe(201);
    const job = await started.json();
    await jobFinished(request, job.id);
    for (const lng of LANGUAGES) {
      await openIn(page, lng, `/tasks/${encodeURIComponent(job.id)}`);
      await checkEveryWidth(
        page,
        test.info(),
        "task",
        lng,
        () => [
          page.getByRole("heading", { level: 1, name: "responsive-check.csv", exact: true }),
          page.getByRole("heading", { name: { en: "Rows with errors", "pt-BR": "Linhas com erros" }[lng], exact: true }),
        ],
        {
          // Six columns of the file: on a phone each row a card, every value under its column's name.
          tables: () => [
            {
              table: page.getByRole("table", {
                name: { en: "Rows that could not be imported, with the reason", "pt-BR": "Linhas que não puderam ser importadas, com o motivo" }[lng],
                exact: true,
              }),
              labels: [...CSV_COLUMNS[lng], { en: "Reason", "pt-BR": "Motivo" }[lng]],
            },
          ],
        },
      );
    }
  });

  test("the call park groups list, a group in it", async ({ page, request, locationNamed }) => {
    const london = locationNamed("London");
    await deleteGroupsStartingWith(request, london.id, "Stacked");
    const free = await request.get(urlOf(api.callParks.availableUsers, { locationId: london.id }, { max: 1 }));
    const agent = (await free.json()).agents[0] as { id: string };
    const created = await request.post(urlOf(api.callParks.create, { locationId: london.id }), {
      data: { name: "Stacked row group", recall: { option: "ALERT_PARKING_USER_ONLY" }, agents: [agent.id] },
    });
    expect(created.status()).toBe(201);
    const { id } = await created.json();
    try {
      for (const lng of LANGUAGES) {
        // Only this group listed, so that it is the table's first row.
        await openIn(page, lng, `${GROUPS}?${new URLSearchParams({ q: "Stacked row" })}`);
        const table = page.getByRole("table", { name: { en: "Call park groups", "pt-BR": "Grupos de estacionamento de chamadas" }[lng], exact: true });
        await expect(table.getByRole("link", { name: "Stacked row group", exact: true })).toBeVisible();
        await checkEveryWidth(
          page,
          test.info(),
          "call-park-groups-list",
          lng,
          () => [
            heading(page, { en: "Call Park Groups", "pt-BR": "Grupos de estacionamento de chamadas" })(lng),
            table.getByRole("link", { name: "Stacked row group", exact: true }),
          ],
          // On a phone: the group's name heads its card, its location under the column's name.
          { tables: () => [{ table, labels: [{ en: "Location", "pt-BR": "Local" }[lng]] }] },
        );
      }
    } finally {
      await request.delete(urlOf(api.callParks.delete, { locationId: london.id, callParkId: id }));
    }
  });

  test("bulk manage, a file's preview", async ({ page }, testInfo) => {
    // A dry run only: nothing is written until Submit, which this test never presses.
    const file = writeCsv(
      testInfo.outputPath("responsive-preview.csv"),
      "Location,Call Park Extension Name,Extension,Action\r\n" +
        `${BULK_LOCATION},Responsive preview 8190,8190,ADD\r\n` +
        `${BULK_LOCATION},Responsive preview with a long name,81x1,\r\n`,
    );
    for (const lng of LANGUAGES) {
      await openIn(page, lng, "/services/calling/features/call-park-extensions/bulk");
      const dialog = page.getByRole("dialog", {
        name: { en: "Bulk manage call park extensions", "pt-BR": "Gerenciamento em massa de ramais de estacionamento de chamadas" }[lng],
      });
      await chooseFile(page, { en: "Choose a CSV file", "pt-BR": "Escolha um arquivo CSV" }[lng], file);
      const table = dialog.getByRole("table", { name: { en: "What each row of the file would do", "pt-BR": "O que cada linha do arquivo faria" }[lng], exact: true });
      await expect(table.getByRole("row")).toHaveCount(3);
      await checkEveryWidth(
        page,
        testInfo,
        "bulk-manage-preview",
        lng,
        () => [
          heading(page, { en: "Bulk manage call park extensions", "pt-BR": "Gerenciamento em massa de ramais de estacionamento de chamadas" }, 2)(lng),
          dialog.getByRole("button", { name: { en: "Submit", "pt-BR": "Enviar" }[lng], exact: true }),
        ],
        { tables: () => [{ table, labels: [...CSV_COLUMNS[lng], { en: "Result", "pt-BR": "Resultado" }[lng]] }] },
      );
    }
  });

  test("a call park group's side panel", async ({ page, request, locationNamed }) => {
    const london = locationNamed("London");
    await deleteGroupsStartingWith(request, london.id, "Responsive");
    const free = await request.get(urlOf(api.callParks.availableUsers, { locationId: london.id }, { max: 1 }));
    const agent = (await free.json()).agents[0] as { id: string };
    const created = await request.post(urlOf(api.callParks.create, { locationId: london.id }), {
      data: { name: "Responsive reception", recall: { option: "ALERT_PARKING_USER_ONLY" }, agents: [agent.id] },
    });
    expect(created.status()).toBe(201);
    const { id } = await created.json();
    try {
      for (const lng of LANGUAGES) {
        await openIn(page, lng, `${GROUPS}/${encodeURIComponent(london.id)}/${encodeURIComponent(id)}`);
        const panel = page.getByRole("dialog", { name: "Responsive reception" });
        const members = { en: "Members", "pt-BR": "Membros" }[lng];
        // On its summary, then with every part open into its editor.
        await checkEveryWidth(page, test.info(), "group-panel", lng, () => [
          panel.getByRole("heading", { name: "Responsive reception", exact: true }),
          panel.getByRole("button", { name: { en: "Close", "pt-BR": "Fechar" }[lng], exact: true }),
          panel.getByRole("button", { name: members, exact: true }),
          panel.getByRole("button", { name: { en: "Delete group", "pt-BR": "Excluir grupo" }[lng], exact: true }),
        ]);
        for (const part of ["name", "members", "destinations", "recall"] as PanelPart[]) await expandPanelPart(panel, lng, part);
        await checkEveryWidth(page, test.info(), "group-panel-open", lng, () => [
          panel.getByRole("textbox", { name: { en: "Call park group name", "pt-BR": "Nome do grupo de estacionamento de chamadas" }[lng], exact: true }),
          panel.getByRole("button", { name: members, exact: true }),
          panel.getByRole("button", { name: { en: "Save", "pt-BR": "Salvar" }[lng], exact: true }),
          panel.getByRole("button", { name: { en: "Delete group", "pt-BR": "Excluir grupo" }[lng], exact: true }),
        ]);
      }
    } finally {
      await request.delete(urlOf(api.callParks.delete, { locationId: london.id, callParkId: id }));
    }
  });

  test("the call park group wizard, each step", async ({ page, request, locationNamed }) => {
    const london = locationNamed("London");
    const free = await request.get(urlOf(api.callParks.availableUsers, { locationId: london.id }, { max: 1 }));
    const member = (await free.json()).agents[0] as { displayName: string };
    const stepTitles: Record<string, Words> = {
      name: { en: "Location and Name", "pt-BR": "Local e nome" },
      members: { en: "Members", "pt-BR": "Membros" },
      destinations: { en: "Park Destinations", "pt-BR": "Destinos de estacionamento" },
      recall: { en: "Recall settings", "pt-BR": "Configurações de rechamada" },
      review: { en: "Review", "pt-BR": "Revisão" },
    };
    const next: Words = { en: "Next", "pt-BR": "Próximo" };
    const create: Words = { en: "Create", "pt-BR": "Criar" };
    const wizardUrl = (step: string) => `${GROUPS}/new?${new URLSearchParams({ location: london.id, step })}`;
    const checkStep = (lng: keyof Words, step: string) =>
      checkEveryWidth(page, test.info(), `wizard-${step}`, lng, () => [
        page.getByRole("heading", { level: 2, name: stepTitles[step][lng], exact: true }),
        page.getByRole("button", { name: (step === "review" ? create : next)[lng], exact: true }),
      ]);

    for (const lng of LANGUAGES) {
      // Add New asks for the location first.
      await openIn(page, lng, `${GROUPS}/new`);
      const dialog = page.getByRole("dialog", { name: { en: "Select a location", "pt-BR": "Selecione um local" }[lng] });
      // The location field opens its suggestions as it takes focus: closed, the whole dialog shows.
      const location = dialog.getByRole("combobox", { name: { en: "Location", "pt-BR": "Local" }[lng], exact: true });
      await expect(location).toBeFocused();
      await location.press("Escape");
      await expect(location).toHaveAttribute("aria-expanded", "false");
      await checkEveryWidth(page, test.info(), "wizard-location", lng, () => [
        dialog.getByRole("heading", { name: { en: "Select a location", "pt-BR": "Selecione um local" }[lng], exact: true }),
        dialog.getByRole("button", { name: next[lng], exact: true }),
      ]);
    }

    // English, through the steps as an administrator would: the draft (kept in the tab) then
    // opens each step straight from its address in Portuguese.
    await openIn(page, "en", wizardUrl("name"));
    await expectStep(page, "name", stepTitles.name.en);
    await checkStep("en", "name");
    await page.getByLabel("Call park group name").fill("Responsive wizard");
    await page.getByRole("button", { name: "Next", exact: true }).click();
    await expectStep(page, "members", stepTitles.members.en);
    await page.getByLabel("Search members").fill(member.displayName);
    await page.getByRole("button", { name: `Add ${member.displayName}`, exact: true }).click();
    await checkStep("en", "members");
    for (const step of ["destinations", "recall", "review"]) {
      await page.getByRole("button", { name: "Next", exact: true }).click();
      await expectStep(page, step, stepTitles[step].en);
      await checkStep("en", step);
    }

    for (const step of Object.keys(stepTitles)) {
      await openIn(page, "pt-BR", wizardUrl(step));
      await expectStep(page, step, stepTitles[step]["pt-BR"]);
      await checkStep("pt-BR", step);
    }
  });
});

test.describe("the navigation on a phone", () => {
  test("folds behind the Menu button, which opens it, closes on Escape and once a link is followed", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto("/services/calling/features");
    const menu = page.getByRole("button", { name: "Menu", exact: true });
    const tasks = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Tasks", exact: true });
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(tasks).toBeHidden();

    await menu.press("Enter");
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await expect(tasks).toBeVisible();
    await tasks.focus();
    await page.keyboard.press("Escape");
    await expect(tasks).toBeHidden();
    await expect(menu).toBeFocused();

    await menu.click();
    await tasks.click();
    await expect(page.getByRole("heading", { level: 1, name: "Tasks", exact: true })).toBeVisible();
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(tasks).toBeHidden();
    // The link followed is hidden with the menu: focus goes to the new page's main region, not to <body>.
    await expect(page.getByRole("main")).toBeFocused();

    // The same by the keyboard alone.
    await menu.press("Enter");
    const locations = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Locations", exact: true });
    await locations.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1, name: "Locations", exact: true })).toBeVisible();
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(page.getByRole("main")).toBeFocused();

    // A laptop's width shows the navigation itself, and no Menu button.
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect(tasks).toBeVisible();
    await expect(menu).toBeHidden();
  });
});

test.describe("signed out", () => {
  test.use({ role: null });

  test("sign-in", async ({ page }, testInfo) => {
    for (const lng of LANGUAGES) {
      await openIn(page, lng, "/sign-in");
      await checkEveryWidth(
        page,
        testInfo,
        "sign-in",
        lng,
        () => [
          page.getByRole("heading", { level: 1, name: { en: "Sign in", "pt-BR": "Entrar" }[lng], exact: true }),
          page.getByRole("button", { name: { en: "Sign in", "pt-BR": "Entrar" }[lng], exact: true }),
        ],
        { shell: false },
      );
    }
  });
});

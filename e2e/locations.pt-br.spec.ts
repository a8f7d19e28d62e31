import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, test } from "./fixtures";
import { chooseSetting, resetCallParkSettings, saveSettings, storedSettings } from "./locations-helpers";

test.use({ language: "pt-BR", locale: "pt-BR" });

// As in the English spec, only New York Office's settings change, and go back after each test.
const LOCATION = "New York Office";

test.afterEach(async ({ request, locationNamed }) => {
  await resetCallParkSettings(request, locationNamed(LOCATION).id);
});

const summary = (page: Page) => page.getByTestId("recall-summary");
const recallTimer = (page: Page) => page.getByRole("spinbutton", { name: "Tempo de rechamada (segundos)" });
const huntWaitTime = (page: Page) =>
  page.getByRole("spinbutton", { name: "Tempo de espera para alertar o grupo de busca (segundos)" });
const save = (page: Page) => page.getByRole("button", { name: "Salvar" });

test.describe("locais e configurações de estacionamento de chamadas, em português", () => {
  test("a lista de locais, a guia Chamadas e cada campo, salvos e recarregados", async ({ page, request, locationNamed }) => {
    await page.goto("/locations");
    await expect(page.getByRole("heading", { level: 1, name: "Locais" })).toBeVisible();
    await expect(page.getByRole("columnheader", { name: "Grupos de estacionamento de chamadas" })).toBeVisible();
    await page.getByRole("searchbox", { name: "Pesquisar por nome" }).fill("paulo");
    await expect(page).toHaveURL(/\/locations\?q=paulo$/);
    await expect(page.getByRole("link", { name: "São Paulo", exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: LOCATION, exact: true })).toHaveCount(0);
    await expectNoAxeViolations(page, "Locais (pt-BR)");

    await page.getByRole("searchbox", { name: "Pesquisar por nome" }).fill("york");
    // The search settles (into the URL) before the click, or its late write would follow us.
    await expect(page).toHaveURL(/\/locations\?q=york$/);
    await page.getByRole("link", { name: LOCATION, exact: true }).click();
    await expect(page.getByRole("tab", { name: "Visão geral" })).toHaveAttribute("aria-selected", "true");
    await expect(page.getByText("Fuso horário")).toBeVisible();
    await page.getByRole("tab", { name: "Chamadas" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Configurações dos recursos de chamada" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 3, name: "Configurações de estacionamento de chamadas" })).toBeVisible();
    await expect(page.getByText("Vale somente para o estacionamento de chamada direcionado.", { exact: false })).toBeVisible();
    await expect(summary(page)).toHaveText(
      "Após 45 s, a chamada volta a tocar para quem a estacionou, com o toque Normal. Se ninguém atender, ela toca de novo para essa pessoa a cada 45 s até alguém atender.",
    );
    await expect(save(page)).toBeDisabled();

    await chooseSetting(page, "Opções de rechamada do estacionamento de chamada direcionado", "Alertar somente o grupo de busca");
    await save(page).click();
    await expect(page.getByText("Escolha o grupo de busca que receberá as chamadas estacionadas não recuperadas.")).toBeVisible();
    await chooseSetting(page, "Grupo de busca", "Support");
    await chooseSetting(page, "Padrão de toques", "Longo-Longo");
    await recallTimer(page).fill("90");
    await huntWaitTime(page).fill("60");
    await expect(huntWaitTime(page)).toHaveAccessibleDescription(/Sem uso no momento/);
    await expect(summary(page)).toHaveText(
      "Após 90 s, a chamada vai para o grupo de busca Support, com o toque Longo-Longo. Lá ela segue o roteamento do grupo de busca e não volta a ser rechamada.",
    );
    await expectNoAxeViolations(page, "Configurações de estacionamento de chamadas (pt-BR)");
    await saveSettings(page, save(page), locationNamed(LOCATION).id);
    await expect(page.getByText("Configurações de estacionamento de chamadas salvas.")).toBeVisible();

    expect(await storedSettings(request, locationNamed(LOCATION).id)).toEqual({
      callParkRecall: { option: "ALERT_HUNT_GROUP_ONLY", huntGroupId: expect.any(String), huntGroupName: "Support" },
      callParkSettings: { ringPattern: "LONG_LONG", recallTime: 90, huntWaitTime: 60 },
    });

    await page.reload();
    await expect(page.getByRole("button", { name: /Alertar somente o grupo de busca/ })).toBeVisible();
    await expect(page.getByRole("button", { name: /^Support/ })).toBeVisible();
    await expect(page.getByRole("button", { name: /Longo-Longo/ })).toBeVisible();
    await expect(recallTimer(page)).toHaveValue("90");
    await expect(huntWaitTime(page)).toHaveValue("60");

    await chooseSetting(
      page,
      "Opções de rechamada do estacionamento de chamada direcionado",
      "Alertar primeiro o usuário que estacionou, depois o grupo de busca",
    );
    await expect(huntWaitTime(page)).toHaveAccessibleDescription(/Em uso pela opção de rechamada acima\./);
    await expect(summary(page)).toHaveText(
      "Após 90 s, a chamada volta a tocar para quem a estacionou, com o toque Longo-Longo; após mais 60 s, ela vai para o grupo de busca Support. Lá ela segue o roteamento do grupo de busca e não volta a ser rechamada.",
    );
  });

  test("valores fora do intervalo explicados no campo, e a pergunta ao sair sem salvar", async ({ page, locationNamed }) => {
    // The Calling tab has its own address: a link or a reload opens it directly.
    await page.goto(`/locations/${encodeURIComponent(locationNamed(LOCATION).id)}/calling`);
    await expect(page.getByRole("tab", { name: "Chamadas" })).toHaveAttribute("aria-selected", "true");
    await recallTimer(page).fill("29");
    await expect(recallTimer(page)).toHaveAccessibleDescription(/Insira um número de segundos de 30 a 600\./);
    await expect(save(page)).toBeEnabled();
    await huntWaitTime(page).fill("12.5");
    await expect(huntWaitTime(page)).toHaveAccessibleDescription(/Insira um número inteiro\./);
    await expect(summary(page)).toHaveText("Corrija os valores destacados para ver o que acontecerá com uma chamada estacionada.");
    await expectNoAxeViolations(page, "Configurações com erros (pt-BR)");

    await page.getByRole("tab", { name: "Visão geral" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Sair sem salvar?" });
    await expect(dialog).toContainText("Suas alterações nas configurações de estacionamento de chamadas não foram salvas");
    await dialog.getByRole("button", { name: "Ficar e continuar editando" }).click();
    await expect(recallTimer(page)).toHaveValue("29");
    await page.getByRole("main").getByRole("link", { name: "Locais", exact: true }).click();
    await dialog.getByRole("button", { name: "Sair sem salvar" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Locais" })).toBeVisible();
  });
});

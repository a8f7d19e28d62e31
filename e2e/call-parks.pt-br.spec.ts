import { chooseLocation, expect, expectNoAxeViolations, test } from "./fixtures";
import { deleteGroupsStartingWith, expandPanelPart, expectStep, panelPartTrigger, searchAndAdd } from "./call-parks-helpers";

test.use({ language: "pt-BR", locale: "pt-BR" });

test("o assistente cria um grupo de estacionamento de chamadas, em português", async ({ page, request, locationNamed }) => {
  const saoPaulo = locationNamed("São Paulo");
  await deleteGroupsStartingWith(request, saoPaulo.id, "Atendimento");
  const name = `Atendimento ${Date.now() % 100000}`;

  await page.goto("/services/calling/features");
  await page.getByRole("link", { name: "Adicionar novo grupo de estacionamento de chamadas", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Selecione um local" });
  await chooseLocation(page, "Local", "São Paulo");
  await dialog.getByRole("button", { name: "Próximo" }).click();

  await expectStep(page, "name", "Local e nome");
  await expect(page.getByRole("note")).toContainText("Antes de começar:");
  await page.getByLabel("Nome do grupo de estacionamento de chamadas").fill(name);
  await page.getByRole("button", { name: "Próximo" }).click();

  await expectStep(page, "members", "Membros");
  await searchAndAdd(page, "Pesquisar membros", "Recepção", "Adicionar Recepção");
  await expect(page.getByText("Espaço de trabalho").first()).toBeVisible();
  await expectNoAxeViolations(page, "assistente, membros (pt-BR)");
  await page.getByRole("button", { name: "Próximo" }).click();

  await expectStep(page, "destinations", "Destinos de estacionamento");
  await expect(page.getByLabel("Usar membros como destinos de estacionamento")).not.toBeChecked();
  await searchAndAdd(page, "Pesquisar ramais de estacionamento de chamadas", "Estacionamento 03", "Adicionar Estacionamento 03");
  await page.getByRole("button", { name: "Próximo" }).click();

  await expectStep(page, "recall", "Configurações de rechamada");
  await expect(page.getByRole("group", { name: "Rechamar para" })).toBeVisible();
  await page.getByLabel("Alertar somente o grupo de busca").check();
  await page.getByLabel("Grupo de busca", { exact: true }).selectOption({ label: "Suporte" });
  await expectNoAxeViolations(page, "assistente, rechamada (pt-BR)");
  await page.getByRole("button", { name: "Próximo" }).click();

  await expectStep(page, "review", "Revisão");
  await expect(page.locator(".review")).toContainText("Alertar somente o grupo de busca — Suporte");
  await page.getByRole("button", { name: "Criar", exact: true }).click();
  await expect(page.getByText("Grupo de estacionamento de chamadas criado.")).toBeVisible();
  const panel = page.getByRole("dialog", { name });
  // O painel abre no resumo; cada parte abre o seu editor.
  await expect(panelPartTrigger(panel, "pt-BR", "recall")).toHaveAccessibleDescription(
    /^Alertar somente o grupo de busca\s*Grupo de busca: Suporte/,
  );
  await expectNoAxeViolations(page, "painel lateral, resumo (pt-BR)");
  const namepart = await expandPanelPart(panel, "pt-BR", "name");
  await expect(namepart.getByLabel("Nome do grupo de estacionamento de chamadas")).toHaveValue(name);
  await expandPanelPart(panel, "pt-BR", "recall", { keyboard: true });
  await expect(panel.getByLabel("Alertar somente o grupo de busca")).toBeChecked();
  await expectNoAxeViolations(page, "painel lateral (pt-BR)");
});

import { chooseFile, cleanUp, downloadedText, LOCATION, oursIn, openBulkManage, writeCsv } from "./bulk-manage-helpers";
import { expect, expectNoAxeViolations, test } from "./fixtures";

test.use({ language: "pt-BR", locale: "pt-BR" });

test.afterEach(async ({ request, locationNamed }) => {
  await cleanUp(request, locationNamed(LOCATION).id);
});

test.describe("gerenciamento em massa, em português", () => {
  test("o modelo, um arquivo do Excel brasileiro com um erro, a importação e a página de Tarefas", async ({
    page,
    request,
    locationNamed,
  }, testInfo) => {
    const floripa = locationNamed(LOCATION);
    const file = writeCsv(
      testInfo.outputPath("ramais.csv"),
      "\uFEFFLocal;Nome do ramal;Ramal;Ação\r\n" +
        `${LOCATION};"Recepção; térreo";8150;\r\n` +
        `${LOCATION};Depósito 8151;8151;ADD\r\n` +
        `${LOCATION};${"x".repeat(31)};8152;\r\n`,
    );

    await openBulkManage(page, { manage: "Gerenciar ramais de estacionamento de chamadas", bulk: "Gerenciamento em massa" });
    const dialog = page.getByRole("dialog", { name: "Gerenciamento em massa de ramais de estacionamento de chamadas" });
    await expect(dialog.getByRole("heading", { name: "Baixe o modelo CSV" })).toBeVisible();
    await expect(dialog.getByRole("heading", { name: "Importar arquivo CSV" })).toBeVisible();
    await expectNoAxeViolations(page, "Gerenciamento em massa");

    const template = page.waitForEvent("download");
    await dialog.getByRole("button", { name: "Baixar modelo" }).click();
    expect(await downloadedText(await template)).toBe('\uFEFF"Location","Call Park Extension Name","Extension","Action"\r\n');

    await chooseFile(page, "Escolha um arquivo CSV", file);
    await expect(dialog.getByText("ramais.csv: 3 linhas lidas.")).toBeVisible();
    await expect(
      dialog.getByText("3 linhas: 2 a criar, 0 a atualizar, 0 a excluir, 0 sem alteração, 1 com erros."),
    ).toBeVisible();
    await dialog.getByRole("radio", { name: "Erro (1)" }).check();
    const preview = dialog.getByRole("table", { name: "O que cada linha do arquivo faria" });
    await expect(preview.getByRole("row", { name: /8152/ })).toContainText(
      "Nome do ramal de estacionamento de chamadas: Insira no máximo 30 caracteres.",
    );
    await expect(dialog.getByRole("radio", { name: "Importar as linhas válidas e ignorar as erradas" })).toBeChecked();
    await expectNoAxeViolations(page, "Pré-visualização");

    await dialog.getByRole("button", { name: "Enviar" }).click();
    await expect(page.getByText("Tarefa de importação iniciada.", { exact: true })).toBeVisible();
    await dialog.getByRole("link", { name: "Ir para Tarefas" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Tarefas" })).toBeVisible();
    const row = page.getByRole("row", { name: /ramais\.csv/ }).first();
    await expect(row).toContainText("Concluída com erros");
    await expect(row).toContainText("3 de 3 linhas — criadas: 2, atualizadas: 0, excluídas: 0, sem alteração: 0, com falha: 1");
    await expectNoAxeViolations(page, "Tarefas");

    await row.getByRole("link", { name: "ramais.csv" }).click();
    const errors = page.getByRole("table", { name: "Linhas que não puderam ser importadas, com o motivo" });
    await expect(errors.getByRole("row", { name: /8152/ })).toContainText("Insira no máximo 30 caracteres.");
    await expectNoAxeViolations(page, "Tarefa");

    expect(await oursIn(request, floripa.id)).toEqual({ "8150": "Recepção; térreo", "8151": "Depósito 8151" });
  });
});

import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { chooseLocation, expect, expectNoAxeViolations, test, uniqueExtension } from "./fixtures";

test.use({ language: "pt-BR", locale: "pt-BR" });

test.describe("ramais de estacionamento de chamadas, em português", () => {
  test("criar, editar e excluir, com rótulos e mensagens em português", async ({ page }) => {
    const extension = uniqueExtension("73");
    const name = `Recepção ${extension}`;
    await page.goto("/services/calling/features");
    const card = page.getByRole("article", { name: "Ramal de estacionamento de chamadas" });
    await expect(card.getByText(/ramais de estacionamento de chamadas$/)).toBeVisible();
    await card.getByRole("link", { name: "Adicionar novo ramal de estacionamento de chamadas", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Adicionar ramal de estacionamento de chamadas" })).toBeVisible();

    await page.getByLabel("Nome do ramal de estacionamento de chamadas").fill("x".repeat(31));
    await expect(page.getByText("Insira no máximo 30 caracteres.")).toBeVisible();
    await page.getByLabel("Ramal", { exact: true }).fill("12a");
    await expect(page.getByText("Um ramal contém apenas dígitos (0–9).")).toBeVisible();
    await expectNoAxeViolations(page, "Adicionar ramal (pt-BR), com erros");

    await chooseLocation(page, "Local", "São Paulo");
    await page.getByLabel("Nome do ramal de estacionamento de chamadas").fill(name);
    await page.getByLabel("Ramal", { exact: true }).fill("1001");
    await expect(page.getByText(/O ramal 1001 já é usado pela pessoa .+\./)).toBeVisible();
    await page.getByLabel("Ramal", { exact: true }).fill(extension);
    await expect(page.getByText("Este ramal está disponível.")).toBeVisible();
    await page.getByRole("button", { name: "Salvar" }).click();
    await expect(page.getByText("Ramal de estacionamento de chamadas criado.")).toBeVisible();

    await page.getByRole("searchbox", { name: "Pesquisar" }).fill(extension);
    // The list follows the search once typing pauses: wait for it, so no row of the list before it is taken.
    await expect(page).toHaveURL((url) => url.searchParams.get("q") === extension);
    const row = page.getByRole("row", { name: new RegExp(name) });
    await expect(row.getByRole("cell", { name: "São Paulo", exact: true })).toBeVisible();
    await expect(page.getByRole("columnheader", { name: "Ramal", exact: true })).toBeVisible();
    await expectNoAxeViolations(page, "Ramais de estacionamento de chamadas (pt-BR)");

    await row.getByRole("link", { name: `Editar ${name}` }).click();
    await expect(page.getByText("Altere o nome ou o ramal. O local não pode ser alterado.")).toBeVisible();
    await page.getByLabel("Nome do ramal de estacionamento de chamadas").fill(`Doca ${extension}`);
    await page.getByRole("button", { name: "Salvar" }).click();
    await expect(page.getByText("Ramal de estacionamento de chamadas salvo.")).toBeVisible();

    await page.getByRole("searchbox", { name: "Pesquisar" }).fill(extension);
    // The list follows the search once typing pauses: wait for it, so no row of the list before it is taken.
    await expect(page).toHaveURL((url) => url.searchParams.get("q") === extension);
    await page.getByRole("button", { name: `Excluir Doca ${extension}` }).click();
    const dialog = page.getByRole("alertdialog", { name: "Excluir ramal de estacionamento de chamadas?" });
    await expect(dialog).toContainText(`Doca ${extension} (ramal ${extension}) será excluído.`);
    await expectNoAxeViolations(page, "Confirmação de exclusão (pt-BR)");
    await dialog.getByRole("button", { name: "Excluir" }).click();
    await expect(page.getByText("Ramal de estacionamento de chamadas excluído.")).toBeVisible();
    await expect(page.getByText("Nenhum ramal de estacionamento de chamadas corresponde a esta pesquisa.")).toBeVisible();
  });

  test("a API responde em português quando o navegador pede", async ({ request, locations }) => {
    const response = await request.post(urlOf(api.callParkExtensions.create, { locationId: locations[0].id }), {
      headers: { "accept-language": "pt-BR" },
      data: { name: "", extension: "abc" },
    });
    expect(response.status()).toBe(400);
    const body = await response.json();
    expect(body.message).toContain("Alguns valores não são válidos.");
    expect(body.issues.map((i: { code: string }) => i.code).sort()).toEqual(["extensionDigits", "required"]);
  });
});

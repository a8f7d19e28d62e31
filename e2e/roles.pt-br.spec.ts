import { GROUPS } from "./call-parks-helpers";
import { expect, expectNoAxeViolations, test } from "./fixtures";

// A read-only administrator in Portuguese: the notices in Brazilian Portuguese, no
// control to add or change anything. Reads only: nothing to clean up.
test.use({ language: "pt-BR", locale: "pt-BR", role: "readOnly" });

const FEATURES = "/services/calling/features";

test.describe("administrador somente leitura, em português", () => {
  test("vê os recursos sem Adicionar novo, e o aviso de somente visualização", async ({ page, locationNamed }) => {
    await page.goto(FEATURES);
    const card = page.getByRole("article", { name: "Ramal de estacionamento de chamadas" });
    await expect(card.getByText(/ramais? de estacionamento de chamadas$/)).toBeVisible();
    await expect(page.getByRole("link", { name: /^Adicionar novo/ })).toHaveCount(0);

    await page.goto(`${FEATURES}/call-park-extensions/new`);
    await expect(page.getByRole("heading", { level: 1, name: "Adicionar ramal de estacionamento de chamadas" })).toBeVisible();
    await expect(page.getByRole("note")).toHaveText(
      "Somente visualização. Você pode ver os ramais de estacionamento de chamadas, mas não alterá-los.",
    );
    await expectNoAxeViolations(page, "Adicionar ramal (pt-BR), somente leitura");

    await page.goto(`${GROUPS}/new`);
    await expect(page.getByRole("note")).toHaveText(
      "Somente visualização. Você pode ver os grupos de estacionamento de chamadas, mas não alterá-los.",
    );

    await page.goto(`/locations/${locationNamed("São Paulo").id}/calling`);
    await expect(page.getByRole("spinbutton", { name: "Tempo de rechamada (segundos)" })).not.toBeEditable();
    await expect(page.getByRole("note")).toHaveText("Somente visualização. Você pode ver estas configurações, mas não alterá-las.");
    await expect(page.getByRole("button", { name: "Salvar" })).toHaveCount(0);
    await expectNoAxeViolations(page, "Chamadas de um local (pt-BR), somente leitura");
  });
});

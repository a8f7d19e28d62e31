import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithProviders } from "@/test/render";
import { CsvRowsTable } from "./csv-rows-table";

// The rows of a bulk-manage file (the import preview, a task's rows in error): on a phone
// (app.css's table-stacked) each row is a card whose values are labelled by their columns.

const ROWS = [{ itemNumber: 2, values: { location: "London", name: "Lobby", extension: "8190", action: "ADD" }, outcome: "Create" }];

describe("CsvRowsTable", () => {
  it.each([
    ["en", ["Row", "Location", "Call Park Extension Name", "Extension", "Action", "Result"]],
    ["pt-BR", ["Linha", "Local", "Nome do ramal de estacionamento de chamadas", "Ramal", "Ação", "Resultado"]],
  ] as const)("stacks on a phone, each value labelled by its column's header (%s)", async (language, headers) => {
    await renderWithProviders(<CsvRowsTable caption="Preview" outcomeHeading={headers[5]} rows={ROWS} />, { language });
    const table = screen.getByRole("table", { name: "Preview" });
    expect(table).toHaveClass("table-stacked");
    expect(within(table).getAllByRole("columnheader").map((th) => th.textContent)).toEqual(headers);
    const [, row] = within(table).getAllByRole("row");
    const cells = within(row).getAllByRole("cell");
    expect(cells.map((cell) => cell.getAttribute("data-label"))).toEqual(headers);
    expect(cells.map((cell) => cell.textContent)).toEqual(["2", "London", "Lobby", "8190", "ADD", "Create"]);
  });
});

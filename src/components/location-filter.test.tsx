import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { LOCATION_SEARCH_PAGE } from "@/lib/location-queries";
import { renderWithProviders } from "@/test/render";
import { locationsAnswering } from "@/test/locations-answering";
import { LocationFilter } from "./location-filter";

const combobox = () => screen.getByRole("combobox", { name: "Location" });

describe("LocationFilter", () => {
  it("is a searched combobox: it asks the server for a page as the administrator types, never for every location", async () => {
    const queries = locationsAnswering();
    const onChange = vi.fn();
    const { user } = await renderWithProviders(<LocationFilter id="filter" value="" onChange={onChange} />);
    expect(combobox()).toHaveValue("All locations");

    await user.clear(combobox());
    await user.type(combobox(), "camp");
    await waitFor(() => expect(screen.queryByRole("option", { name: "São Paulo" })).not.toBeInTheDocument());
    const search = queries.find((q) => q.get("name") === "camp");
    expect(search?.get("max")).toBe(String(LOCATION_SEARCH_PAGE));
    expect(queries.every((q) => Number(q.get("max")) <= LOCATION_SEARCH_PAGE)).toBe(true);

    await user.click(screen.getByRole("option", { name: "Campinas" }));
    expect(onChange).toHaveBeenLastCalledWith("L2");
  });

  it("shows the chosen location by name, and goes back to all locations", async () => {
    locationsAnswering();
    const onChange = vi.fn();
    const { user } = await renderWithProviders(<LocationFilter id="filter" value="L1" onChange={onChange} />);
    await waitFor(() => expect(combobox()).toHaveValue("São Paulo"));
    await user.click(combobox());
    await user.click(await screen.findByRole("option", { name: "All locations" }));
    expect(onChange).toHaveBeenLastCalledWith("");
  });

  it("asks for its list of locations when it first opens, not with the screen", async () => {
    const queries = locationsAnswering();
    const { user } = await renderWithProviders(<LocationFilter id="filter" value="L1" onChange={vi.fn()} />);
    // The chosen location's name alone, asked for by its id.
    await waitFor(() => expect(combobox()).toHaveValue("São Paulo"));
    expect(queries.map((q) => q.get("id"))).toEqual(["L1"]);

    await user.click(combobox());
    expect(await screen.findByRole("option", { name: "Campinas" })).toBeInTheDocument();
    expect(queries.filter((q) => !q.get("id"))).toHaveLength(1);
  });

  it("in Portuguese", async () => {
    locationsAnswering();
    await renderWithProviders(<LocationFilter id="filter" value="" onChange={vi.fn()} />, { language: "pt-BR" });
    expect(screen.getByRole("combobox", { name: "Local" })).toHaveValue("Todos os locais");
  });
});

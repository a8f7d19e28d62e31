import { screen, waitFor } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it, vi } from "vitest";
import { api } from "@domain/api/endpoints";
import { LOCATION_SEARCH_PAGE } from "@/lib/location-queries";
import { LOCATIONS } from "@/test/fixtures";
import { mswPath } from "@/test/msw-path";
import { renderWithProviders } from "@/test/render";
import { server } from "@/test/server";
import { LocationPicker } from "./location-picker";

/** The locations list as the server answers it (name contains, id, a page), keeping each query asked. */
function locationsAnswering() {
  const queries: URLSearchParams[] = [];
  server.use(
    http.get(mswPath(api.locations.list), ({ request }) => {
      const query = new URL(request.url).searchParams;
      queries.push(query);
      const name = query.get("name")?.toLowerCase();
      const found = LOCATIONS.filter((l) => (!name || l.name.toLowerCase().includes(name)) && (!query.get("id") || l.id === query.get("id")));
      return HttpResponse.json({ items: found.slice(0, Number(query.get("max"))) }, { headers: { "X-Total-Count": String(found.length) } });
    }),
  );
  return queries;
}

const combobox = () => screen.getByRole("combobox", { name: "Location" });

describe("LocationPicker", () => {
  it("asks the server as the administrator types, for a page of names, never for every location", async () => {
    const queries = locationsAnswering();
    const onChange = vi.fn();
    const { user } = await renderWithProviders(<LocationPicker id="picker" value="" onChange={onChange} />);
    await waitFor(() => expect(combobox()).toBeEnabled());

    await user.type(combobox(), "camp");
    await waitFor(() => expect(screen.queryByRole("option", { name: "São Paulo" })).not.toBeInTheDocument());
    expect(screen.getByRole("option", { name: "Campinas" })).toBeInTheDocument();
    const search = queries.find((q) => q.get("name") === "camp");
    expect(search?.get("max")).toBe(String(LOCATION_SEARCH_PAGE));
    expect(queries.every((q) => Number(q.get("max")) <= LOCATION_SEARCH_PAGE)).toBe(true);

    await user.click(screen.getByRole("option", { name: "Campinas" }));
    expect(onChange).toHaveBeenCalledWith("L2");
  });

  it("shows the chosen location by its name, asked for by its id", async () => {
    const queries = locationsAnswering();
    await renderWithProviders(<LocationPicker id="picker" value="L2" onChange={vi.fn()} />);
    await waitFor(() => expect(combobox()).toHaveValue("Campinas"));
    expect(queries.some((q) => q.get("id") === "L2")).toBe(true);
  });

  it("opens on the first page of locations, the chosen one among them", async () => {
    locationsAnswering();
    const { user } = await renderWithProviders(<LocationPicker id="picker" value="L1" onChange={vi.fn()} />);
    await waitFor(() => expect(combobox()).toHaveValue("São Paulo"));
    await user.click(combobox());
    expect(await screen.findByRole("option", { name: "Campinas" })).toBeInTheDocument();
    expect(screen.getByRole("option", { name: "São Paulo" })).toHaveAttribute("aria-selected", "true");
  });
});

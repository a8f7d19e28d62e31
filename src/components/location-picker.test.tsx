import { screen, waitFor } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it, vi } from "vitest";
import { api } from "@domain/api/endpoints";
import { LOCATION_SEARCH_PAGE } from "@/lib/location-queries";
import { LOCATIONS } from "@/test/fixtures";
import { mswPath } from "@/test/msw-path";
import { renderWithProviders } from "@/test/render";
import { locationsAnswering } from "@/test/locations-answering";
import { server } from "@/test/server";
import { LocationPicker } from "./location-picker";

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

describe("LocationPicker: opened before its locations have come", () => {
  it("stays open, says it is loading, then lists them", async () => {
    let answer: () => void = () => {};
    const answered = new Promise<void>((resolve) => (answer = resolve));
    server.use(
      http.get(mswPath(api.locations.list), async () => {
        await answered;
        return HttpResponse.json({ items: LOCATIONS }, { headers: { "X-Total-Count": String(LOCATIONS.length) } });
      }),
    );
    const { user } = await renderWithProviders(<LocationPicker id="picker" value="" onChange={vi.fn()} />);
    await user.click(await screen.findByRole("button", { name: /^Show locations/ }));
    expect(await screen.findByText("Loading…")).toBeInTheDocument();
    expect(screen.getByRole("listbox")).toBeInTheDocument();
    answer();
    expect(await screen.findByRole("option", { name: "Campinas" })).toBeInTheDocument();
    expect(screen.getByRole("option", { name: "São Paulo" })).toBeInTheDocument();
  });
});

describe("LocationPicker: a location with no room for another call park extension", () => {
  /** São Paulo at the limit, Campinas with room; counts only when asked for (include=callParkCounts). */
  function countsAnswering() {
    server.use(
      http.get(mswPath(api.locations.list), ({ request }) => {
        const query = new URL(request.url).searchParams;
        const counts = { L1: 100, L2: 99 } as Record<string, number>;
        const items = LOCATIONS.filter((l) => !query.get("id") || l.id === query.get("id")).map((l) =>
          query.get("include") === "callParkCounts"
            ? { ...l, callParkCounts: { callParkExtensions: counts[l.id], callParks: 0, callParksUsingHuntWaitTime: 0 } }
            : l,
        );
        return HttpResponse.json({ items }, { headers: { "X-Total-Count": String(items.length) } });
      }),
    );
  }

  it.each([
    ["en", "Location", "São Paulo Full (100 of 100)"],
    ["pt-BR", "Local", "São Paulo Lotado (100 de 100)"],
  ] as const)("is marked full beside its name (%s)", async (language, label, full) => {
    countsAnswering();
    const { user } = await renderWithProviders(<LocationPicker id="picker" value="" onChange={vi.fn()} markFull />, { language });
    await user.click(screen.getByRole("combobox", { name: label }));
    expect(await screen.findByRole("option", { name: full })).toBeInTheDocument();
    expect(screen.getByRole("option", { name: "Campinas" })).toBeInTheDocument();
  });

  it("is not marked where the choice is not for a call park extension", async () => {
    countsAnswering();
    const { user } = await renderWithProviders(<LocationPicker id="picker" value="" onChange={vi.fn()} />);
    await user.click(combobox());
    expect(await screen.findByRole("option", { name: "São Paulo" })).toBeInTheDocument();
  });

  it("takes the focus it is given while its first page is still loading", async () => {
    locationsAnswering();
    await renderWithProviders(<LocationPicker id="picker" value="" onChange={vi.fn()} autoFocus />);
    expect(combobox()).toHaveFocus();
  });
});

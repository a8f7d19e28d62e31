import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { describe, expect, it } from "vitest";
import { locationsAnswering } from "@/test/locations-answering";
import { LOCATION_SEARCH_PAGE } from "./location-queries";
import { useLocationSearch } from "./use-location-search";

// The one location search behind the picker and the filter: a page of names as the
// administrator types (once typing pauses), the chosen location by its id, and the
// filter's "all locations" heading the list.

function renderSearch(value: string, all?: { id: string; name: string }) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
  return renderHook(({ value }) => useLocationSearch(value, { all }), { wrapper, initialProps: { value } });
}

const names = (items: { name: string }[]) => items.map((l) => l.name);

describe("useLocationSearch", () => {
  it("asks the server once typing pauses, for one page of the names holding what was typed", async () => {
    const queries = locationsAnswering();
    const { result } = renderSearch("");
    await waitFor(() => expect(names(result.current.items)).toEqual(["São Paulo", "Campinas"]));

    act(() => {
      for (const typed of ["c", "ca", "cam", "camp "]) result.current.onInputChange(typed);
    });
    expect(result.current.inputValue).toBe("camp ");
    await waitFor(() => expect(result.current.term).toBe("camp"));
    await waitFor(() => expect(names(result.current.items)).toEqual(["Campinas"]));
    // Only the settled search went to the server, never each keystroke.
    const searched = queries.map((q) => q.get("name")).filter(Boolean);
    expect(searched).toEqual(["camp"]);
    expect(queries.every((q) => q.get("max") === String(LOCATION_SEARCH_PAGE))).toBe(true);
  });

  it("shows the chosen location's name, asked for by its id, and keeps it among the items", async () => {
    const queries = locationsAnswering();
    const { result, rerender } = renderSearch("L2");
    await waitFor(() => expect(result.current.inputValue).toBe("Campinas"));
    expect(queries.some((q) => q.get("id") === "L2")).toBe(true);

    act(() => result.current.onInputChange("paulo"));
    await waitFor(() => expect(result.current.term).toBe("paulo"));
    await waitFor(() => expect(names(result.current.items)).toEqual(["Campinas", "São Paulo"]));

    // Chosen from the list: the field shows its name at once, without asking the server for it.
    let chosen: ReturnType<typeof result.current.choose> = null;
    act(() => {
      chosen = result.current.choose("L1");
    });
    expect(chosen).toMatchObject({ id: "L1", name: "São Paulo" });
    rerender({ value: "L1" });
    expect(result.current.inputValue).toBe("São Paulo");
    expect(queries.some((q) => q.get("id") === "L1")).toBe(false);
  });

  it("puts the choice of every location first, and as the field's text when nothing is chosen, unless a search is typed", async () => {
    locationsAnswering();
    const all = { id: "*", name: "All locations" };
    const { result, rerender } = renderSearch("", all);
    expect(result.current.inputValue).toBe("All locations");
    await waitFor(() => expect(names(result.current.items)).toEqual(["All locations", "São Paulo", "Campinas"]));

    act(() => result.current.onInputChange("camp"));
    await waitFor(() => expect(names(result.current.items)).toEqual(["Campinas"]));

    // A value chosen elsewhere (Back, a cleared filter) forgets what was typed.
    rerender({ value: "L2" });
    await waitFor(() => expect(result.current.inputValue).toBe("Campinas"));
    await waitFor(() => expect(names(result.current.items)).toEqual(["All locations", "São Paulo", "Campinas"]));
  });
});

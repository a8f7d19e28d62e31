import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { afterEach, describe, expect, it } from "vitest";
import { api } from "@domain/api/endpoints";
import { LOCATIONS_PATH } from "@/lib/paths";
import { queryClient } from "@/lib/query-client";
import { LOCATIONS } from "@/test/fixtures";
import { setTestLanguage } from "@/test/i18n";
import { mswPath } from "@/test/msw-path";
import { renderRoutes } from "@/test/render";
import { server } from "@/test/server";
import LocationsRoute, { loader } from "./locations-route";

afterEach(() => queryClient.clear());

describe("Locations", () => {
  it("asks for the list once: the route's loader asks, the page shows that answer", async () => {
    const asked: URLSearchParams[] = [];
    server.use(
      http.get(mswPath(api.locations.list), ({ request }) => {
        asked.push(new URL(request.url).searchParams);
        const items = LOCATIONS.map((l) => ({ ...l, callParkCounts: { callParkExtensions: 3, callParks: 1, callParksUsingHuntWaitTime: 0 } }));
        return HttpResponse.json({ items }, { headers: { "X-Total-Count": String(items.length) } });
      }),
    );
    await setTestLanguage("en");
    renderRoutes([{ path: LOCATIONS_PATH, element: <LocationsRoute />, load: loader }], LOCATIONS_PATH);
    expect(await screen.findByRole("cell", { name: "Campinas" })).toBeInTheDocument();
    // Settled: whatever the page would ask on mounting has been asked by now.
    await queryClient.getQueryCache().findAll().reduce((wait, query) => wait.then(() => query.promise), Promise.resolve() as Promise<unknown>);
    expect(asked).toHaveLength(1);
    expect(asked[0].get("include")).toBe("callParkCounts");
  });

  it("pages on the server, sorts by call park extension use, and shows each use as N of 100 with a meter", async () => {
    const asked: URLSearchParams[] = [];
    server.use(
      http.get(mswPath(api.locations.list), ({ request }) => {
        asked.push(new URL(request.url).searchParams);
        const items = LOCATIONS.map((l, i) => ({ ...l, callParkCounts: { callParkExtensions: 97 - i * 90, callParks: 1, callParksUsingHuntWaitTime: 0 } }));
        return HttpResponse.json({ items }, { headers: { "X-Total-Count": "60" } });
      }),
    );
    await setTestLanguage("en");
    const { history } = renderRoutes([{ path: LOCATIONS_PATH, element: <LocationsRoute />, load: loader }], `${LOCATIONS_PATH}?page=2`);
    const meter = await screen.findByRole("meter", { name: "Call park extensions in São Paulo" });
    expect(meter).toHaveAttribute("value", "97");
    expect(meter).toHaveAttribute("max", "100");
    expect(meter.closest("td")).toHaveTextContent("97 of 100");
    expect(screen.getByRole("meter", { name: "Call park extensions in Campinas" })).toHaveAttribute("aria-valuetext", "7 of 100");
    // A page of 25 from the server, never every location at once.
    expect(Object.fromEntries(asked[0])).toMatchObject({ start: "25", max: "25", order: "name-asc" });
    expect(screen.getByRole("navigation", { name: "Pages" })).toHaveTextContent("26–50 of 60");

    const header = screen.getByRole("columnheader", { name: "Call park extensions" });
    expect(header).toHaveAttribute("aria-sort", "none");
    fireEvent.click(within(header).getByRole("button"));
    await waitFor(() => expect(history.location.search).toBe("?sort=callParkExtensions-desc"));
    await waitFor(() => expect(asked.at(-1)?.get("order")).toBe("callParkExtensions-desc"));
    expect(asked.at(-1)?.get("start")).toBe("0");
    await waitFor(() =>
      expect(screen.getByRole("columnheader", { name: "Call park extensions" })).toHaveAttribute("aria-sort", "descending"),
    );
  });

  it("says the use in Portuguese", async () => {
    server.use(
      http.get(mswPath(api.locations.list), () => {
        const items = LOCATIONS.map((l) => ({ ...l, callParkCounts: { callParkExtensions: 6, callParks: 1, callParksUsingHuntWaitTime: 0 } }));
        return HttpResponse.json({ items }, { headers: { "X-Total-Count": "2" } });
      }),
    );
    await setTestLanguage("pt-BR");
    renderRoutes([{ path: LOCATIONS_PATH, element: <LocationsRoute />, load: loader }], LOCATIONS_PATH);
    const meter = await screen.findByRole("meter", { name: "Ramais de estacionamento de chamadas em Campinas" });
    expect(meter).toHaveAttribute("aria-valuetext", "6 de 100");
  });
});

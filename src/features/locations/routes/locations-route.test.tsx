import { QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { createMemoryRouter, RouterProvider } from "react-router";
import { afterEach, describe, expect, it } from "vitest";
import { api } from "@domain/api/endpoints";
import { LOCATIONS_PATH } from "@/lib/paths";
import { queryClient } from "@/lib/query-client";
import { LOCATIONS } from "@/test/fixtures";
import { setTestLanguage } from "@/test/i18n";
import { mswPath } from "@/test/msw-path";
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
    const router = createMemoryRouter([{ path: LOCATIONS_PATH, loader, Component: LocationsRoute }], { initialEntries: [LOCATIONS_PATH] });
    render(
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    );
    expect(await screen.findByRole("cell", { name: "Campinas" })).toBeInTheDocument();
    // Settled: whatever the page would ask on mounting has been asked by now.
    await queryClient.getQueryCache().findAll().reduce((wait, query) => wait.then(() => query.promise), Promise.resolve() as Promise<unknown>);
    expect(asked).toHaveLength(1);
    expect(asked[0].get("include")).toBe("callParkCounts");
  });
});

import { screen, waitFor } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { api } from "@domain/api/endpoints";
import { LOCATIONS } from "@/test/fixtures";
import { mswPath } from "@/test/msw-path";
import { renderWithProviders } from "@/test/render";
import { server } from "@/test/server";
import LocationRoute from "@/features/locations/routes/location-route";
import { LocationTabSlotsContext } from "@/lib/location-tab-slots";
import { LOCATION_TAB_SLOTS } from "./location-tab-slots";

// The Simulator is a tab of a location's page, beside Overview and Calling, in the URL like them:
// the simulation feature's, put in the locations feature's page by the app (location-tab-slots).
describe("a location's Simulator tab", () => {
  it.each([
    ["en", "Simulator", "Call park simulator"],
    ["pt-BR", "Simulador", "Simulador de estacionamento de chamadas"],
  ] as const)("opens from the tabs (%s) and is kept in the address", async (language, tab, heading) => {
    server.use(
      http.get(mswPath(api.locations.get), ({ params }) => HttpResponse.json(LOCATIONS.find((l) => l.id === params.locationId))),
      http.post(mswPath(api.callParks.simulate), () =>
        HttpResponse.json({ events: [], participants: [], destinations: [], recallTime: 45, huntWaitTime: 45, until: 600 }),
      ),
      http.get(mswPath(api.callParkSettings.get), () =>
        HttpResponse.json({ callParkRecall: { option: "ALERT_PARKING_USER_ONLY" }, callParkSettings: { ringPattern: "NORMAL", recallTime: 45, huntWaitTime: 45 } }),
      ),
    );
    const { user, history } = await renderWithProviders(
      <LocationTabSlotsContext.Provider value={LOCATION_TAB_SLOTS}>
        <LocationRoute />
      </LocationTabSlotsContext.Provider>, { url: "/locations/L1", path: "/locations/:locationId/:tab?", language });
    await user.click(await screen.findByRole("tab", { name: tab }));
    await waitFor(() => expect(history.location.pathname).toBe("/locations/L1/simulator"));
    expect(await screen.findByRole("heading", { name: heading, level: 2 })).toBeInTheDocument();
    expect(screen.getByRole("tab", { name: tab })).toHaveAttribute("aria-selected", "true");
  });
});

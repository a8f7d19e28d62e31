import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { Route, Routes } from "react-router";
import { describe, expect, it } from "vitest";
import { api } from "@domain/api/endpoints";
import type { CallParkSettings } from "@domain/schemas/call-park-settings";
import { sessionQuery } from "@/lib/session";
import { LOCATIONS } from "@/test/fixtures";
import { renderWithProviders } from "@/test/render";
import { recordRequests, server } from "@/test/server";
import { mswPath } from "@/test/msw-path";
import { sessionHandler } from "@/test/session";
import LocationRoute from "./location-route";
import LocationsRoute from "./locations-route";

const SETTINGS: CallParkSettings = {
  callParkRecall: { option: "ALERT_PARKING_USER_ONLY" },
  callParkSettings: { ringPattern: "NORMAL", recallTime: 60, huntWaitTime: 45 },
};

/** São Paulo's (L1) Calling tab, its settings answered with SETTINGS. */
async function renderCallingTab() {
  server.use(
    http.get(mswPath(api.locations.get), ({ params }) => HttpResponse.json(LOCATIONS.find((l) => l.id === params.locationId))),
    http.get(mswPath(api.callParkSettings.get), () => HttpResponse.json(SETTINGS)),
    http.get(mswPath(api.callParks.availableRecallHuntGroups), () => HttpResponse.json({ huntGroups: [] })),
  );
  const rendered = await renderWithProviders(<LocationRoute />, { url: "/locations/L1/calling", path: "/locations/:locationId/:tab?" });
  await waitFor(() => expect(rendered.queryClient.getQueryData(sessionQuery().queryKey)).toBeDefined());
  const recallTimer = await screen.findByRole("spinbutton", { name: "Recall Timer (seconds)" });
  return { ...rendered, recallTimer, form: recallTimer.closest("form")! };
}

describe("a location's Calling tab: what each role may do", () => {
  it("shows a read-only administrator the Call Park Settings with nothing to change and no Save", async () => {
    server.use(sessionHandler("READ_ONLY_ADMIN"));
    const recorder = recordRequests();
    const { user, recallTimer, form } = await renderCallingTab();
    expect(recallTimer).toHaveValue(60);
    expect(recallTimer).toHaveAttribute("readonly");
    expect(within(form).getByRole("spinbutton", { name: "Alert Hunt Group Wait Time (seconds)" })).toHaveAttribute("readonly");
    expect(within(form).getByRole("note")).toHaveTextContent(
      "View only. You can view these settings but not change them.",
    );
    expect(within(form).queryByRole("button", { name: "Save" })).not.toBeInTheDocument();
    expect(within(form).queryByRole("button", { name: "Cancel" })).not.toBeInTheDocument();
    // The drop-downs show their values, disabled.
    for (const button of within(form).getAllByRole("button")) expect(button).toBeDisabled();
    expect(within(form).getAllByText("Alert parking user only", { exact: false }).length).toBeGreaterThan(0);

    await user.type(recallTimer, "0{Enter}");
    expect(recallTimer).toHaveValue(60);
    expect(recorder.requests.filter((r) => r.method !== "GET")).toEqual([]);
    // Reading the audit log is every role's: the settings' entries carry the location's id.
    expect(within(form).getByRole("link", { name: "View history of the Call Park Settings" })).toHaveAttribute(
      "href",
      "/audit-log?objectId=L1&objectType=callParkSettings",
    );
  });

  it("gives the full administrator Save", async () => {
    const { form, recallTimer } = await renderCallingTab();
    expect(within(form).getByRole("button", { name: "Save" })).toBeInTheDocument();
    expect(recallTimer).not.toHaveAttribute("readonly");
    expect(within(form).queryByText("View only.", { exact: false })).not.toBeInTheDocument();
    const history = within(form).getByRole("link", { name: "View history of the Call Park Settings" });
    expect(history).toHaveTextContent("View history");
    expect(history).toHaveAttribute("href", "/audit-log?objectId=L1&objectType=callParkSettings");
  });

  it("gives a location administrator Save in their own location", async () => {
    server.use(sessionHandler("LOCATION_ADMIN", ["L1"]));
    const { form } = await renderCallingTab();
    expect(within(form).getByRole("button", { name: "Save" })).toBeInTheDocument();
  });
});

describe("Locations: the list keeps its place", () => {
  /** The list answering a page of both locations, their settings kept as the last save left them. */
  function answering() {
    let settings = SETTINGS;
    const saved: unknown[] = [];
    server.use(
      http.get(mswPath(api.locations.list), () => {
        const items = LOCATIONS.map((l) => ({ ...l, callParkCounts: { callParkExtensions: 6, callParks: 1, callParksUsingHuntWaitTime: 0 } }));
        return HttpResponse.json({ items }, { headers: { "X-Total-Count": "60" } });
      }),
      http.get(mswPath(api.locations.get), ({ params }) => HttpResponse.json(LOCATIONS.find((l) => l.id === params.locationId))),
      http.get(mswPath(api.callParkSettings.get), () => HttpResponse.json(settings)),
      http.put(mswPath(api.callParkSettings.update), async ({ request }) => {
        const body = (await request.json()) as Partial<CallParkSettings>;
        saved.push(body);
        settings = { ...settings, callParkSettings: { ...settings.callParkSettings, ...body.callParkSettings } };
        return new HttpResponse(null, { status: 204 });
      }),
      http.get(mswPath(api.callParks.availableRecallHuntGroups), () => HttpResponse.json({ huntGroups: [] })),
    );
    return saved;
  }

  const screens = (
    <Routes>
      <Route path="/locations" element={<LocationsRoute />} />
      <Route path="/locations/:locationId/:tab?" element={<LocationRoute />} />
    </Routes>
  );

  it("goes back from a location whose settings were saved to the list's page, sort and search", async () => {
    const saved = answering();
    const list = "/locations?q=Camp&sort=callParkExtensions-desc&page=2";
    const { user, history } = await renderWithProviders(screens, { url: list, path: "/*" });
    await user.click(await screen.findByRole("link", { name: "Campinas" }));
    // Overview, then Calling: the tab carries the list's place along.
    await user.click(await screen.findByRole("tab", { name: "Calling" }));
    const recallTimer = await screen.findByRole("spinbutton", { name: "Recall Timer (seconds)" });
    await user.clear(recallTimer);
    await user.type(recallTimer, "90");
    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(saved).toEqual([{ callParkSettings: { recallTime: 90 } }]));
    await waitFor(() => expect(screen.getByRole("button", { name: "Save" })).toBeDisabled());

    const back = screen.getByRole("link", { name: "Locations" });
    expect(back).toHaveAttribute("href", list);
    await user.click(back);
    await waitFor(() => expect(`${history.location.pathname}${history.location.search}`).toBe(list));
    expect(await screen.findByRole("columnheader", { name: "Call park extensions" })).toHaveAttribute("aria-sort", "descending");
    expect(screen.getByRole("searchbox", { name: "Search by name" })).toHaveValue("Camp");
    expect(screen.getByRole("navigation", { name: "Pages" })).toHaveTextContent("26–50 of 60");
  });

  it("goes back to the plain list from a location opened some other way", async () => {
    answering();
    await renderWithProviders(screens, { url: "/locations/L1/calling", path: "/*" });
    expect(await screen.findByRole("link", { name: "Locations" })).toHaveAttribute("href", "/locations");
  });
});

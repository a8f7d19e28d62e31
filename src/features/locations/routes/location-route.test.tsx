import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
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

import { screen, waitFor } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { api } from "@domain/api/endpoints";
import type { CallParkSettings } from "@domain/schemas/call-park-settings";
import type { SimulationRequest, SimulationResult } from "@domain/schemas/simulation";
import { mswPath } from "@/test/msw-path";
import { renderWithProviders } from "@/test/render";
import { server } from "@/test/server";
import { CallParkSettingsForm } from "@/features/locations/components/call-park-settings-form";
import { SimulationPreviewContext } from "@/lib/simulation-preview-slot";
import { SIMULATION_PREVIEW } from "./location-tab-slots";

// The Call Park Settings form shows the simulator's preview (the simulation feature's, put in
// the form by the app): a change to a setting is played before Save, and nothing is saved.
const SETTINGS: CallParkSettings = {
  callParkRecall: { option: "ALERT_PARKING_USER_ONLY" },
  callParkSettings: { ringPattern: "NORMAL", recallTime: 45, huntWaitTime: 45 },
};
const CAST: SimulationResult = {
  events: [],
  participants: [{ id: "P1", name: "Ana Souza", type: "PEOPLE", extension: "1001", callParkId: null }],
  destinations: [{ extension: "5001", kind: "CALL_PARK_EXTENSION", id: "E1", name: "Park 1" }],
  recallTime: 45,
  huntWaitTime: 45,
  until: 600,
};

describe("the Call Park Settings form's preview", () => {
  it("plays the form's values before Save, and follows a change", async () => {
    const played: SimulationRequest[] = [];
    let saves = 0;
    server.use(
      http.post(mswPath(api.callParks.simulate), async ({ request }) => {
        const body = (await request.json()) as SimulationRequest;
        if (body.steps.length > 0) played.push(body);
        return HttpResponse.json({ ...CAST, until: body.until ?? 600 });
      }),
      http.put(mswPath(api.callParkSettings.update), () => {
        saves += 1;
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const { user } = await renderWithProviders(
      <SimulationPreviewContext.Provider value={SIMULATION_PREVIEW}>
        <CallParkSettingsForm locationId="L1" settings={SETTINGS} huntGroups={[]} groupsUsingHuntWaitTime={0} />
      </SimulationPreviewContext.Provider>,
      { url: "/locations/L1/calling" },
    );
    await user.click(await screen.findByRole("button", { name: "Preview on a timeline" }));
    await waitFor(() => expect(played).toHaveLength(1));
    expect(played[0].overrides?.callParkSettings?.callParkSettings).toEqual({ ringPattern: "NORMAL", recallTime: 45, huntWaitTime: 45 });

    const recallTimer = screen.getByRole("spinbutton", { name: "Recall Timer (seconds)" });
    await user.clear(recallTimer);
    await user.type(recallTimer, "90");
    await waitFor(() => expect(played.at(-1)?.overrides?.callParkSettings?.callParkSettings?.recallTime).toBe(90));
    expect(played.at(-1)?.until).toBe(225);
    expect(screen.getByText(/not saved yet/)).toBeInTheDocument();
    expect(saves).toBe(0);
  });
});

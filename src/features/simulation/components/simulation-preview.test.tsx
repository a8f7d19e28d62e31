import { act, screen, waitFor, within } from "@testing-library/react";
import { useState } from "react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { api } from "@domain/api/endpoints";
import type { SimulationEvent, SimulationRequest, SimulationResult } from "@domain/schemas/simulation";
import { apiErrorResponse } from "@/test/fixtures";
import { mswPath } from "@/test/msw-path";
import { renderWithProviders } from "@/test/render";
import { server } from "@/test/server";
import { SimulationPreviewContext, SimulationPreviewSlot, type SimulationPreviewProps } from "@/lib/simulation-preview-slot";
import { SimulationPreview } from "./simulation-preview";

const CAST: SimulationResult = {
  events: [],
  participants: [
    { id: "H1", name: "Recepção", type: "HUNT_GROUP", extension: "2000", callParkId: null },
    { id: "P1", name: "Ana Souza", type: "PEOPLE", extension: "1001", callParkId: "G1" },
    { id: "P2", name: "Bruno Lima", type: "PEOPLE", extension: "1002", callParkId: "G1" },
  ],
  destinations: [{ extension: "5001", kind: "CALL_PARK_EXTENSION", id: "E1", name: "Park 1" }],
  recallTime: 45,
  huntWaitTime: 30,
  until: 600,
};

const event = (e: Partial<SimulationEvent> & Pick<SimulationEvent, "at" | "kind">): SimulationEvent => ({
  callId: "call-1", extension: "5001", by: "P1", alerted: [], ringPattern: null, reason: null, ...e,
});

/** Answers the cast for an empty script, and for a script: a park, then a recall at the Recall Timer the overrides say. */
function answering() {
  const bodies: SimulationRequest[] = [];
  server.use(
    http.post(mswPath(api.callParks.simulate), async ({ request }) => {
      const body = (await request.json()) as SimulationRequest;
      if (body.steps.length === 0) return HttpResponse.json(CAST);
      bodies.push(body);
      const recallTime = body.overrides?.callParkSettings?.callParkSettings?.recallTime ?? 45;
      if (recallTime === 99) return apiErrorResponse(400, "validation");
      return HttpResponse.json({
        ...CAST,
        until: body.until,
        recallTime,
        events: [
          event({ at: 0, kind: "PARKED" }),
          event({ at: recallTime, kind: "RECALLED_TO_PARKER", alerted: ["P1"], ringPattern: "NORMAL" }),
        ],
      });
    }),
  );
  return bodies;
}

const settings = (recallTime: number): SimulationPreviewProps["overrides"] => ({
  callParkSettings: { callParkRecall: { option: "ALERT_PARKING_USER_ONLY" }, callParkSettings: { recallTime, huntWaitTime: 30 } },
});

/** The preview as a form holds it (its button, then the simulator's part): its props change as the form's values do (`change`). */
async function renderPreview(props: Partial<SimulationPreviewProps> = {}, language: "en" | "pt-BR" = "en") {
  const all: SimulationPreviewProps = { locationId: "L1", park: { kind: "direct" }, overrides: settings(45), unsaved: false, ...props };
  let change: (more: Partial<SimulationPreviewProps>) => void = () => {};
  function Form() {
    const [values, setValues] = useState(all);
    change = (more) => setValues((before) => ({ ...before, ...more }));
    return (
      <SimulationPreviewContext.Provider value={SimulationPreview}>
        <SimulationPreviewSlot {...values} />
      </SimulationPreviewContext.Provider>
    );
  }
  const rendered = await renderWithProviders(<Form />, { language });
  return { ...rendered, rerenderWith: (more: Partial<SimulationPreviewProps>) => act(() => change(more)) };
}

const events = () => within(screen.getByRole("region", { name: "Events in order" })).getAllByRole("listitem").map((li) => li.textContent);

describe("a form's preview on a timeline", () => {
  it("is closed until opened, then plays a person's *68 with the form's values and follows them", async () => {
    const bodies = answering();
    const { user } = await renderPreview();
    const toggle = screen.getByRole("button", { name: "Preview on a timeline" });
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    expect(bodies).toEqual([]);

    await user.click(toggle);
    expect(toggle).toHaveAttribute("aria-expanded", "true");
    await screen.findByRole("img", { name: /^Timeline: 1 call over 120 seconds/ });
    expect(screen.getByText(/Ana Souza parks a call with \*68 on 5001 and nobody retrieves it\./)).toBeInTheDocument();
    expect(screen.getByText(/Played with the saved settings/)).toBeInTheDocument();
    expect(bodies).toEqual([{ steps: [{ at: 0, by: "P1", dial: "*685001" }], until: 120, overrides: settings(45) }]);
    expect(events()).toEqual(["0 s — Ana Souza parked call 1 on 5001", "45 s — call 1 on 5001 rings back Ana Souza (ring: Normal)"]);
  });

  it("plays the form's unsaved values, says so, and keeps the last timeline faded while a value is refused", async () => {
    const bodies = answering();
    const { user, rerenderWith } = await renderPreview();
    await user.click(screen.getByRole("button", { name: "Preview on a timeline" }));
    await screen.findByRole("img", { name: /^Timeline: 1 call over 120 seconds/ });

    rerenderWith({ overrides: settings(90), unsaved: true });
    await waitFor(() => expect(events()).toContain("90 s — call 1 on 5001 rings back Ana Souza (ring: Normal)"));
    expect(screen.getByText(/not saved yet/)).toBeInTheDocument();
    expect(bodies.at(-1)).toEqual({ steps: [{ at: 0, by: "P1", dial: "*685001" }], until: 210, overrides: settings(90) });

    // A value the form refuses: nothing is played with it.
    const sent = bodies.length;
    rerenderWith({ overrides: undefined, unsaved: true });
    expect(await screen.findByText("Correct the values marked above to update the preview.")).toBeInTheDocument();
    expect(bodies).toHaveLength(sent);
    expect(events()).toContain("90 s — call 1 on 5001 rings back Ana Souza (ring: Normal)");

    // One the server refuses: its reason is said.
    rerenderWith({ overrides: settings(99), unsaved: true });
    expect(await screen.findByRole("alert")).toHaveTextContent(/^The preview cannot be played with these values: /);
  });

  it("plays a group's first members dialling #58 at once, in Brazilian Portuguese", async () => {
    const bodies = answering();
    const { user } = await renderPreview(
      { park: { kind: "group", callParkId: "G1", memberIds: ["P2", "P1"] }, overrides: { callParks: [{ id: "G1" }] } },
      "pt-BR",
    );
    await user.click(screen.getByRole("button", { name: "Pré-visualizar em uma linha do tempo" }));
    expect(await screen.findByText(/Bruno Lima e Ana Souza estacionam uma chamada cada um com #58 no mesmo instante/)).toBeInTheDocument();
    await waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0]).toEqual({
      steps: [{ at: 0, by: "P2", dial: "#58" }, { at: 0, by: "P1", dial: "#58" }],
      until: 120,
      overrides: { callParks: [{ id: "G1" }] },
    });
  });

  it("says why there is nothing to play: a group without members", async () => {
    answering();
    const { user } = await renderPreview({ park: { kind: "group", callParkId: "G1", memberIds: [] } });
    await user.click(screen.getByRole("button", { name: "Preview on a timeline" }));
    expect(await screen.findByText("This group has no members yet: add some to see where their calls would park.")).toBeInTheDocument();
  });
});

import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { api } from "@domain/api/endpoints";
import type { SimulationEvent, SimulationRequest, SimulationResult } from "@domain/schemas/simulation";
import { apiErrorResponse } from "@/test/fixtures";
import { mswPath } from "@/test/msw-path";
import { renderWithProviders } from "@/test/render";
import { server } from "@/test/server";
import { SimulatorTab } from "./simulator-tab";

// The location's cast as a simulation with no steps answers it: four members of group G1,
// one of G2, someone in no group, a hunt group; two call park extensions.
const CAST: SimulationResult = {
  events: [],
  participants: [
    { id: "P1", name: "Ana Souza", type: "PEOPLE", extension: "1001", callParkId: "G1" },
    { id: "P2", name: "Bruno Lima", type: "PEOPLE", extension: "1002", callParkId: "G1" },
    { id: "P3", name: "Carla Dias", type: "PLACE", extension: "1003", callParkId: "G1" },
    { id: "P4", name: "Davi Rocha", type: "PEOPLE", extension: "1004", callParkId: "G1" },
    { id: "P5", name: "Eva Prado", type: "VIRTUAL_LINE", extension: "1005", callParkId: "G2" },
    { id: "P6", name: "Fábio Reis", type: "PEOPLE", extension: "1006", callParkId: null },
    { id: "H1", name: "Recepção", type: "HUNT_GROUP", extension: "2000", callParkId: null },
  ],
  destinations: [
    { extension: "5001", kind: "CALL_PARK_EXTENSION", id: "E1", name: "Park 1" },
    { extension: "5002", kind: "CALL_PARK_EXTENSION", id: "E2", name: "Park 2" },
  ],
  recallTime: 45,
  huntWaitTime: 30,
  until: 600,
};

const event = (e: Partial<SimulationEvent> & Pick<SimulationEvent, "at" | "kind">): SimulationEvent => ({
  callId: null, extension: null, by: null, alerted: [], ringPattern: null, reason: null, ...e,
});

/** Three members of G1 park at once: two destinations, so the third park fails; both parked calls come back. */
const PLAYED: SimulationResult = {
  ...CAST,
  events: [
    event({ at: 0, kind: "PARKED", callId: "call-1", extension: "5001", by: "P1" }),
    event({ at: 0, kind: "ANNOUNCED", callId: "call-1", extension: "5001", by: "P1", alerted: ["P1"] }),
    event({ at: 0, kind: "PARKED", callId: "call-2", extension: "5002", by: "P2" }),
    event({ at: 0, kind: "PARK_FAILED", callId: "call-3", by: "P3", reason: "ALL_DESTINATIONS_BUSY" }),
    event({ at: 45, kind: "RECALLED_TO_PARKER", callId: "call-1", extension: "5001", by: "P1", alerted: ["P1"], ringPattern: "LONG_LONG" }),
    event({ at: 75, kind: "ALERTED_HUNT_GROUP", callId: "call-2", extension: "5002", by: "P2", alerted: ["H1"] }),
  ],
};

/** Answers the cast for an empty script and `played` for any other, keeping each script sent. */
function answering(played: (body: SimulationRequest) => Response = () => HttpResponse.json(PLAYED)) {
  const bodies: SimulationRequest[] = [];
  server.use(
    http.post(mswPath(api.callParks.simulate), async ({ request, params }) => {
      const body = (await request.json()) as SimulationRequest;
      if (params.locationId !== "L1") return apiErrorResponse(404, "notFound");
      if (body.steps.length === 0) return HttpResponse.json(CAST);
      bodies.push(body);
      return played(body);
    }),
    http.get(mswPath(api.callParkSettings.get), () =>
      HttpResponse.json({ callParkRecall: { option: "ALERT_PARKING_USER_ONLY" }, callParkSettings: { ringPattern: "LONG_LONG", recallTime: 45, huntWaitTime: 30 } }),
    ),
  );
  return bodies;
}

async function renderTab({ url = "/locations/L1/simulator", language = "en" }: { url?: string; language?: "en" | "pt-BR" } = {}) {
  const rendered = await renderWithProviders(<SimulatorTab locationId="L1" />, { url, path: "/locations/:locationId/:tab?", language });
  await screen.findByRole("form", { name: language === "en" ? "Script" : "Roteiro" });
  return rendered;
}

const step = (number: number, language: "en" | "pt-BR" = "en") =>
  screen.getByRole("group", { name: language === "en" ? `Step ${number}` : `Passo ${number}` });
const events = () => within(screen.getByRole("region", { name: /Events in order|Eventos em ordem/ })).getAllByRole("listitem").map((li) => li.textContent);

describe("the Simulator tab", () => {
  it("plays the preset: three members of the first group park with #58 at second 0, drawn in lanes and told in a list", async () => {
    const bodies = answering();
    const { user } = await renderTab();
    expect(screen.getByText("No steps yet: add one or use the preset.")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Three members park with #58 at once" }));
    expect(screen.getByText("3 steps")).toBeInTheDocument();
    expect(within(step(1)).getByRole("combobox", { name: "Who dials" })).toHaveDisplayValue("Ana Souza (1001)");
    expect(within(step(2)).getByRole("combobox", { name: "Who dials" })).toHaveDisplayValue("Bruno Lima (1002)");
    expect(within(step(3)).getByRole("combobox", { name: "Who dials" })).toHaveDisplayValue("Carla Dias (1003)");
    expect(within(step(3)).getByRole("combobox", { name: "Dials" })).toHaveDisplayValue("#58 — park in my group");
    expect(screen.queryByRole("group", { name: "Step 4" })).not.toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Play" }));
    const picture = await screen.findByRole("img", { name: "Timeline: 3 calls over 600 seconds. The list of events below tells it in order." });
    expect(bodies).toEqual([
      { steps: ["P1", "P2", "P3"].map((by) => ({ at: 0, by, dial: "#58" })), until: 600 },
    ]);
    // One lane per call, named for its parker and where it landed.
    expect(within(picture).getByText("Call 1 · Ana Souza → 5001")).toBeInTheDocument();
    expect(within(picture).getByText("Call 2 · Bruno Lima → 5002")).toBeInTheDocument();
    expect(within(picture).getByText("Call 3 · Carla Dias (not parked)")).toBeInTheDocument();
    expect(picture.querySelectorAll(".sim-mark-RECALLED_TO_PARKER")).toHaveLength(1);
    expect(events()).toEqual([
      "0 s — Ana Souza parked call 1 on 5001",
      "0 s — Ana Souza hears that call 1 is parked on 5001",
      "0 s — Bruno Lima parked call 2 on 5002",
      "0 s — Carla Dias could not park call 3: every park destination of the group already holds a call",
      "45 s — call 1 on 5001 rings back Ana Souza (ring: Long-Long)",
      "75 s — call 2 goes to the hunt group Recepção",
    ]);
    expect(screen.getByText("Played with a Recall Timer of 45 s and an Alert Hunt Group Wait Time of 30 s.")).toBeInTheDocument();
  });

  it("builds a script by hand: add, edit and remove steps, *68 and *88 with an extension", async () => {
    const bodies = answering(() => HttpResponse.json({ ...CAST, events: [] }));
    const { user } = await renderTab();
    await user.click(screen.getByRole("button", { name: "Add step" }));
    await user.click(screen.getByRole("button", { name: "Add step" }));
    await user.click(screen.getByRole("button", { name: "Add step" }));
    expect(screen.getByText("3 steps")).toBeInTheDocument();
    // The first: Fábio parks against 5002.
    await user.selectOptions(within(step(1)).getByRole("combobox", { name: "Who dials" }), "Fábio Reis (1006)");
    await user.selectOptions(within(step(1)).getByRole("combobox", { name: "Dials" }), "*68 + extension — park against it");
    await user.selectOptions(within(step(1)).getByRole("combobox", { name: "Extension" }), "5002 — Park 2");
    // The second goes; the third (now the second) retrieves it at second 20.
    await user.click(screen.getByRole("button", { name: "Remove step 2" }));
    expect(screen.getByText("2 steps")).toBeInTheDocument();
    await user.selectOptions(within(step(2)).getByRole("combobox", { name: "Dials" }), "*88 + extension — retrieve");
    await user.selectOptions(within(step(2)).getByRole("combobox", { name: "Extension" }), "5002 — Park 2");
    const at = within(step(2)).getByRole("spinbutton", { name: "At second" });
    await user.clear(at);
    await user.type(at, "20");
    const until = screen.getByRole("spinbutton", { name: "Run until second" });
    await user.clear(until);
    await user.type(until, "120");
    await user.click(screen.getByRole("button", { name: "Play" }));
    await waitFor(() =>
      expect(bodies).toEqual([
        {
          steps: [
            { at: 0, by: "P6", dial: "*685002" },
            { at: 20, by: "P1", dial: "*885002" },
          ],
          until: 120,
        },
      ]),
    );
    expect(await screen.findByText("Nothing happened until second 600.")).toBeInTheDocument();
  });

  it("adds a step answering a recalled call, by its number", async () => {
    const bodies = answering(() => HttpResponse.json({ ...CAST, events: [] }));
    const { user } = await renderTab();
    await user.click(screen.getByRole("button", { name: "Add step" }));
    await user.selectOptions(within(step(1)).getByRole("combobox", { name: "Who dials" }), "Ana Souza (1001)");
    await user.selectOptions(within(step(1)).getByRole("combobox", { name: "Dials" }), "Answer a call that rings back");
    expect(within(step(1)).queryByRole("combobox", { name: "Extension" })).not.toBeInTheDocument();
    const call = within(step(1)).getByRole("spinbutton", { name: "Call number" });
    await user.clear(call);
    await user.type(call, "2");
    const at = within(step(1)).getByRole("spinbutton", { name: "At second" });
    await user.clear(at);
    await user.type(at, "50");
    await user.click(screen.getByRole("button", { name: "Play" }));
    await waitFor(() => expect(bodies).toEqual([{ steps: [{ at: 50, by: "P1", answer: "call-2" }], until: 600 }]));
  });

  it("says on whose phones a parker's line appears, and the timeline tells those phones are shown the recalled call", async () => {
    const bodies = answering(() =>
      HttpResponse.json({
        ...PLAYED,
        events: [
          event({ at: 0, kind: "PARKED", callId: "call-1", extension: "5001", by: "P1" }),
          event({ at: 45, kind: "RECALLED_TO_PARKER", callId: "call-1", extension: "5001", by: "P1", alerted: ["P1"], ringPattern: "NORMAL", notified: ["P4", "P6"] }),
        ],
      }),
    );
    const { user } = await renderTab();
    await user.click(screen.getByRole("button", { name: "Three members park with #58 at once" }));
    const line = (number: number) => screen.getByRole("group", { name: `Line ${number}` });
    await user.click(screen.getByRole("button", { name: "Add a line on another phone" }));
    await user.selectOptions(within(line(1)).getByRole("combobox", { name: "The line of" }), "Ana Souza (1001)");
    await user.selectOptions(within(line(1)).getByRole("combobox", { name: "Appears on the phone of" }), "Ana Souza (1001)");
    // Its own phone: refused on the row before asking the server.
    await user.click(screen.getByRole("button", { name: "Play" }));
    const shownOn = within(line(1)).getByRole("combobox", { name: "Appears on the phone of" });
    expect(shownOn).toHaveAttribute("aria-invalid", "true");
    expect(shownOn).toHaveAccessibleDescription("Choose someone else: a line always appears on its own phone.");
    expect(bodies).toEqual([]);

    await user.selectOptions(shownOn, "Davi Rocha (1004)");
    await user.click(screen.getByRole("button", { name: "Add a line on another phone" }));
    await user.selectOptions(within(line(2)).getByRole("combobox", { name: "The line of" }), "Ana Souza (1001)");
    await user.selectOptions(within(line(2)).getByRole("combobox", { name: "Appears on the phone of" }), "Fábio Reis (1006)");
    await user.click(screen.getByRole("button", { name: "Play" }));
    await waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0].lineAppearances).toEqual([
      { owner: "P1", shownOn: "P4" },
      { owner: "P1", shownOn: "P6" },
    ]);
    await waitFor(() =>
      expect(events()).toContain("45 s — call 1 on 5001 rings back Ana Souza (ring: Normal); also shown on the phones of Davi Rocha and Fábio Reis"),
    );
    // Removed, a line goes from the next play.
    await user.click(screen.getByRole("button", { name: "Remove line 2" }));
    await user.click(screen.getByRole("button", { name: "Play" }));
    await waitFor(() => expect(bodies).toHaveLength(2));
    expect(bodies[1].lineAppearances).toEqual([{ owner: "P1", shownOn: "P4" }]);
  });

  it("marks a step the contract refuses on its row, before asking the server", async () => {
    const bodies = answering();
    const { user } = await renderTab();
    await user.click(screen.getByRole("button", { name: "Add step" }));
    await user.selectOptions(within(step(1)).getByRole("combobox", { name: "Dials" }), "*68 + extension — park against it");
    await user.click(screen.getByRole("button", { name: "Play" }));
    const extension = within(step(1)).getByRole("combobox", { name: "Extension" });
    expect(extension).toHaveAttribute("aria-invalid", "true");
    expect(extension).toHaveAccessibleDescription("Dial #58, or *68 or *88 followed by an extension.");
    expect(screen.getByRole("alert")).toHaveTextContent("The simulation did not run: correct the steps marked below.");
    expect(bodies).toEqual([]);
  });

  it("puts the server's 400 field issue on the step row it names", async () => {
    answering(() =>
      apiErrorResponse(400, "validation", { issues: [{ path: ["steps", 1, "by"], code: "memberNotFound" }] }),
    );
    const { user } = await renderTab();
    await user.click(screen.getByRole("button", { name: "Three members park with #58 at once" }));
    await user.click(screen.getByRole("button", { name: "Play" }));
    const who = within(step(2)).getByRole("combobox", { name: "Who dials" });
    await waitFor(() => expect(who).toHaveAttribute("aria-invalid", "true"));
    expect(who).toHaveAccessibleDescription("No person, workspace or virtual line has this ID.");
    expect(within(step(1)).getByRole("combobox", { name: "Who dials" })).not.toHaveAttribute("aria-invalid");
    expect(within(step(3)).getByRole("combobox", { name: "Who dials" })).not.toHaveAttribute("aria-invalid");
    expect(screen.getByRole("alert")).toHaveTextContent("The simulation did not run");
  });

  it("says an issue the server finds in the 'what if' settings", async () => {
    answering(() =>
      apiErrorResponse(400, "validation", {
        issues: [{ path: ["overrides", "callParkSettings", "callParkRecall", "huntGroupId"], code: "huntGroupRequired" }],
      }),
    );
    const { user } = await renderTab({ url: "/locations/L1/simulator?recallOption=ALERT_HUNT_GROUP_ONLY" });
    await user.click(screen.getByRole("button", { name: "Three members park with #58 at once" }));
    await user.click(screen.getByRole("button", { name: "Play" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Choose the hunt group that recalled calls go to.");
  });

  it("starts from a group's first members when opened with ?group=", async () => {
    const bodies = answering();
    const { user } = await renderTab({ url: "/locations/L1/simulator?group=G2" });
    expect(screen.getByText("The script starts with the first members of the group parking with #58 at second 0.")).toBeInTheDocument();
    expect(screen.getByText("1 step")).toBeInTheDocument();
    expect(within(step(1)).getByRole("combobox", { name: "Who dials" })).toHaveDisplayValue("Eva Prado (1005)");
    await user.click(screen.getByRole("button", { name: "Play" }));
    await waitFor(() => expect(bodies).toEqual([{ steps: [{ at: 0, by: "P5", dial: "#58" }], until: 600 }]));
  });

  it("plays unsaved 'what if' settings as overrides, labelled as not saved", async () => {
    const bodies = answering();
    const { user } = await renderTab({ url: "/locations/L1/simulator?recallOption=ALERT_HUNT_GROUP_ONLY&recallTime=90&huntWaitTime=30" });
    const whatIf = screen.getByRole("group", { name: "What if (not saved)" });
    expect(within(whatIf).getByRole("note")).toHaveTextContent("These values come from the Call Park Settings form and have not been saved.");
    expect(within(whatIf).getByRole("checkbox", { name: "Play with these settings instead of the saved ones" })).toBeChecked();
    expect(within(whatIf).getByRole("combobox", { name: "Recall option for Call Park Direct" })).toHaveDisplayValue("Alert hunt group only");
    const recallTimer = within(whatIf).getByRole("spinbutton", { name: "Recall Timer (seconds)" });
    expect(recallTimer).toHaveValue(90);
    await user.clear(recallTimer);
    await user.type(recallTimer, "120");
    // The option recalls to a hunt group, and none is saved: the admin picks one.
    const huntGroup = within(whatIf).getByRole("combobox", { name: "Hunt group" });
    expect(huntGroup).toHaveDisplayValue("Choose a hunt group");
    await user.selectOptions(huntGroup, "Recepção");
    await user.click(screen.getByRole("button", { name: "Three members park with #58 at once" }));
    await user.click(screen.getByRole("button", { name: "Play" }));
    await waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0].overrides).toEqual({
      callParkSettings: {
        callParkRecall: { option: "ALERT_HUNT_GROUP_ONLY", huntGroupId: "H1" },
        callParkSettings: { recallTime: 120, huntWaitTime: 30 },
      },
    });
    // Every group recalls as chosen too.
    await user.selectOptions(
      within(whatIf).getByRole("combobox", { name: "Recall To for the call park groups" }),
      "Alert parking user first, then hunt group",
    );
    await user.click(screen.getByRole("button", { name: "Play" }));
    await waitFor(() => expect(bodies).toHaveLength(2));
    const groupRecall = { option: "ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP", huntGroupId: "H1" };
    expect(bodies[1].overrides?.callParks).toEqual([
      { id: "G1", recall: groupRecall },
      { id: "G2", recall: groupRecall },
    ]);
    // Unticked, the saved settings play: no overrides.
    await user.click(within(whatIf).getByRole("checkbox", { name: "Play with these settings instead of the saved ones" }));
    expect(recallTimer).toBeDisabled();
    await user.click(screen.getByRole("button", { name: "Play" }));
    await waitFor(() => expect(bodies).toHaveLength(3));
    expect(bodies[2].overrides).toBeUndefined();
  });

  it("says it all in Brazilian Portuguese", async () => {
    answering();
    const { user } = await renderTab({ language: "pt-BR" });
    expect(screen.getByRole("heading", { name: "Simulador de estacionamento de chamadas" })).toBeInTheDocument();
    expect(screen.getByText("Nenhum passo ainda: adicione um ou use o modelo pronto.")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Três membros estacionam com #58 ao mesmo tempo" }));
    expect(screen.getByText("3 passos")).toBeInTheDocument();
    expect(within(step(1, "pt-BR")).getByRole("combobox", { name: "Quem disca" })).toHaveDisplayValue("Ana Souza (1001)");
    await user.click(screen.getByRole("button", { name: "Reproduzir" }));
    const picture = await screen.findByRole("img", {
      name: "Linha do tempo: 3 chamadas em 600 segundos. A lista de eventos abaixo conta tudo em ordem.",
    });
    expect(within(picture).getByText("Chamada 1 · Ana Souza → 5001")).toBeInTheDocument();
    expect(within(picture).getByText("Chamada 3 · Carla Dias (não estacionada)")).toBeInTheDocument();
    expect(events()).toEqual([
      "0 s — Ana Souza estacionou a chamada 1 em 5001",
      "0 s — Ana Souza ouve que a chamada 1 está estacionada em 5001",
      "0 s — Bruno Lima estacionou a chamada 2 em 5002",
      "0 s — Carla Dias não conseguiu estacionar a chamada 3: todos os destinos de estacionamento do grupo já têm uma chamada",
      "45 s — a chamada 1 em 5001 volta a tocar para Ana Souza (toque: Longo-Longo)",
      "75 s — a chamada 2 vai para o grupo de busca Recepção",
    ]);
  });
});

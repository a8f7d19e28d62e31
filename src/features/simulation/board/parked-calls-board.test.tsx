import { act, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/addresses";
import type { SimulationEvent, SimulationRequest } from "@domain/schemas/simulation";
import { decodeSimulationScript, type SimulationStreamStart } from "@domain/schemas/simulation-stream";
import { renderWithProviders } from "@/test/render";
import { ParkedCallsBoard } from "./parked-calls-board";

// jsdom has no EventSource: a stand-in records what the board opens and lets the test
// deliver the server's events (start, simulation, end) or a dropped connection.
class FakeEventSource {
  static opened: FakeEventSource[] = [];
  readonly listeners = new Map<string, ((event: MessageEvent) => void)[]>();
  closed = false;
  constructor(
    readonly url: string,
    readonly init?: EventSourceInit,
  ) {
    FakeEventSource.opened.push(this);
  }
  addEventListener(type: string, listener: (event: MessageEvent) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
  }
  emit(type: string, data?: unknown) {
    act(() => {
      for (const listener of this.listeners.get(type) ?? []) listener(new MessageEvent(type, { data: JSON.stringify(data) }));
    });
  }
}
const latest = () => FakeEventSource.opened.at(-1)!;

const START: SimulationStreamStart = {
  participants: [
    { id: "P1", name: "Ana Souza", type: "PEOPLE", extension: "1001", callParkId: "G1" },
    { id: "P2", name: "Bruno Lima", type: "PEOPLE", extension: "1002", callParkId: "G1" },
    { id: "H1", name: "Recepção", type: "HUNT_GROUP", extension: "2000", callParkId: null },
  ],
  destinations: [
    { extension: "5001", kind: "CALL_PARK_EXTENSION", id: "E1", name: "Park 1" },
    { extension: "5002", kind: "CALL_PARK_EXTENSION", id: "E2", name: "Park 2" },
    { extension: "1001", kind: "MEMBER", id: "P1", name: "Ana Souza" },
  ],
  recallTime: 45,
  huntWaitTime: 30,
  until: 120,
};
const SCRIPT: SimulationRequest = { steps: [{ at: 0, by: "P1", dial: "#58" }], until: 120 };

const event = (e: Partial<SimulationEvent> & Pick<SimulationEvent, "at" | "kind">): SimulationEvent => ({
  callId: null, extension: null, by: null, alerted: [], ringPattern: null, reason: null, ...e,
});

const slot = (name: string) => screen.getByText(name, { exact: true }).closest("li")!;
const status = () => screen.getByRole("status");

beforeEach(() => {
  FakeEventSource.opened = [];
  vi.stubGlobal("EventSource", FakeEventSource);
  // The clock reads performance.now(): frozen, the board's seconds are the events' own, until a test moves it.
  vi.useFakeTimers({ toFake: ["performance"] });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("ParkedCallsBoard", () => {
  it("opens the stream with the Play button's script, then shows each destination free or holding, live", async () => {
    await renderWithProviders(<ParkedCallsBoard locationId="L 1" script={SCRIPT} playing={1} />);
    expect(screen.getByText("Starting the live board…")).toBeInTheDocument();
    const url = new URL(latest().url, "http://localhost");
    expect(url.pathname).toBe(urlOf(api.callParks.simulateStream, { locationId: "L 1" }));
    expect(url.pathname).toContain("/locations/L%201/");
    expect(decodeSimulationScript(url.searchParams.get("script")!)).toEqual(SCRIPT);
    expect(url.searchParams.get("speed")).toBe("1");

    latest().emit("start", START);
    const list = screen.getByRole("list", { name: "Park destinations" });
    expect(within(list).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "5001 — Park 1Call park extensionFree",
      "5002 — Park 2Call park extensionFree",
      "1001 — Ana SouzaMember's extensionFree",
    ]);
    expect(screen.getByText("No calls parked")).toBeInTheDocument();

    latest().emit("simulation", event({ at: 0, kind: "PARKED", callId: "call-1", extension: "5001", by: "P1" }));
    latest().emit("simulation", event({ at: 0, kind: "ANNOUNCED", callId: "call-1", extension: "5001", by: "P1" }));
    expect(within(slot("5001 — Park 1")).getByText("Holding call 1 — parked by Ana Souza at 0 s — recall in 45 seconds")).toBeInTheDocument();
    expect(status()).toHaveTextContent("Call 1 parked on 5001 by Ana Souza.");
    expect(screen.getByText("1 call parked")).toBeInTheDocument();

    // Second 7: the countdown follows the simulation's clock.
    latest().emit("simulation", event({ at: 7, kind: "PARKED", callId: "call-2", extension: "5002", by: "P2" }));
    expect(screen.getByText("Second 7 of 120")).toBeInTheDocument();
    expect(within(slot("5001 — Park 1")).getByText(/recall in 38 seconds$/)).toBeInTheDocument();
    expect(within(slot("5002 — Park 2")).getByText("Holding call 2 — parked by Bruno Lima at 7 s — recall in 45 seconds")).toBeInTheDocument();

    // A retrieve frees the slot, and is announced.
    latest().emit("simulation", event({ at: 10, kind: "RETRIEVED", callId: "call-1", extension: "5001", by: "P2" }));
    expect(within(slot("5001 — Park 1")).getByText("Free")).toBeInTheDocument();
    expect(status()).toHaveTextContent("Call 1 retrieved from 5001, now free.");

    // A recall rings the parker; the call still holds its extension. A hunt group alert frees it.
    latest().emit("simulation", event({ at: 52, kind: "RECALLED_TO_PARKER", callId: "call-2", extension: "5002", by: "P2", alerted: ["P2"] }));
    expect(within(slot("5002 — Park 2")).getByText("Holding call 2 — parked by Bruno Lima at 7 s — ringing Bruno Lima since second 52")).toBeInTheDocument();
    // Not announced: only parks and frees are.
    expect(status()).toHaveTextContent("Call 1 retrieved from 5001, now free.");
    latest().emit("simulation", event({ at: 82, kind: "ALERTED_HUNT_GROUP", callId: "call-2", extension: "5002", by: "P2", alerted: ["H1"] }));
    expect(within(slot("5002 — Park 2")).getByText("Free")).toBeInTheDocument();
    expect(status()).toHaveTextContent("Call 2 went to the hunt group; 5002 is free.");
  });

  it("counts down between events at the chosen speed, closes the stream at its end and tells when the clock is done", async () => {
    const onDone = vi.fn();
    await renderWithProviders(<ParkedCallsBoard locationId="L1" script={SCRIPT} playing={1} onDone={onDone} />);
    latest().emit("start", START);
    latest().emit("simulation", event({ at: 0, kind: "PARKED", callId: "call-1", extension: "5001", by: "P1" }));
    latest().emit("end", { at: 0 });
    expect(latest().closed).toBe(true);
    expect(onDone).not.toHaveBeenCalled();
    // 20 s of real time at 1×: the clock and the countdown move on their own.
    act(() => vi.advanceTimersByTime(20_000));
    expect(await screen.findByText("Second 20 of 120")).toBeInTheDocument();
    expect(within(slot("5001 — Park 1")).getByText(/recall in 25 seconds$/)).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(200_000));
    expect(await screen.findByText("The simulation has ended.")).toBeInTheDocument();
    expect(screen.getByText("Second 120 of 120")).toBeInTheDocument();
    expect(onDone).toHaveBeenCalledTimes(1);
  });

  it("plays again at the speed chosen with the keyboard, and again on the next Play", async () => {
    const { user, rerender } = await renderWithProviders(<ParkedCallsBoard locationId="L1" script={SCRIPT} playing={1} />);
    const first = latest();
    expect(screen.getByRole("radio", { name: "1×" })).toBeChecked();
    await user.tab();
    expect(screen.getByRole("radio", { name: "1×" })).toHaveFocus();
    await user.keyboard("{ArrowRight}");
    expect(screen.getByRole("radio", { name: "10×" })).toBeChecked();
    expect(first.closed).toBe(true);
    expect(new URL(latest().url, "http://localhost").searchParams.get("speed")).toBe("10");
    await user.click(screen.getByRole("radio", { name: "60×" }));
    expect(new URL(latest().url, "http://localhost").searchParams.get("speed")).toBe("60");
    latest().emit("start", START);
    latest().emit("simulation", event({ at: 0, kind: "PARKED", callId: "call-1", extension: "5001", by: "P1" }));
    expect(screen.getByText("1 call parked")).toBeInTheDocument();

    // A new Play starts over, with an empty board until the new start.
    const opened = FakeEventSource.opened.length;
    rerender(<ParkedCallsBoard locationId="L1" script={SCRIPT} playing={2} />);
    expect(FakeEventSource.opened).toHaveLength(opened + 1);
    expect(FakeEventSource.opened[opened - 1].closed).toBe(true);
    expect(screen.queryByText("1 call parked")).not.toBeInTheDocument();
    expect(screen.getByText("Starting the live board…")).toBeInTheDocument();
  });

  it("says so when the connection drops before the end, and stops EventSource retrying", async () => {
    await renderWithProviders(<ParkedCallsBoard locationId="L1" script={SCRIPT} playing={1} />);
    latest().emit("start", START);
    latest().emit("error");
    expect(screen.getByRole("alert")).toHaveTextContent("The live board lost its connection to the server. Press Play to start again.");
    expect(latest().closed).toBe(true);
  });

  it("with Play's whole timeline, counts down to each call's next recall: the parker again, or the hunt group", async () => {
    const timeline = [
      event({ at: 0, kind: "PARKED", callId: "call-1", extension: "5001", by: "P1" }),
      event({ at: 0, kind: "PARKED", callId: "call-2", extension: "5002", by: "P2" }),
      event({ at: 45, kind: "RECALLED_TO_PARKER", callId: "call-1", extension: "5001", by: "P1", alerted: ["P1"] }),
      event({ at: 45, kind: "ALERTED_HUNT_GROUP", callId: "call-2", extension: "5002", by: "P2", alerted: ["H1"] }),
      event({ at: 90, kind: "RECALLED_TO_PARKER", callId: "call-1", extension: "5001", by: "P1", alerted: ["P1"] }),
    ];
    await renderWithProviders(<ParkedCallsBoard locationId="L1" script={SCRIPT} playing={1} timeline={timeline} />);
    latest().emit("start", START);
    latest().emit("simulation", timeline[0]);
    latest().emit("simulation", timeline[1]);
    expect(within(slot("5001 — Park 1")).getByText(/parked by Ana Souza at 0 s — recall in 45 seconds$/)).toBeInTheDocument();
    // Hunt group only: the countdown says where the call goes.
    expect(within(slot("5002 — Park 2")).getByText(/parked by Bruno Lima at 0 s — goes to the hunt group in 45 seconds$/)).toBeInTheDocument();
    latest().emit("simulation", timeline[2]);
    latest().emit("simulation", timeline[3]);
    // Parker only: ringing, and a countdown to the next ring-back a Recall Timer later.
    expect(within(slot("5001 — Park 1")).getByText("Holding call 1 — parked by Ana Souza at 0 s — ringing Ana Souza since second 45 — rings back again in 45 seconds")).toBeInTheDocument();
    latest().emit("simulation", timeline[4]);
    // Nothing more before the end: no countdown.
    expect(within(slot("5001 — Park 1")).getByText("Holding call 1 — parked by Ana Souza at 0 s — ringing Ana Souza since second 90")).toBeInTheDocument();
  });

  it("speaks Brazilian Portuguese", async () => {
    await renderWithProviders(<ParkedCallsBoard locationId="L1" script={SCRIPT} playing={1} />, { language: "pt-BR" });
    latest().emit("start", START);
    latest().emit("simulation", event({ at: 0, kind: "PARKED", callId: "call-1", extension: "5001", by: "P1" }));
    expect(within(slot("5001 — Park 1")).getByText("Com a chamada 1 — estacionada por Ana Souza no segundo 0 — retorno em 45 segundos")).toBeInTheDocument();
    expect(within(slot("5002 — Park 2")).getByText("Livre")).toBeInTheDocument();
    expect(status()).toHaveTextContent("Chamada 1 estacionada em 5001 por Ana Souza.");
  });
});

import type { SimulationEvent, SimulationParticipant, SimulationResult } from "@domain/schemas/simulation";

// What the picture and the list both read from a simulation's answer: one lane per call,
// and names for the ids the events carry.

/** "call-3" → 3: the number the screens show. */
export const callNumber = (callId: string) => Number(callId.replace(/^\D+/, "")) || callId;

export interface Lane {
  callId: string;
  /** Who parked (or tried to). */
  parkerId: string | null;
  /** Where it parked, if it did. */
  extension: string | null;
  events: SimulationEvent[];
  /** The second its story starts and stops on the chart (the end of the run while it is still parked). */
  from: number;
  to: number;
  failed: boolean;
}

/** Kinds that end a call's time on the chart: it left the park. */
const ENDS = new Set(["RETRIEVED", "ANSWERED", "PARK_FAILED", "ALERTED_HUNT_GROUP"]);

export function lanesOf(result: Pick<SimulationResult, "events" | "until">): Lane[] {
  const lanes = new Map<string, Lane>();
  for (const event of result.events) {
    if (!event.callId) continue;
    let lane = lanes.get(event.callId);
    if (!lane) {
      lane = { callId: event.callId, parkerId: event.by, extension: null, events: [], from: event.at, to: result.until, failed: false };
      lanes.set(event.callId, lane);
    }
    lane.events.push(event);
    if (event.kind === "PARKED") lane.extension = event.extension;
    if (event.kind === "PARK_FAILED") lane.failed = true;
  }
  for (const lane of lanes.values()) {
    const end = lane.events.find((e) => ENDS.has(e.kind));
    lane.to = end ? end.at : result.until;
  }
  return [...lanes.values()].sort((a, b) => (callNumber(a.callId) as number) - (callNumber(b.callId) as number));
}

/** An id's name as the participants list gives it; the id itself for one it does not know. */
export function namer(participants: SimulationParticipant[]) {
  const byId = new Map(participants.map((p) => [p.id, p.name]));
  return (id: string | null | undefined) => (id ? (byId.get(id) ?? id) : "");
}

/** The seconds marked on the axis: about six steps of a round size. */
export function ticksOf(until: number): number[] {
  const step = [10, 15, 30, 60, 120, 300, 600].find((s) => until / s <= 8) ?? 600;
  const ticks: number[] = [];
  for (let s = 0; s <= until; s += step) ticks.push(s);
  return ticks;
}

import type { SimulationDestination, SimulationEvent } from "@domain/schemas/simulation";

// What the Parked calls board shows, from the events received so far: each destination
// free or holding a call. Pure, so the board and its tests read the same answer.

export interface HeldCall {
  callId: string;
  /** Who parked it (their id). */
  parker: string;
  /** The second it was parked. */
  since: number;
  /** The second of its first recall: parked + the Recall Timer, whatever the recall option. */
  recallAt: number;
  /** Once recalled, the second it last started ringing the parker (it still holds the extension). */
  ringingSince: number | null;
}

export interface BoardSlot {
  destination: SimulationDestination;
  held: HeldCall | null;
}

/** Applies one event to the slots by extension (a new map when something changed). */
export function applyEvent(slots: ReadonlyMap<string, HeldCall>, event: SimulationEvent, recallTime: number): ReadonlyMap<string, HeldCall> {
  const { extension, callId } = event;
  if (!extension || !callId) return slots;
  const held = slots.get(extension);
  switch (event.kind) {
    case "PARKED": {
      const next = new Map(slots);
      next.set(extension, { callId, parker: event.by ?? "", since: event.at, recallAt: event.at + recallTime, ringingSince: null });
      return next;
    }
    case "RECALLED_TO_PARKER": {
      if (held?.callId !== callId) return slots;
      return new Map(slots).set(extension, { ...held, ringingSince: event.at });
    }
    // A retrieve or an answer ends the call; a hunt group alert takes it out of park.
    case "RETRIEVED":
    case "ANSWERED":
    case "ALERTED_HUNT_GROUP": {
      if (held?.callId !== callId) return slots;
      const next = new Map(slots);
      next.delete(extension);
      return next;
    }
    default:
      return slots;
  }
}

/** Every destination, in the server's order, with the call it holds after `events` (or none). */
export function boardState(destinations: readonly SimulationDestination[], events: readonly SimulationEvent[], recallTime: number): BoardSlot[] {
  let slots: ReadonlyMap<string, HeldCall> = new Map();
  for (const event of events) slots = applyEvent(slots, event, recallTime);
  return destinations.map((destination) => ({ destination, held: slots.get(destination.extension) ?? null }));
}

/** "call-2" → "2", as the screens number calls. */
export const callNumber = (callId: string) => callId.replace(/^call-/, "");

/** What comes next to a held call: rung back to the parker again, or sent to the hunt group, and when. */
export interface NextRecall {
  at: number;
  to: "PARKER" | "HUNT_GROUP";
}

/**
 * The next recall of `callId` after second `now`, read ahead in the whole timeline the same
 * script gave (Play's answer): the board's countdown then follows the call's own recall
 * option (again after the Recall Timer, or to the hunt group after the Wait Time) rather
 * than the first recall only. Null when nothing more happens to it before the end.
 */
export function nextRecall(timeline: readonly SimulationEvent[], callId: string, now: number): NextRecall | null {
  const next = timeline.find((e) => e.callId === callId && e.at > now && (e.kind === "RECALLED_TO_PARKER" || e.kind === "ALERTED_HUNT_GROUP"));
  if (!next) return null;
  return { at: next.at, to: next.kind === "ALERTED_HUNT_GROUP" ? "HUNT_GROUP" : "PARKER" };
}

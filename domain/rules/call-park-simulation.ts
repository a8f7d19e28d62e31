// The call park simulator's rules: what happens, second by second, to the calls a script
// parks at one location (domain.md, "Call park: the domain"). Pure functions over a plain
// description of the location, so the server plays the saved configuration and a form can
// play the one it is about to save, with the same answer.
import type {
  SimulationDestination,
  SimulationEvent,
  SimulationEventKind,
  SimulationLineAppearance,
  SimulationParticipant,
  SimulationReason,
  SimulationStep,
} from "@domain/schemas/simulation";
import { PARK_DIRECT_CODE, PARK_GROUP_CODE, RETRIEVE_CODE } from "@domain/schemas/simulation";
import type { RecallOption, RingPattern } from "./recall";

export interface SimulationRecall {
  option: RecallOption;
  huntGroupId: string | null;
}

/** A location as the simulator needs it: its Call Park Settings, groups, members, call park extensions and hunt groups. */
export interface SimulationConfig {
  settings: {
    /** The recall of Call Park Direct. */
    recall: SimulationRecall;
    ringPattern: RingPattern;
    recallTime: number;
    huntWaitTime: number;
  };
  groups: {
    id: string;
    name: string;
    recall: SimulationRecall;
    /** Member ids, in order. */
    members: string[];
    /** Call park extension ids, in hunting order. */
    callParkExtensions: string[];
    parkOnAgentsEnabled: boolean;
  }[];
  members: { id: string; name: string; type: "PEOPLE" | "PLACE" | "VIRTUAL_LINE"; extension: string | null }[];
  callParkExtensions: { id: string; name: string; extension: string }[];
  huntGroups: { id: string; name: string; extension: string | null }[];
  /** Lines that appear on other phones (shared or monitored), as a script says: not in the public API. */
  lineAppearances?: readonly SimulationLineAppearance[];
}

/**
 * Where a call stands. PARKED and RINGING_PARKER hold their extension (the call can be
 * retrieved there); WITH_HUNT_GROUP has left park; ENDED is retrieved or answered.
 */
type CallState = "PARKED" | "RINGING_PARKER" | "WITH_HUNT_GROUP" | "ENDED";

interface Call {
  id: string;
  parker: string;
  extension: string;
  state: CallState;
  /** The recall it follows, with a hunt group that exists (or null). */
  option: RecallOption;
  huntGroupId: string | null;
  /** A hunt-group option whose hunt group is missing: the parker is recalled instead. */
  noHuntGroup: boolean;
  /** The next recall: when, and whether it rings the parker or the hunt group. */
  next: { at: number; to: "PARKER" | "HUNT_GROUP" } | null;
}

/** Splits a dial into its code and the extension after it (a space between is allowed). */
export function parseDial(dial: string): { code: string; extension: string | null } {
  const trimmed = dial.replace(/\s+/g, "");
  if (trimmed === PARK_GROUP_CODE) return { code: PARK_GROUP_CODE, extension: null };
  return { code: trimmed.slice(0, 3), extension: trimmed.slice(3) || null };
}

/** Every place a call can park: the call park extensions, then the members' own extensions. */
export function simulationDestinations(config: SimulationConfig): SimulationDestination[] {
  return [
    ...config.callParkExtensions.map((c) => ({ extension: c.extension, kind: "CALL_PARK_EXTENSION" as const, id: c.id, name: c.name })),
    ...config.members.flatMap((m) => (m.extension ? [{ extension: m.extension, kind: "MEMBER" as const, id: m.id, name: m.name }] : [])),
  ];
}

/** Who may take part (members) or be alerted (hunt groups), with the group each member belongs to. */
export function simulationParticipants(config: SimulationConfig): SimulationParticipant[] {
  return [
    ...config.members.map((m) => ({ ...m, callParkId: groupOf(config, m.id)?.id ?? null })),
    ...config.huntGroups.map((h) => ({ ...h, type: "HUNT_GROUP" as const, callParkId: null })),
  ];
}

function groupOf(config: SimulationConfig, memberId: string) {
  return config.groups.find((g) => g.members.includes(memberId));
}

/** A group's park destinations in hunting order: its call park extensions, or its members' extensions. */
export function groupDestinations(config: SimulationConfig, group: SimulationConfig["groups"][number]): string[] {
  if (group.parkOnAgentsEnabled) {
    const byId = new Map(config.members.map((m) => [m.id, m.extension]));
    return group.members.flatMap((id) => byId.get(id) ?? []);
  }
  const byId = new Map(config.callParkExtensions.map((c) => [c.id, c.extension]));
  return group.callParkExtensions.flatMap((id) => byId.get(id) ?? []);
}

/**
 * Plays `steps` (each at its second; those of one second in the order given) over the
 * location `config` up to second `until`, and answers what happened, in order of time
 * and, within a second, in the order it happened. A recall due at a step's second
 * happens before the step, so a call recalled at that second can be answered in it.
 */
export function simulate(config: SimulationConfig, steps: readonly SimulationStep[], until: number): SimulationEvent[] {
  const { ringPattern } = config.settings;
  const lineAppearances = config.lineAppearances ?? [];
  // Timers of at least a second, so that every recall moves time forward.
  const recallTime = Math.max(1, config.settings.recallTime);
  const huntWaitTime = Math.max(1, config.settings.huntWaitTime);
  const events: SimulationEvent[] = [];
  const calls: Call[] = [];
  const huntGroupIds = new Set(config.huntGroups.map((h) => h.id));
  const parkable = new Set(simulationDestinations(config).map((d) => d.extension));

  const emit = (at: number, kind: SimulationEventKind, call: { callId: string | null; extension: string | null; by: string | null }, more: Partial<SimulationEvent> = {}) =>
    events.push({ at, kind, ...call, alerted: [], ringPattern: null, reason: null, ...more });
  const holder = (extension: string) => calls.find((c) => c.extension === extension && (c.state === "PARKED" || c.state === "RINGING_PARKER"));

  // Every park attempt, failed or not, numbers a call, so the script's calls keep their ids.
  let attempts = 0;
  const nextCallId = () => `call-${++attempts}`;

  const park = (at: number, parker: string, extension: string, recall: SimulationRecall) => {
    const huntGroupId = recall.huntGroupId && huntGroupIds.has(recall.huntGroupId) ? recall.huntGroupId : null;
    // A hunt-group option without its hunt group (deleted since) falls back to ringing the parker.
    const noHuntGroup = recall.option !== "ALERT_PARKING_USER_ONLY" && huntGroupId === null;
    const option = noHuntGroup ? "ALERT_PARKING_USER_ONLY" : recall.option;
    const to = option === "ALERT_HUNT_GROUP_ONLY" ? "HUNT_GROUP" : "PARKER";
    const call: Call = { id: nextCallId(), parker, extension, state: "PARKED", option, huntGroupId, noHuntGroup, next: { at: at + recallTime, to } };
    calls.push(call);
    emit(at, "PARKED", { callId: call.id, extension, by: parker });
    return call;
  };
  const failedPark = (at: number, by: string, extension: string | null, reason: SimulationReason) =>
    emit(at, "PARK_FAILED", { callId: nextCallId(), extension, by }, { reason });

  const recall = (call: Call) => {
    const next = call.next!;
    const who = { callId: call.id, extension: call.extension, by: call.parker };
    const reason = call.noHuntGroup ? "NO_HUNT_GROUP" : null;
    if (next.to === "PARKER") {
      // The parker's line on other phones shows the reverted call too.
      const notified = [...new Set(lineAppearances.filter((l) => l.owner === call.parker && l.shownOn !== call.parker).map((l) => l.shownOn))];
      emit(next.at, "RECALLED_TO_PARKER", who, { alerted: [call.parker], ringPattern, reason, ...(notified.length ? { notified } : {}) });
      call.state = "RINGING_PARKER";
      call.next = call.option === "ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP"
        ? { at: next.at + huntWaitTime, to: "HUNT_GROUP" }
        : { at: next.at + recallTime, to: "PARKER" };
    } else {
      // The call leaves park for the hunt group's routing and never reverts again.
      emit(next.at, "ALERTED_HUNT_GROUP", who, { alerted: [call.huntGroupId!] });
      call.state = "WITH_HUNT_GROUP";
      call.next = null;
    }
  };
  /** Every recall due by second `t`, earliest first (calls of one second in the order they were parked). */
  const recallUntil = (t: number) => {
    for (;;) {
      const due = calls.filter((c) => c.next && c.next.at <= t);
      if (due.length === 0) return;
      const at = Math.min(...due.map((c) => c.next!.at));
      due.filter((c) => c.next!.at === at).forEach(recall);
    }
  };

  const ordered = steps.map((step, index) => ({ step, index })).sort((a, b) => a.step.at - b.step.at || a.index - b.index);
  for (const { step } of ordered) {
    if (step.at > until) break;
    recallUntil(step.at);
    if ("answer" in step) {
      const call = calls.find((c) => c.id === step.answer);
      const ringing = call && ((call.state === "RINGING_PARKER" && call.parker === step.by) || call.state === "WITH_HUNT_GROUP");
      const who = { callId: step.answer, extension: call?.extension ?? null, by: step.by };
      if (!call || !ringing) {
        emit(step.at, "ANSWER_FAILED", who, { reason: "NOT_RINGING" });
        continue;
      }
      call.state = "ENDED";
      call.next = null;
      emit(step.at, "ANSWERED", who);
      continue;
    }
    const { code, extension } = parseDial(step.dial);
    if (code === PARK_GROUP_CODE) {
      const group = groupOf(config, step.by);
      if (!group) {
        failedPark(step.at, step.by, null, "NOT_A_MEMBER");
        continue;
      }
      const destinations = groupDestinations(config, group);
      // Hunting always starts at the first destination, whatever was taken or freed before.
      const free = destinations.find((d) => !holder(d));
      if (!free) {
        failedPark(step.at, step.by, null, destinations.length ? "ALL_DESTINATIONS_BUSY" : "NO_DESTINATIONS");
        continue;
      }
      const call = park(step.at, step.by, free, group.recall);
      emit(step.at, "ANNOUNCED", { callId: call.id, extension: free, by: step.by });
    } else if (code === PARK_DIRECT_CODE && extension) {
      if (!parkable.has(extension)) failedPark(step.at, step.by, extension, "UNKNOWN_EXTENSION");
      else if (holder(extension)) failedPark(step.at, step.by, extension, "DESTINATION_BUSY");
      else park(step.at, step.by, extension, config.settings.recall);
    } else if (code === RETRIEVE_CODE && extension) {
      const call = holder(extension);
      if (call) {
        call.state = "ENDED";
        call.next = null;
        emit(step.at, "RETRIEVED", { callId: call.id, extension, by: step.by });
      } else {
        const reason = parkable.has(extension) ? "NOTHING_PARKED" : "UNKNOWN_EXTENSION";
        emit(step.at, "RETRIEVE_FAILED", { callId: null, extension, by: step.by }, { reason });
      }
    }
  }
  recallUntil(until);
  return events;
}

import { z } from "zod";
import { orgIdSchema } from "./org-query";
import type { SimulationRequest, SimulationResult } from "./simulation";

// The call park simulator played as a stream of server-sent events (ours): the same script
// as POST …/callParks/actions/simulate/invoke, answered event by event at its time, so a
// board can show the location's destinations changing live. EventSource can only GET, so
// the script travels in the query, base64url-encoded JSON.

/** How much faster than real time a stream may play: 60× plays an hour in a minute. */
export const SIMULATION_MAX_SPEED = 60;
/** The speeds the Parked calls board offers. */
export const SIMULATION_SPEEDS = [1, 10, SIMULATION_MAX_SPEED] as const;
/** The longest script the query takes (100 steps with overrides fit; a URL stays under the usual 16 KB). */
export const SIMULATION_SCRIPT_MAX_LENGTH = 12_000;

export const simulationStreamQuerySchema = z.object({
  /** The POST's body as base64url JSON; none plays an empty script (nothing happens). */
  script: z.string({ error: "invalidType" }).max(SIMULATION_SCRIPT_MAX_LENGTH, { error: "tooLong" }).optional(),
  speed: z.coerce
    .number({ error: "invalidType" })
    .int({ error: "notInteger" })
    .min(1, { error: "tooSmall" })
    .max(SIMULATION_MAX_SPEED, { error: "tooBig" })
    .default(1),
  orgId: orgIdSchema,
});

/** The stream's event names: `start` (who and where), each `simulation` event, `end`. */
export const SIMULATION_STREAM_EVENTS = { start: "start", event: "simulation", end: "end" } as const;

/** The `start` event's data: the POST's answer without its events. */
export type SimulationStreamStart = Omit<SimulationResult, "events">;

const toBase64Url = (base64: string) => base64.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

/** The script as the stream's `script` parameter: UTF-8 JSON in base64url (names may hold any letter). */
export function encodeSimulationScript(body: SimulationRequest): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(JSON.stringify(body))) binary += String.fromCharCode(byte);
  return toBase64Url(btoa(binary));
}

/** The script back from the `script` parameter; undefined when it is not base64url JSON. */
export function decodeSimulationScript(script: string): unknown {
  if (!/^[A-Za-z0-9_-]*$/.test(script)) return undefined;
  try {
    const binary = atob(script.replace(/-/g, "+").replace(/_/g, "/"));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes)) as unknown;
  } catch {
    return undefined;
  }
}

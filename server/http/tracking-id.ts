import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";

/** Printable ASCII, bounded: anything else is not echoed into headers, bodies and logs. */
const WELL_FORMED = /^[\x20-\x7E]{1,200}$/;

/**
 * The request's id, as Webex's `TrackingID`: the caller's own when it sends a
 * well-formed one (so its logs and ours name the same call), otherwise a new one.
 */
export function trackingIdOf(request: IncomingMessage): string {
  const sent = request.headers.trackingid;
  return typeof sent === "string" && WELL_FORMED.test(sent) ? sent : `CPA_${randomUUID()}`;
}

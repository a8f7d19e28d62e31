import { PassThrough } from "node:stream";
import type { FastifyReply, FastifyRequest } from "fastify";
import { simulationRequestSchema, type SimulationRequestBody, type SimulationResult } from "@domain/schemas/simulation";
import { decodeSimulationScript, SIMULATION_STREAM_EVENTS, type SimulationStreamStart } from "@domain/schemas/simulation-stream";
import { toFieldIssues } from "@domain/schemas/issues";
import { RequestValidationError } from "@server/http/validation";

// A simulation played as server-sent events. The whole timeline is worked out first (by the
// same service as the POST, so a bad script is refused with the same 400 before any byte of
// the stream), then each event is sent when its second comes, divided by the speed. Nothing
// is kept between requests: whichever instance answers plays the same timeline.

/** A comment line every so often, so that proxies do not close a stream that is quiet for a while. */
export const HEARTBEAT_MS = 15_000;

let openStreams = 0;
/** Streams still playing in this process: the tests check that a client going away stops its timers. */
export const openSimulationStreams = () => openStreams;

/** The `script` parameter as the POST's body, checked by the POST's schema (the same issues, the same paths). */
export function scriptOf(script: string | undefined): SimulationRequestBody {
  const data = script === undefined ? { steps: [] } : decodeSimulationScript(script);
  if (data === undefined) throw new RequestValidationError([{ path: ["script"], code: "invalidValue" }]);
  const parsed = simulationRequestSchema.safeParse(data);
  if (!parsed.success) throw new RequestValidationError(toFieldIssues(parsed.error, data));
  return parsed.data;
}

/** Whether the client asks for the stream (EventSource sends `Accept: text/event-stream`). */
export const wantsEventStream = (request: FastifyRequest) => /\btext\/event-stream\b/i.test(request.headers.accept ?? "");

const frame = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/**
 * Sets the reply up as an event stream and answers the stream to send: `start`, each event
 * at `at / speed` seconds after it, then `end` right after the last one (the client's clock
 * may run on to `until`, but nothing more happens). A client that goes away stops it.
 */
export function playSimulation(reply: FastifyReply, result: SimulationResult, speed: number): PassThrough {
  const { events, ...start } = result;
  const stream = new PassThrough();
  reply
    .type("text/event-stream; charset=utf-8")
    // Never kept, and never held back by a buffering proxy (nginx reads X-Accel-Buffering).
    // @fastify/compress leaves text/event-stream alone, so each event leaves at once.
    .header("cache-control", "no-store")
    .header("x-accel-buffering", "no");
  openStreams++;
  const startedAt = Date.now();
  let next = 0;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const heartbeat = setInterval(() => stream.write(": ping\n\n"), HEARTBEAT_MS);

  const stop = () => {
    if (stopped) return;
    stopped = true;
    openStreams--;
    clearTimeout(timer);
    clearInterval(heartbeat);
    if (!stream.writableEnded) stream.end();
  };
  // One timer at a time, each aimed at its event's time from the start, so delays do not add up.
  const sendDue = () => {
    if (stopped) return;
    const now = Date.now();
    while (next < events.length && startedAt + (events[next].at * 1000) / speed <= now) {
      stream.write(frame(SIMULATION_STREAM_EVENTS.event, events[next++]));
    }
    if (next < events.length) {
      timer = setTimeout(sendDue, startedAt + (events[next].at * 1000) / speed - now);
      return;
    }
    stream.write(frame(SIMULATION_STREAM_EVENTS.end, { at: events.at(-1)?.at ?? 0 }));
    stop();
  };

  // The response's close, not the request's: a GET's request closes once it is read.
  reply.raw.once("close", stop);
  stream.write(frame(SIMULATION_STREAM_EVENTS.start, start satisfies SimulationStreamStart));
  sendDue();
  return stream;
}

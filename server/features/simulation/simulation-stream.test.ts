import http from "node:http";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import type { SimulationRequest } from "@domain/schemas/simulation";
import { encodeSimulationScript } from "@domain/schemas/simulation-stream";
import { freePort } from "@server/test/free-port";
import { signIn } from "@server/test/sessions";
import { startTestServer, TEST_ADMIN_TOKEN, type TestServer } from "@server/test/test-server";
import { createGroup, fixture } from "@server/features/call-parks/test-helpers";
import { HEARTBEAT_MS, openSimulationStreams } from "./simulation-stream";

// Real HTTP: the stream is read as a browser's EventSource reads it, chunk by chunk.

let server: TestServer;
let base: string;

beforeEach(async () => {
  server = await startTestServer();
  const port = await freePort();
  await server.app.listen({ port, host: "127.0.0.1" });
  base = `http://127.0.0.1:${port}`;
});
afterEach(async () => {
  await server.close();
});

const ADMIN = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
/** As EventSource asks. */
const STREAM = { ...ADMIN, accept: "text/event-stream" };

interface SseMessage {
  event: string;
  data: unknown;
}

/** Reads a whole event stream: its messages in order, and the comment lines (heartbeats) apart. */
async function readStream(res: Response, onMessage?: (m: SseMessage) => void): Promise<SseMessage[]> {
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  const messages: SseMessage[] = [];
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return messages;
    buffer += value;
    let cut;
    while ((cut = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const lines = block.split("\n").filter((l) => !l.startsWith(":"));
      if (lines.length === 0) continue;
      const event = lines.find((l) => l.startsWith("event: "))?.slice(7) ?? "message";
      const data = JSON.parse(lines.filter((l) => l.startsWith("data: ")).map((l) => l.slice(6)).join("\n")) as unknown;
      messages.push({ event, data });
      onMessage?.({ event, data });
    }
  }
}

const streamUrl = (locationId: string, query: Record<string, string>) => base + urlOf(api.callParks.simulateStream, { locationId }, query);

async function frontDesk() {
  const f = await fixture(server.db);
  const callParkId = await createGroup(server, f.locationId, {
    name: "Front desk",
    recall: { option: "ALERT_PARKING_USER_ONLY" },
    agents: f.people.slice(0, 3),
    callParkExtensions: f.extensions.slice(0, 3),
  });
  return { ...f, callParkId };
}

describe("GET …/callParks/actions/simulate/stream", () => {
  it("plays the POST's timeline as server-sent events, in its order, uncompressed, over the session cookie", async () => {
    const f = await frontDesk();
    const script: SimulationRequest = {
      steps: [...f.people.slice(0, 3).map((by) => ({ at: 0, by, dial: "#58" })), { at: 2, by: f.people[3], dial: "*88 5002" }],
      until: 90,
      overrides: { callParkSettings: { callParkSettings: { recallTime: 30 } } },
    };
    const post = await server.app.inject({ method: "POST", url: urlOf(api.callParks.simulate, { locationId: f.locationId }), payload: script });
    expect(post.statusCode, post.body).toBe(200);
    const { events, ...start } = post.json() as { events: unknown[] };
    expect(events).toHaveLength(6 + 1 + 6);

    // EventSource sends the session cookie, nothing else; a read-only administrator may play.
    const readOnly = await signIn(server, "readOnly");
    const startedAt = Date.now();
    const res = await fetch(streamUrl(f.locationId, { script: encodeSimulationScript(script), speed: "60" }), {
      headers: { ...readOnly.read, accept: "text/event-stream", "accept-encoding": "br, gzip" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(res.headers.get("content-encoding")).toBeNull();
    expect(res.headers.get("cache-control")).toBe("no-store");
    const messages = await readStream(res);
    expect(messages.map((m) => m.event)).toEqual(["start", ...events.map(() => "simulation"), "end"]);
    expect(messages[0].data).toEqual(start);
    expect(messages.slice(1, -1).map((m) => m.data)).toEqual(events);
    expect(messages.at(-1)!.data).toEqual({ at: 90 });
    // The last event is at second 90: at 60× it cannot have come before 1.5 s.
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(1490);
    expect(openSimulationStreams()).toBe(0);
  });

  it("refuses a bad script with the POST's own 400 before any stream starts", async () => {
    const f = await frontDesk();
    const bad = { steps: [{ at: 0, by: f.people[0], dial: "*58" }, { at: 1, by: "nobody", dial: "#58" }] };
    const post = await server.app.inject({ method: "POST", url: urlOf(api.callParks.simulate, { locationId: f.locationId }), payload: bad });
    const get = await fetch(streamUrl(f.locationId, { script: encodeSimulationScript(bad) }), { headers: STREAM });
    expect(get.status).toBe(400);
    expect(get.headers.get("content-type")).toMatch(/^application\/json/);
    const body = (await get.json()) as { code: string; issues: unknown[] };
    expect(body.code).toBe("validation");
    expect(body.issues).toEqual([{ path: ["steps", 0, "dial"], code: "invalidDial" }]);
    expect(body.issues).toEqual(post.json().issues);
    // A step by someone not of the location: refused by the service, as the POST refuses it.
    const stranger = { steps: [{ at: 1, by: "nobody", dial: "#58" }] };
    const refused = await fetch(streamUrl(f.locationId, { script: encodeSimulationScript(stranger) }), { headers: STREAM });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { issues: unknown[] }).issues).toEqual([{ path: ["steps", 0, "by"], code: "memberNotFound" }]);

    const garbage = await fetch(streamUrl(f.locationId, { script: "not json!" }), { headers: STREAM });
    expect(garbage.status).toBe(400);
    expect(((await garbage.json()) as { issues: unknown[] }).issues).toEqual([{ path: ["script"], code: "invalidValue" }]);
    const tooFast = await fetch(streamUrl(f.locationId, { speed: "61" }), { headers: STREAM });
    expect(tooFast.status).toBe(400);
    expect(((await tooFast.json()) as { issues: unknown[] }).issues).toEqual([{ path: ["speed"], code: "tooBig", params: { max: 60 } }]);
    const nowhere = await fetch(streamUrl("bm93aGVyZQ", {}), { headers: STREAM });
    expect(nowhere.status).toBe(404);
    expect(openSimulationStreams()).toBe(0);
  });

  it("answers a client that does not ask for the stream the whole timeline at once, as the POST does", async () => {
    const f = await frontDesk();
    const script = { steps: [{ at: 0, by: f.people[0], dial: "#58" }], until: 100 };
    const post = await server.app.inject({ method: "POST", url: urlOf(api.callParks.simulate, { locationId: f.locationId }), payload: script });
    const get = await fetch(streamUrl(f.locationId, { script: encodeSimulationScript(script), speed: "1" }), { headers: ADMIN });
    expect(get.status).toBe(200);
    expect(get.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await get.json()).toEqual(post.json());
    expect(openSimulationStreams()).toBe(0);
  });

  it("with no script, says who and where and ends at once", async () => {
    const f = await frontDesk();
    const messages = await readStream(await fetch(streamUrl(f.locationId, {}), { headers: STREAM }));
    expect(messages.map((m) => m.event)).toEqual(["start", "end"]);
    expect((messages[0].data as { destinations: unknown[] }).destinations).toHaveLength(47);
  });

  it("stops its timers when the client goes away, and the server then closes promptly", async () => {
    const f = await frontDesk();
    // Real time: the first recall would come 45 s later.
    const script = { steps: [{ at: 0, by: f.people[0], dial: "#58" }], until: 3600 };
    // node:http, to drop the connection itself as a closed browser tab does.
    const request = http.get(streamUrl(f.locationId, { script: encodeSimulationScript(script) }), { headers: STREAM });
    const received = await new Promise<string>((resolve, reject) => {
      request.on("response", (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          text += chunk;
          if (text.split("\n\n").length > 3) resolve(text);
        });
      });
      request.on("error", reject);
    });
    expect(received.match(/^event: \w+$/gm)).toEqual(["event: start", "event: simulation", "event: simulation"]);
    expect(openSimulationStreams()).toBe(1);
    request.destroy();
    await vi.waitFor(() => expect(openSimulationStreams()).toBe(0));
  });

  it("sends a heartbeat comment while nothing happens", async () => {
    const f = await frontDesk();
    const script = { steps: [{ at: 0, by: f.people[0], dial: "#58" }], until: 3600 };
    // Only the intervals are faked: the heartbeat comes when the test moves them on.
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    try {
      const request = http.get(streamUrl(f.locationId, { script: encodeSimulationScript(script) }), { headers: STREAM });
      let text = "";
      const seen = (what: string) =>
        new Promise<void>((resolve, reject) => {
          const check = () => text.includes(what) && resolve();
          request.on("response", (res) => {
            res.setEncoding("utf8");
            res.on("data", (chunk: string) => {
              text += chunk;
              check();
            });
          });
          request.on("error", reject);
        });
      await seen("event: simulation\ndata: {\"at\":0,\"kind\":\"ANNOUNCED\"");
      expect(text).not.toContain(": ping");
      const ping = new Promise<void>((resolve) => {
        const poll = () => (text.includes("\n: ping\n\n") ? resolve() : setImmediate(poll));
        poll();
      });
      vi.advanceTimersByTime(HEARTBEAT_MS);
      await ping;
      request.destroy();
      await vi.waitFor(() => expect(openSimulationStreams()).toBe(0));
    } finally {
      vi.useRealTimers();
    }
  });
});

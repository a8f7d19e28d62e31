import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { tableCounts } from "@server/features/import-jobs/test-helpers";
import { expectApiError } from "@server/test/api-error";
import { asInjected, type RawAnswer, request, sharedHeaders } from "@server/test/raw-http";
import { locationIdOf, startTestServer, TEST_ADMIN_TOKEN, totals, type TestServer } from "@server/test/test-server";

// A request body that trickles in is cut off with 408 once the app's body timeout
// (300 ms here) has passed, in the Webex body, with the headers of every answer.

const BODY_TIMEOUT_MS = 300;
const auth = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };

let server: TestServer;
let base: string;
let locationId: string;
/** What the app logged at warn and above: a request answered twice would show here. */
let warnings: string[];
beforeEach(async () => {
  warnings = [];
  const stream = { write: (line: string) => warnings.push(JSON.parse(line).msg) };
  server = await startTestServer({ bodyTimeoutMs: BODY_TIMEOUT_MS, logger: { level: "warn", stream } });
  // A route whose body parser never starts reading: an answer that cannot come from a reader's error.
  server.app.addContentTypeParser("application/x-held", () => {});
  server.app.post("/test/held", async () => ({}));
  await server.app.listen({ host: "127.0.0.1", port: 0 });
  base = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
  locationId = await locationIdOf(server.db, "San Jose HQ");
});
afterEach(async () => {
  server.app.server.closeAllConnections();
  await server.close();
});

interface Trickled extends RawAnswer {
  /** Settles when the server has closed the connection. */
  closed: Promise<void>;
}

/**
 * Sends `start`, then one more byte every 50 ms of a body announced far longer, and
 * resolves with the answer as soon as it comes; the trickle stops when the connection closes.
 */
function trickle(url: string, headers: http.OutgoingHttpHeaders, start: Buffer | string): Promise<Trickled> {
  return new Promise((resolve, reject) => {
    // A client that would keep the connection: only the server's choice closes it.
    const agent = new http.Agent({ keepAlive: true });
    const req = http.request(url, { method: "POST", headers: { ...headers, "content-length": 100_000 }, agent });
    let answered = false;
    const closed = new Promise<void>((settle) => req.on("socket", (socket) => socket.on("close", () => settle())));
    const drip = setInterval(() => req.write("x"), 50);
    closed.then(() => {
      clearInterval(drip);
      agent.destroy();
    });
    req.on("error", (error) => {
      // Writing on after the server closed the connection is expected once it has answered.
      if (!answered) reject(error);
    });
    req.on("response", (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString(), reusedSocket: false, closed }));
    });
    req.write(start);
  });
}

async function expectCutOff(res: Trickled) {
  const body = expectApiError(asInjected(res), "requestTimeout");
  expect(body.errors[0].description).toBe(body.message);
  expect(res.headers.connection).toBe("close");
  const normal = await request(`${base}/nope`);
  expect(sharedHeaders(res.headers)).toEqual(sharedHeaders(normal.headers));
  expect(Object.keys(sharedHeaders(res.headers))).toEqual(expect.arrayContaining(["content-security-policy", "x-frame-options"]));
  await res.closed;
  expect(warnings).toEqual([]);
}

describe("a request body that trickles in", () => {
  it("is cut off with 408 on a JSON endpoint, and nothing is written", { timeout: 10_000 }, async () => {
    const before = await totals(server.db);
    const res = await trickle(`${base}${urlOf(api.callParkExtensions.create, { locationId })}`, { ...auth, "content-type": "application/json" }, '{"name":"');
    await expectCutOff(res);
    expect(await totals(server.db)).toEqual(before);
  });

  it("is cut off with 408 on a multipart upload, and no job is made", { timeout: 10_000 }, async () => {
    const before = await tableCounts(server.db);
    const boundary = "----CallParkAdminSlowBoundary";
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="slow.csv"\r\nContent-Type: text/csv\r\n\r\nLocation,`;
    const res = await trickle(`${base}${urlOf(api.importJobs.create)}`, { ...auth, "content-type": `multipart/form-data; boundary=${boundary}` }, head);
    await expectCutOff(res);
    expect(await tableCounts(server.db)).toEqual(before);
  });

  it("is cut off with 408 while nothing reads it yet", { timeout: 10_000 }, async () => {
    const res = await trickle(`${base}/test/held`, { ...auth, "content-type": "application/x-held" }, "x");
    await expectCutOff(res);
  });

  it("after an answer given without it, ends the connection", { timeout: 10_000 }, async () => {
    // No credentials: refused before the body is read.
    const res = await trickle(`${base}${urlOf(api.callParkExtensions.create, { locationId })}`, { "content-type": "application/json" }, "{");
    expectApiError(asInjected(res), "unauthorized");
    await res.closed;
  });

  it("behind a malformed address, refused before any hook runs, ends the connection after the answer", { timeout: 10_000 }, async () => {
    const res = await trickle(`${base}${urlOf(api.locations.list)}/%E0%A4%A`, { ...auth, "content-type": "application/json" }, "{");
    expectApiError(asInjected(res), "badRequest");
    expect(res.headers.connection).toBe("close");
    await res.closed;
  });

  it("is read as usual when it arrives whole", async () => {
    const res = await request(`${base}${urlOf(api.callParkExtensions.create, { locationId })}`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: [Buffer.from(JSON.stringify({ name: "On time", extension: "7101" }))],
    });
    expect(res.status, res.body).toBe(201);
  });
});

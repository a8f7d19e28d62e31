import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { MAX_CSV_BYTES } from "@domain/csv/call-park-extension-csv";
import { type RawAnswer, request } from "@server/test/raw-http";
import { startTestServer, TEST_ADMIN_TOKEN, type TestServer } from "@server/test/test-server";
import { csvOf, tableCounts } from "./test-helpers";

// An upload whose body goes on after the part the server reads (another field, a second
// file) is answered, and the rest of its body is read, so the next request on the same
// keep-alive connection is answered too instead of waiting behind it.

const BOUNDARY = "----CallParkAdminKeepAliveBoundary";
const file = csvOf([{ location: "London", name: "Front desk", extension: "7001" }]);

function part(disposition: string, content: string | Buffer, contentType?: string) {
  const head = `--${BOUNDARY}\r\nContent-Disposition: form-data; ${disposition}\r\n${contentType ? `Content-Type: ${contentType}\r\n` : ""}\r\n`;
  return Buffer.concat([Buffer.from(head), Buffer.from(content), Buffer.from("\r\n")]);
}

const filePart = part('name="file"; filename="extensions.csv"', file, "text/csv");
const closing = Buffer.from(`--${BOUNDARY}--\r\n`);

let server: TestServer;
let base: string;
let agent: http.Agent;
beforeEach(async () => {
  server = await startTestServer();
  await server.app.listen({ host: "127.0.0.1", port: 0 });
  base = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
  // One connection, kept open: the second request can only go where the first went.
  agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
});
afterEach(async () => {
  agent.destroy();
  // A connection left waiting (the failure this file is about) does not hold up the close.
  server.app.server.closeAllConnections();
  await server.close();
});

const auth = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };

function upload(endpoint: typeof api.importJobs.create | typeof api.importJobs.preview, pieces: Buffer[]) {
  const length = pieces.reduce((sum, piece) => sum + piece.length, 0);
  return request(`${base}${urlOf(endpoint)}`, {
    method: "POST",
    agent,
    headers: { ...auth, "content-type": `multipart/form-data; boundary=${BOUNDARY}`, "content-length": length },
    body: pieces,
  });
}

/** The next request on the same connection: answered, over the socket the upload used. */
async function expectConnectionStillServes() {
  const next = await request(`${base}${urlOf(api.importJobs.list)}`, { agent, headers: auth });
  expect(next.status, next.body).toBe(200);
  expect(next.reusedSocket).toBe(true);
}

function expectBadRequest(res: RawAnswer) {
  expect(res.status, res.body).toBe(400);
  const body = JSON.parse(res.body);
  expect(body).toMatchObject({ code: "badRequest", trackingId: res.headers.trackingid });
  expect(body.errors[0].description).toBe(body.message);
}

describe.each([
  ["the import", api.importJobs.create, 201],
  ["the preview", api.importJobs.preview, 200],
] as const)("a multipart upload to %s with more after its file", (_label, endpoint, created) => {
  it("takes the file when fields follow it, and the connection serves the next request", { timeout: 10_000 }, async () => {
    // Fields longer than a socket read, so they cannot arrive in the same piece as the file.
    const fields = [part('name="comment"', "x".repeat(256 * 1024)), part('name="source"', "browser")];
    const res = await upload(endpoint, [filePart, ...fields, closing]);
    expect(res.status, res.body).toBe(created);
    await expectConnectionStillServes();
  });

  it("refuses another file after the file, and the connection serves the next request", { timeout: 10_000 }, async () => {
    const before = await tableCounts(server.db);
    const other = part('name="attachment"; filename="notes.txt"', Buffer.alloc(300 * 1024, "n"), "text/plain");
    expectBadRequest(await upload(endpoint, [filePart, other, closing]));
    expect(await tableCounts(server.db)).toEqual(before);
    await expectConnectionStillServes();
  });

  it("refuses a second file part past the size limit, and the connection serves the next request", { timeout: 10_000 }, async () => {
    const before = await tableCounts(server.db);
    const second = part('name="file"; filename="more.csv"', Buffer.alloc(MAX_CSV_BYTES + 64 * 1024, "a"), "text/csv");
    expectBadRequest(await upload(endpoint, [filePart, second, closing]));
    expect(await tableCounts(server.db)).toEqual(before);
    await expectConnectionStillServes();
  });
});

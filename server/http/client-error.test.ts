import fs from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_BASE } from "@domain/api/endpoint";
import { expectApiError } from "@server/test/api-error";
import { asInjected, exchangeRaw, parseAnswer, type RawAnswer, request, sharedHeaders } from "@server/test/raw-http";
import { startTestServer, TEST_ADMIN_TOKEN, type TestServer } from "@server/test/test-server";
import type { ErrorKey } from "./errors";

// Answers given before any route runs, by the HTTP parser (Fastify's clientErrorHandler)
// or by Fastify's router (frameworkErrors), over real connections: the same Webex body,
// tracking id and security headers as every other answer.

const localesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../public/locales");
const en = JSON.parse(fs.readFileSync(path.join(localesDir, "en", "errors.json"), "utf8"));
const pt = JSON.parse(fs.readFileSync(path.join(localesDir, "pt-BR", "errors.json"), "utf8"));

let server: TestServer;
let port: number;
let normal: RawAnswer;
beforeAll(async () => {
  server = await startTestServer();
  // Slow headers are cut off after 300 ms, looked for every 50 ms (Node's defaults: 60 s, 30 s).
  Object.assign(server.app.server, { headersTimeout: 300, connectionsCheckingInterval: 50 });
  await server.app.listen({ host: "127.0.0.1", port: 0 });
  port = (server.app.server.address() as AddressInfo).port;
  // A normal answer, whose security headers every answer must carry alike.
  normal = await request(`http://127.0.0.1:${port}/nope`);
  expect(normal.status).toBe(404);
  expect(Object.keys(sharedHeaders(normal.headers))).toEqual(
    expect.arrayContaining(["content-security-policy", "x-content-type-options", "x-frame-options", "strict-transport-security"]),
  );
});
afterAll(async () => {
  await server.close();
});

/** A refusal written by the parser: the Webex body in English, our headers, and the connection closed. */
async function expectParserRefusal(bytes: string, key: ErrorKey) {
  const answer = parseAnswer(await exchangeRaw(port, bytes));
  const body = expectApiError(asInjected(answer), key);
  expect(body.message).toBe(en[key]);
  expect(answer.headers["content-language"]).toBe("en");
  expect(answer.headers.connection).toBe("close");
  expect(sharedHeaders(answer.headers)).toEqual(sharedHeaders(normal.headers));
  return answer;
}

describe("requests the HTTP parser cannot read", () => {
  it("answers headers past 16 KB with 431", async () => {
    await expectParserRefusal(`GET ${API_BASE}/locations HTTP/1.1\r\nHost: localhost\r\nX-Filler: ${"a".repeat(20 * 1024)}\r\n\r\n`, "headersTooLarge");
  });

  it("answers two Content-Length headers that disagree with 400", async () => {
    await expectParserRefusal(`POST ${API_BASE}/locations HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab`, "badRequest");
  });

  it.each([
    ["a control character in a header's value", "X-Note: a\u0001b"],
    ["a space in a header's name", "X Note: ab"],
  ])("answers %s with 400", async (_label, header) => {
    await expectParserRefusal(`GET ${API_BASE}/locations HTTP/1.1\r\nHost: localhost\r\n${header}\r\n\r\n`, "badRequest");
  });

  it("answers headers that stop arriving with 408", async () => {
    await expectParserRefusal(`GET ${API_BASE}/locations HTTP/1.1\r\nHost: localhost\r\nX-Slow: `, "requestTimeout");
  });

  it("answers a body it cannot read in the language and with the tracking id of its request's headers", async () => {
    const trackingId = "CPA_0b8c4f6e-2f5d-4d0c-9a51-6f1f3c1d2e7a";
    const head = [
      `POST ${API_BASE}/organizations HTTP/1.1`,
      "Host: localhost",
      `Authorization: Bearer ${TEST_ADMIN_TOKEN}`,
      "Accept-Language: pt-BR",
      `TrackingID: ${trackingId}`,
      "Content-Type: application/json",
      "Transfer-Encoding: chunked",
    ];
    // "ZZ" is no chunk size.
    const answer = parseAnswer(await exchangeRaw(port, `${head.join("\r\n")}\r\n\r\nZZ\r\n{}\r\n`));
    const body = expectApiError(asInjected(answer), "badRequest");
    expect(body.message).toBe(pt.badRequest);
    expect(body.trackingId).toBe(trackingId);
    expect(answer.headers["content-language"]).toBe("pt-BR");
    expect(sharedHeaders(answer.headers)).toEqual(sharedHeaders(normal.headers));
  });

  it("answers a request that cannot be read after one that could, on the same connection", async () => {
    const good = `GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n`;
    const raw = await exchangeRaw(port, `${good}GET /healthz HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n`);
    const first = parseAnswer(raw);
    expect(first.status).toBe(200);
    const rest = raw.subarray(raw.indexOf("\r\n\r\n") + 4 + Number(first.headers["content-length"]));
    const second = parseAnswer(rest);
    expectApiError(asInjected(second), "badRequest");
    expect(sharedHeaders(second.headers)).toEqual(sharedHeaders(normal.headers));
  });
});

describe("addresses Fastify's router refuses", () => {
  it("answers a malformed percent-escape with 400 in the user's language, with the same headers as any answer", async () => {
    const res = await request(`http://127.0.0.1:${port}${API_BASE}/locations/%E0%A4%A`, {
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, "accept-language": "pt-BR" },
    });
    expect(expectApiError(asInjected(res), "badRequest").message).toBe(pt.badRequest);
    expect(res.headers["content-language"]).toBe("pt-BR");
    expect(sharedHeaders(res.headers)).toEqual(sharedHeaders(normal.headers));
  });
});

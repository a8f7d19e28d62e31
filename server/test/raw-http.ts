import http from "node:http";
import net from "node:net";
import type { LightMyRequestResponse } from "fastify";

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** Whether the request went over a socket an earlier request of the same agent had used. */
  reusedSocket: boolean;
}

/** One request through node:http, its body written in the pieces given, resolved once the whole answer has arrived. */
export function request(
  url: string,
  { method = "GET", headers = {}, body = [], agent }: { method?: string; headers?: http.OutgoingHttpHeaders; body?: Buffer[]; agent?: http.Agent } = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString("utf8"), reusedSocket: req.reusedSocket }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    for (const piece of body) req.write(piece);
    req.end();
  });
}

/** An answer as read off a raw socket. */
export interface RawExchange {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Parses an HTTP/1.1 answer as it came off the wire (one answer, Content-Length framed). */
export function parseAnswer(raw: Buffer): RawExchange {
  const text = raw.toString("latin1");
  const end = text.indexOf("\r\n\r\n");
  if (end < 0) throw new Error(`no complete answer in ${JSON.stringify(text.slice(0, 200))}`);
  const [statusLine, ...lines] = text.slice(0, end).split("\r\n");
  const status = Number(/^HTTP\/1\.1 (\d{3}) /.exec(statusLine)?.[1]);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  const length = Number(headers["content-length"]);
  const body = raw.subarray(end + 4, end + 4 + length).toString("utf8");
  return { status, headers, body };
}

/**
 * Writes bytes to a fresh connection and resolves with everything the server sent
 * once it closes the connection (or ends it), the way a client that speaks HTTP badly sees it.
 */
export function exchangeRaw(port: number, bytes: Buffer | string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    socket.on("data", (chunk) => chunks.push(chunk));
    // A reset after the answer arrived still leaves the answer to read.
    socket.on("error", (error) => (chunks.length ? resolve(Buffer.concat(chunks)) : reject(error)));
    socket.on("close", () => resolve(Buffer.concat(chunks)));
    socket.write(bytes);
  });
}

// Headers that describe one answer (its body, its time, its request, its connection).
const PER_ANSWER = new Set(["content-type", "content-length", "content-language", "date", "connection", "keep-alive", "trackingid"]);

/** The headers besides those: the security headers, the same on every answer of the app. */
export function sharedHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers)
      .filter(([name, value]) => !PER_ANSWER.has(name.toLowerCase()) && value !== undefined)
      .map(([name, value]) => [name.toLowerCase(), String(value)]),
  );
}

/** An answer read off the wire in the shape of an injected one, for expectApiError and its kin. */
export function asInjected(answer: { status: number; headers: Record<string, string | string[] | undefined>; body: string }) {
  return { statusCode: answer.status, headers: answer.headers, body: answer.body, json: () => JSON.parse(answer.body) } as unknown as LightMyRequestResponse;
}

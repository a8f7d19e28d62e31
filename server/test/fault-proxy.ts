import { randomBytes, randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { setTimeout as delay } from "node:timers/promises";

// A real HTTP server in front of a target API (the stand-in for Webex), forwarding every
// request and answer as they are, with faults a test programs: 429 with Retry-After, 503
// before or after forwarding (after: the target DID apply it), a reset connection, latency,
// requests held until released or never answered. It records every request and the most
// requests ever in flight. It also plays Webex's OAuth endpoint (POST …/access_token):
// it issues its own access and refresh tokens, rotates and revokes them, and forwards a
// request bearing one of its access tokens with the target's own bearer instead.
// Test-only: the answers are the target's, never made up, except for the faults.

export interface RequestMatch {
  method?: string;
  /** Tested against the path as received (with the API base, e.g. /v1/locations/…). */
  path?: RegExp;
}

export interface ProxiedRequest {
  method: string;
  /** As received, e.g. /v1/telephony/config/callParkExtensions. */
  path: string;
  /** The query string without "?" ("" when none). */
  query: string;
  /** Path and query as received. */
  url: string;
  trackingId?: string;
  /** The status answered; "hung" never answered, "reset" connection destroyed, "aborted" the client left first. */
  status: number | "pending" | "hung" | "reset" | "aborted";
  /** Whether the target received it. */
  forwarded: boolean;
  /** When it arrived (ms since 1970). */
  receivedAt: number;
  /** When its exchange ended (answered, reset, or the client left), ms since 1970; absent while in flight. */
  endedAt?: number;
}

export interface FaultProxyOptions {
  /** The API to stand in front of, e.g. the stand-in's "http://127.0.0.1:PORT/v1". */
  target: string;
  /** Plays Webex's OAuth endpoint; its access tokens are swapped for targetToken when forwarding. */
  oauth?: {
    clientId: string;
    clientSecret: string;
    /** The bearer the target takes (the stand-in's TEST_ADMIN_TOKEN). */
    targetToken: string;
    /** Default 3600 s. */
    accessTokenLifetimeS?: number;
    /** Default 90 days. */
    refreshTokenLifetimeS?: number;
  };
  /** The clock of token expiry; default Date.now. */
  now?: () => number;
}

type Fault =
  | { kind: "rateLimit"; retryAfter: number | null }
  | { kind: "unavailable"; after: boolean }
  | { kind: "reset"; after: boolean }
  | { kind: "hang" };

interface Rule {
  match: RequestMatch;
  remaining: number;
  fault: Fault;
}

interface FaultOptions {
  /** How many matching requests get the fault; default 1. */
  times?: number;
  match?: RequestMatch;
}

const ACCESS_PREFIX = "fp_at_";
const REFRESH_PREFIX = "fp_rt_";
const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade", "content-length"]);

export class FaultProxy {
  /** Every request received, in order of arrival. */
  readonly requests: ProxiedRequest[] = [];
  /** Added to every request before anything else. */
  latencyMs = 0;
  private rules: Rule[] = [];
  private current = 0;
  private most = 0;
  private holding?: { promise: Promise<void>; release: () => void };
  private readonly accessTokens = new Map<string, number>();
  private readonly refreshTokens = new Map<string, number>();
  private readonly issued: string[] = [];
  private readonly sockets = new Set<Socket>();
  private readonly agent = new http.Agent({ keepAlive: true });
  private readonly now: () => number;
  private readonly target: URL;
  private readonly basePath: string;
  private server!: http.Server;
  url = "";

  private constructor(private readonly options: FaultProxyOptions) {
    this.target = new URL(options.target);
    this.basePath = this.target.pathname.replace(/\/+$/, "");
    this.now = options.now ?? Date.now;
  }

  static async start(options: FaultProxyOptions): Promise<FaultProxy> {
    const proxy = new FaultProxy(options);
    proxy.server = http.createServer((req, res) => {
      proxy.handle(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(502).end();
        else res.destroy();
      });
    });
    proxy.server.on("connection", (socket) => {
      proxy.sockets.add(socket);
      socket.on("close", () => proxy.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => proxy.server.listen(0, "127.0.0.1", resolve));
    const { port } = proxy.server.address() as AddressInfo;
    proxy.url = `http://127.0.0.1:${port}${proxy.basePath}`;
    return proxy;
  }

  /** Requests being handled now (held and hung ones included). */
  get inFlight() {
    return this.current;
  }

  /** The most requests ever in flight at once. */
  get maxInFlight() {
    return this.most;
  }

  /** The next matching requests get 429 with `Retry-After: retryAfter` (seconds; null: no header) and a Webex error body. */
  rateLimit(o: FaultOptions & { retryAfter?: number | null } = {}) {
    this.add(o, { kind: "rateLimit", retryAfter: o.retryAfter === undefined ? 1 : o.retryAfter });
  }

  /** The next matching requests get 503: before forwarding, or after (the target applied it, the client is not told). */
  unavailable(o: FaultOptions & { after?: boolean } = {}) {
    this.add(o, { kind: "unavailable", after: o.after ?? false });
  }

  /** The next matching requests have their connection destroyed: before forwarding, or after. */
  reset(o: FaultOptions & { after?: boolean } = {}) {
    this.add(o, { kind: "reset", after: o.after ?? false });
  }

  /** The next matching requests are never answered (not forwarded; the connection stays open until the client leaves). */
  hang(o: FaultOptions = {}) {
    this.add(o, { kind: "hang" });
  }

  clearFaults() {
    this.rules = [];
  }

  /** From now on, requests wait (in flight) until release(). */
  hold() {
    if (this.holding) return;
    let release!: () => void;
    const promise = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.holding = { promise, release };
  }

  release() {
    this.holding?.release();
    this.holding = undefined;
  }

  /** A refresh token as an integration's OAuth flow gives the operator (for WEBEX_REFRESH_TOKEN). */
  issueRefreshToken(): string {
    return this.mint(REFRESH_PREFIX, this.refreshTokens, this.options.oauth?.refreshTokenLifetimeS ?? 90 * 86_400);
  }

  isRefreshTokenLive(token: string): boolean {
    return (this.refreshTokens.get(token) ?? 0) > this.now();
  }

  /** Every refresh token stops working (the integration's grant revoked). */
  revokeRefreshTokens() {
    this.refreshTokens.clear();
  }

  /** Every access token issued so far stops working (expired or revoked mid-life). */
  expireAccessTokens() {
    this.accessTokens.clear();
  }

  /** Every token this proxy ever issued, to prove none leaked into a record or a message. */
  get issuedTokens(): readonly string[] {
    return this.issued;
  }

  async close() {
    this.release();
    for (const socket of this.sockets) socket.destroy();
    this.agent.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private add(o: FaultOptions, fault: Fault) {
    this.rules.push({ match: o.match ?? {}, remaining: o.times ?? 1, fault });
  }

  private mint(prefix: string, into: Map<string, number>, lifetimeS: number) {
    const token = `${prefix}${randomBytes(18).toString("hex")}`;
    into.set(token, this.now() + lifetimeS * 1000);
    this.issued.push(token);
    return token;
  }

  private takeFault(method: string, path: string): Fault | undefined {
    const rule = this.rules.find(
      (r) => r.remaining > 0 && (!r.match.method || r.match.method.toUpperCase() === method) && (!r.match.path || r.match.path.test(path)),
    );
    if (!rule) return undefined;
    rule.remaining--;
    return rule.fault;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const method = req.method ?? "GET";
    const raw = req.url ?? "/";
    const parsed = new URL(raw, "http://proxy.invalid");
    const trackingId = typeof req.headers.trackingid === "string" ? req.headers.trackingid : undefined;
    const record: ProxiedRequest = { method, path: parsed.pathname, query: parsed.search.slice(1), url: raw, trackingId, status: "pending", forwarded: false, receivedAt: Date.now() };
    this.requests.push(record);
    this.current++;
    this.most = Math.max(this.most, this.current);
    let done = false;
    res.on("close", () => {
      if (done) return;
      done = true;
      this.current--;
      record.endedAt = Date.now();
      if (record.status === "pending") record.status = "aborted";
    });

    const body = await readBody(req);
    if (this.latencyMs > 0) await delay(this.latencyMs);
    if (this.holding) await this.holding.promise;
    if (res.destroyed) return;

    const fault = this.takeFault(method, parsed.pathname);
    if (fault?.kind === "hang") {
      record.status = "hung";
      return;
    }
    if (fault?.kind === "rateLimit") {
      const headers: Record<string, string> = fault.retryAfter === null ? {} : { "retry-after": String(fault.retryAfter) };
      return this.webexError(res, record, 429, "Too many requests have been sent in a given amount of time.", headers);
    }
    if (fault && !fault.after) return this.fail(res, record, fault);

    if (this.options.oauth && method === "POST" && parsed.pathname === `${this.basePath}/access_token`) {
      return this.tokenEndpoint(req, res, record, body);
    }

    const headers: http.OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(req.headers)) if (!HOP_BY_HOP.has(name)) headers[name] = value;
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1];
    if (this.options.oauth && bearer?.startsWith(ACCESS_PREFIX)) {
      if ((this.accessTokens.get(bearer) ?? 0) <= this.now()) {
        return this.webexError(res, record, 401, "The request requires a valid access token set in the Authorization request header.");
      }
      headers.authorization = `Bearer ${this.options.oauth.targetToken}`;
    }
    if (body.length > 0) headers["content-length"] = String(body.length);

    const answer = await this.forward(method, raw, headers, body);
    record.forwarded = true;
    if (fault) return this.fail(res, record, fault);
    if (res.destroyed) return;
    const out: http.OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(answer.headers)) if (!HOP_BY_HOP.has(name) && value !== undefined) out[name] = value;
    out["content-length"] = String(answer.body.length);
    record.status = answer.status;
    res.writeHead(answer.status, out).end(answer.body);
  }

  private forward(method: string, path: string, headers: http.OutgoingHttpHeaders, body: Buffer) {
    return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const request = http.request(
        { host: this.target.hostname, port: this.target.port, method, path, headers, agent: this.agent },
        (answer) => {
          readBody(answer).then((buffer) => resolve({ status: answer.statusCode ?? 502, headers: answer.headers, body: buffer }), reject);
        },
      );
      request.on("error", reject);
      request.end(body);
    });
  }

  private fail(res: http.ServerResponse, record: ProxiedRequest, fault: Fault) {
    if (fault.kind === "reset") {
      record.status = "reset";
      res.socket?.destroy();
      return;
    }
    return this.webexError(res, record, 503, "Service Unavailable");
  }

  /** Webex's error body: { message, errors: [{ description }], trackingId }, and the TrackingID header. */
  private webexError(res: http.ServerResponse, record: ProxiedRequest, status: number, message: string, headers: Record<string, string> = {}, extra: object = {}) {
    const trackingId = record.trackingId ?? `FP_${randomUUID()}`;
    const body = JSON.stringify({ ...extra, message, errors: [{ description: message }], trackingId });
    record.status = status;
    res.writeHead(status, { ...headers, "content-type": "application/json", trackingid: trackingId, "content-length": String(Buffer.byteLength(body)) }).end(body);
  }

  /** Webex's POST /v1/access_token, grant_type=refresh_token only; each use rotates the refresh token. */
  private tokenEndpoint(req: http.IncomingMessage, res: http.ServerResponse, record: ProxiedRequest, body: Buffer) {
    const oauth = this.options.oauth!;
    const refuse = (status: number, error: string, description: string) => this.webexError(res, record, status, description, {}, { error, error_description: description });
    if (!/^application\/x-www-form-urlencoded\b/i.test(req.headers["content-type"] ?? "")) return refuse(400, "invalid_request", "Expected a form-encoded body.");
    const form = new URLSearchParams(body.toString("utf8"));
    if (form.get("grant_type") !== "refresh_token") return refuse(400, "unsupported_grant_type", "Only grant_type=refresh_token is supported here.");
    if (form.get("client_id") !== oauth.clientId || form.get("client_secret") !== oauth.clientSecret) {
      return refuse(401, "invalid_client", "Client authentication failed.");
    }
    const refreshToken = form.get("refresh_token") ?? "";
    if (!this.isRefreshTokenLive(refreshToken)) return refuse(400, "invalid_grant", "The refresh token is invalid, expired or revoked.");
    this.refreshTokens.delete(refreshToken);
    const accessLifetime = oauth.accessTokenLifetimeS ?? 3600;
    const refreshLifetime = oauth.refreshTokenLifetimeS ?? 90 * 86_400;
    const answer = JSON.stringify({
      access_token: this.mint(ACCESS_PREFIX, this.accessTokens, accessLifetime),
      expires_in: accessLifetime,
      refresh_token: this.mint(REFRESH_PREFIX, this.refreshTokens, refreshLifetime),
      refresh_token_expires_in: refreshLifetime,
      token_type: "Bearer",
    });
    record.status = 200;
    res.writeHead(200, { "content-type": "application/json", "content-length": String(Buffer.byteLength(answer)) }).end(answer);
  }
}

export function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  return FaultProxy.start(options);
}

/** An address where nothing listens: a connection to it is refused before anything is sent. */
export async function refusingUrl(basePath: string): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}${basePath}`;
}

function readBody(stream: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => resolve(Buffer.concat(chunks)));
    stream.on("error", reject);
  });
}

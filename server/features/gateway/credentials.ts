import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { CredentialState } from "@domain/schemas/gateway-status";
import type { Db } from "@server/db/database";
import type { UpstreamCall } from "./upstream";

// The gateway's Webex credential: a fixed access token (WEBEX_ACCESS_TOKEN), or an
// integration's refresh token (WEBEX_CLIENT_ID/SECRET/REFRESH_TOKEN) traded at Webex's
// OAuth endpoint for access tokens. Webex may rotate the refresh token on each use, so
// the newest one is kept in the database: after a restart the environment's value may
// already be spent. No token or secret is ever put in a message, a log line or a call record.

export interface StoredRefreshToken {
  /** The WEBEX_REFRESH_TOKEN this one descends from: a different value in the environment is the operator's new one. */
  fromEnvironment: string;
  current: string;
}

export interface RefreshTokenStore {
  load(): Promise<StoredRefreshToken | undefined>;
  save(value: StoredRefreshToken): Promise<void>;
}

export interface TokenSource {
  /** A valid access token, refreshed first when it is within refreshBeforeMs of expiry. Throws CredentialError when none can be had. */
  accessToken(): Promise<string>;
  /** Upstream answered 401 to this token: refresh if possible; true = retry once with accessToken(). Sets state. */
  rejected(token: string): Promise<boolean>;
  /** Upstream took this token (any answer but 401): it works. Optional; the Upstream calls it when present. */
  accepted?(token: string): void;
  readonly state: CredentialState;
}

/** No usable credential: Webex refused it (expired: it had worked; invalid: it never did). */
export class CredentialError extends Error {
  constructor(
    readonly state: "expired" | "invalid",
    message: string,
  ) {
    super(message);
    this.name = "CredentialError";
  }
}

/**
 * The OAuth endpoint could not be asked (network, timeout, 5xx, 429): nothing says the
 * credential is bad, so the state is kept and the caller treats it as Webex unavailable.
 */
export class TokenEndpointError extends Error {
  constructor(
    message: string,
    readonly status?: number | "network" | "timeout",
  ) {
    super(message);
    this.name = "TokenEndpointError";
  }
}

/** WEBEX_ACCESS_TOKEN: one token for the server's life; a 401 is final (it cannot be renewed here). */
export function staticToken(token: string): TokenSource {
  let state: CredentialState = "valid";
  let worked = false;
  return {
    get state() {
      return state;
    },
    // Still offered after a 401: a refusal may pass, and the answer is cheap.
    accessToken: async () => token,
    accepted(taken) {
      if (taken !== token) return;
      worked = true;
      state = "valid";
    },
    async rejected(refused) {
      if (refused === token) state = worked ? "expired" : "invalid";
      return false;
    },
  };
}

const tokenAnswerSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().positive(),
  refresh_token: z.string().min(1).optional(),
  refresh_token_expires_in: z.coerce.number().optional(),
  token_type: z.string().optional(),
});

/** What a refusal of the OAuth endpoint may say without quoting a secret: the OAuth error code and Webex's tracking id. */
const tokenRefusalSchema = z.object({ error: z.string().max(100).optional(), trackingId: z.string().max(200).optional() });

const TOKEN_TIMEOUT_MS = 30_000;

interface RefreshingOptions {
  /** WEBEX_API_URL (…/v1): the OAuth endpoint is its /access_token. */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** WEBEX_REFRESH_TOKEN. */
  refreshToken: string;
  store: RefreshTokenStore;
  fetch?: typeof fetch;
  now?: () => number;
  /** Refresh when the access token has less than this left; default 10 minutes. */
  refreshBeforeMs?: number;
  /** Each exchange with the OAuth endpoint, recorded as the Upstream records its calls (path "/access_token"). */
  onCall?: (call: UpstreamCall) => void;
}

interface AccessToken {
  token: string;
  expiresAt: number;
  /** Minted because Webex refused the previous one: if Webex refuses it too, refreshing does not help. */
  afterRejection: boolean;
  accepted: boolean;
}

class RefreshingToken implements TokenSource {
  state: CredentialState = "valid";
  private access?: AccessToken;
  private refreshToken?: string;
  private refreshing?: Promise<AccessToken>;
  /** The refresh failed for good: every later call fails the same way, without asking again. */
  private failure?: CredentialError;
  /** Whether the credential ever worked: a refresh or a call went through (decides "expired" over "invalid"). */
  private worked = false;
  /** Whether Webex ever took one of the access tokens. */
  private everAccepted = false;
  private readonly now: () => number;
  private readonly refreshBeforeMs: number;
  private readonly tokenUrl: string;

  constructor(private readonly o: RefreshingOptions) {
    this.now = o.now ?? Date.now;
    this.refreshBeforeMs = o.refreshBeforeMs ?? 10 * 60_000;
    this.tokenUrl = `${o.baseUrl.replace(/\/+$/, "")}/access_token`;
  }

  async accessToken(): Promise<string> {
    const current = this.access;
    if (current && this.now() < current.expiresAt - this.refreshBeforeMs) return current.token;
    const alive = current && this.now() < current.expiresAt ? current : undefined;
    if (this.failure) {
      // The refresh token is gone, but the access token in hand still serves until it ends.
      if (alive) return alive.token;
      throw this.failure;
    }
    try {
      return (await this.refresh(false)).token;
    } catch (error) {
      if (alive && (error instanceof TokenEndpointError || error instanceof CredentialError)) return alive.token;
      throw error;
    }
  }

  accepted(token: string) {
    this.worked = true;
    this.everAccepted = true;
    if (this.access?.token === token) this.access.accepted = true;
    if (!this.failure) this.state = "valid";
  }

  async rejected(token: string): Promise<boolean> {
    if (this.refreshing) {
      try {
        await this.refreshing;
        return true;
      } catch (error) {
        if (error instanceof CredentialError) return false;
        throw error;
      }
    }
    const current = this.access;
    // Another caller already replaced it: retry with the new one.
    if (current && current.token !== token) return true;
    if (this.failure) return false;
    if (current?.afterRejection && !current.accepted) {
      // A token minted for this very reason is refused too: more refreshes will not help.
      this.state = this.everAccepted ? "expired" : "invalid";
      return false;
    }
    this.access = undefined;
    try {
      await this.refresh(true);
      return true;
    } catch (error) {
      if (error instanceof CredentialError) return false;
      throw error;
    }
  }

  /** One refresh at a time: concurrent callers share the one in flight. */
  private refresh(afterRejection: boolean): Promise<AccessToken> {
    this.refreshing ??= this.exchange(afterRejection).finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async currentRefreshToken(): Promise<string> {
    if (this.refreshToken === undefined) {
      const stored = await this.o.store.load();
      if (stored && stored.fromEnvironment === this.o.refreshToken) {
        this.refreshToken = stored.current;
        // Webex issued it (it descends from the operator's): the credential has worked.
        if (stored.current !== stored.fromEnvironment) this.worked = true;
      } else {
        this.refreshToken = this.o.refreshToken;
      }
    }
    return this.refreshToken;
  }

  private async exchange(afterRejection: boolean): Promise<AccessToken> {
    const refreshToken = await this.currentRefreshToken();
    const trackingId = `CPA_GW_${randomUUID()}`;
    const started = performance.now();
    const record = (status: UpstreamCall["status"]) =>
      this.o.onCall?.({ method: "POST", path: "/access_token", url: this.tokenUrl, status, ms: Math.round(performance.now() - started), attempt: 1, trackingId });
    let res: Response;
    let text: string;
    try {
      res = await (this.o.fetch ?? fetch)(this.tokenUrl, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json", trackingid: trackingId },
        body: new URLSearchParams({
          grant_type: "refresh_token",
          client_id: this.o.clientId,
          client_secret: this.o.clientSecret,
          refresh_token: refreshToken,
        }).toString(),
        signal: AbortSignal.timeout(TOKEN_TIMEOUT_MS),
      });
      text = await res.text();
    } catch (error) {
      const timeout = error instanceof Error && error.name === "TimeoutError";
      record(timeout ? "timeout" : "network");
      throw new TokenEndpointError(`Webex's OAuth endpoint ${this.tokenUrl} ${timeout ? "did not answer in time" : "could not be reached"}`, timeout ? "timeout" : "network");
    }
    record(res.status);

    if (res.status === 400 || res.status === 401) {
      const refusal = tokenRefusalSchema.safeParse(parseJson(text)).data ?? {};
      const state = this.worked ? "expired" : "invalid";
      this.state = state;
      this.failure = new CredentialError(
        state,
        `Webex refused the refresh token (HTTP ${res.status}${refusal.error ? `, ${refusal.error}` : ""}${refusal.trackingId ? `, tracking ID ${refusal.trackingId}` : ""}): ` +
          (state === "expired" ? "it expired or was revoked; give the server a new WEBEX_REFRESH_TOKEN" : "check WEBEX_CLIENT_ID, WEBEX_CLIENT_SECRET and WEBEX_REFRESH_TOKEN"),
      );
      throw this.failure;
    }
    if (!res.ok) throw new TokenEndpointError(`Webex's OAuth endpoint answered ${res.status}`, res.status);
    const answer = tokenAnswerSchema.safeParse(parseJson(text));
    if (!answer.success) throw new TokenEndpointError(`Webex's OAuth endpoint answered ${res.status} without a usable access token`, res.status);

    const { access_token, expires_in, refresh_token } = answer.data;
    const access: AccessToken = { token: access_token, expiresAt: this.now() + expires_in * 1000, afterRejection, accepted: false };
    this.access = access;
    this.worked = true;
    this.state = "valid";
    const next = refresh_token ?? refreshToken;
    this.refreshToken = next;
    // Saved before anyone uses the new access token: if Webex rotated the refresh token,
    // the old one no longer works, and a restart must find the new one.
    await this.o.store.save({ fromEnvironment: this.o.refreshToken, current: next });
    return access;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** WEBEX_CLIENT_ID/SECRET/REFRESH_TOKEN: access tokens from Webex's OAuth endpoint, renewed before they expire. */
export function refreshingToken(o: RefreshingOptions): TokenSource {
  return new RefreshingToken(o);
}

const STORE_KEY = "refreshToken";
const storedSchema = z.object({ fromEnvironment: z.string(), current: z.string().min(1) });

/** The newest refresh token in gateway_state, so a restart does not fall back on a spent one. */
export function dbRefreshTokenStore(db: Db): RefreshTokenStore {
  return {
    async load() {
      const row = await db.selectFrom("gateway_state").select("value").where("key", "=", STORE_KEY).executeTakeFirst();
      if (!row) return undefined;
      try {
        return storedSchema.parse(JSON.parse(row.value));
      } catch {
        return undefined;
      }
    },
    async save(value) {
      const row = { key: STORE_KEY, value: JSON.stringify(storedSchema.parse(value)), updated_at: new Date().toISOString() };
      await db
        .insertInto("gateway_state")
        .values(row)
        .onConflict((oc) => oc.column("key").doUpdateSet({ value: row.value, updated_at: row.updated_at }))
        .execute();
    },
  };
}

import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { FastifyBaseLogger } from "fastify";
import { api } from "@domain/api/endpoints";
import type { BodyInput, Endpoint, ParamsOf, QueryInput, ResponseOf } from "@domain/api/endpoint";
import { type GatewayStatus, type SyncRun, WEBEX_SCOPES } from "@domain/schemas/gateway-status";
import type { Db } from "@server/db/database";
import { INSTANCE_ID } from "@server/db/leases";
import type { ErrorKey } from "@server/http/errors";
import type { TokenSource } from "./credentials";
import { synchronize, underSyncLease } from "./sync";
import { Upstream, UpstreamError } from "./upstream";
import { toHttpError } from "./upstream-errors";

// Webex mode: the organisation lives in Webex. The Gateway holds the Webex client, the
// organisation it manages, the mirror's synchronisation (at start, on a schedule, on
// demand) and what the status endpoint reports. Services find it with gatewayOf(db):
// without one (standalone mode) they write the local database as before; with one,
// each change goes to Webex first and the mirror takes Webex's answer.

export interface GatewayConfig {
  apiUrl: string;
  orgId?: string;
  /** Shown in the top bar; Webex's public API does not name the organisation. */
  orgName?: string;
  /** Seconds between scheduled synchronisations; 0: only at start and on demand. */
  syncIntervalSeconds: number;
}

const STATE_LAST_SYNC = "lastSync";
const STATE_MISSING_SCOPES = "missingScopes";

export class GatewayStartError extends Error {}

/** Webex's GET /people/me, read for what the gateway needs of it (Webex's has no role or locations; ours adds them). */
const WEBEX_PEOPLE_ME = { ...api.people.me, response: z.object({ id: z.string(), orgId: z.string().optional() }) };

export class Gateway {
  organization?: { id: string; displayName: string };
  private lastSync?: SyncRun;
  private current?: { run: SyncRun; done: Promise<SyncRun> };
  private missingScopes = new Set<string>();
  private timer?: NodeJS.Timeout;
  /** When each location was last changed through this app (a synchronisation older than that skips it). */
  private changedAt = new Map<string, number>();
  private stopping = false;
  /** Whom the synchronisation's lease names: this process, unless a test runs two instances in one. */
  instanceId = INSTANCE_ID;

  constructor(
    readonly db: Db,
    readonly upstream: Upstream,
    readonly tokens: TokenSource,
    readonly config: GatewayConfig,
    private readonly log?: FastifyBaseLogger,
  ) {}

  /**
   * Learns whom the credential acts for and which organisation it manages; refuses to
   * start, with a message an operator can act on, when Webex does not take it.
   */
  async connect() {
    let me: { orgId?: string };
    try {
      me = await this.upstream.call(WEBEX_PEOPLE_ME);
    } catch (error) {
      const why =
        error instanceof UpstreamError
          ? error.kind === "credential"
            ? "Webex refused the credential (WEBEX_ACCESS_TOKEN, or WEBEX_CLIENT_ID/WEBEX_CLIENT_SECRET/WEBEX_REFRESH_TOKEN): it is wrong, expired or revoked"
            : `Webex answered ${error.status ?? error.kind}${error.upstreamMessage ? `: ${error.upstreamMessage}` : ""}`
          : error instanceof Error
            ? error.message
            : String(error);
      throw new GatewayStartError(`Cannot connect to Webex at ${this.config.apiUrl}: ${why}.`);
    }
    const orgId = this.config.orgId ?? me.orgId;
    if (!orgId) throw new GatewayStartError(`Webex at ${this.config.apiUrl} did not say which organisation the credential belongs to; set WEBEX_ORG_ID.`);
    this.organization = { id: orgId, displayName: this.config.orgName ?? defaultOrgName(orgId) };
    await this.loadState();
  }

  private async loadState() {
    const rows = await this.db.selectFrom("gateway_state").select(["key", "value"]).where("key", "in", [STATE_LAST_SYNC, STATE_MISSING_SCOPES]).execute();
    for (const row of rows) {
      if (row.key === STATE_LAST_SYNC) this.lastSync = JSON.parse(row.value) as SyncRun;
      if (row.key === STATE_MISSING_SCOPES) this.missingScopes = new Set(JSON.parse(row.value) as string[]);
    }
  }

  private async saveState(key: string, value: unknown) {
    const row = { key, value: JSON.stringify(value), updated_at: new Date().toISOString() };
    await this.db
      .insertInto("gateway_state")
      .values(row)
      .onConflict((oc) => oc.column("key").doUpdateSet({ value: row.value, updated_at: row.updated_at }))
      .execute();
  }

  status(): GatewayStatus {
    const lastSync = this.current?.run ?? this.lastSync;
    return {
      mode: "webex",
      upstreamUrl: this.config.apiUrl,
      ...(this.organization ? { organization: this.organization } : {}),
      credential: this.tokens.state,
      missingScopes: [...this.missingScopes],
      readOnly: this.missingScopes.size > 0,
      syncing: this.current !== undefined,
      ...(lastSync ? { lastSync } : {}),
    };
  }

  /** Whether a synchronisation has ever finished well (the mirror holds the organisation). */
  get synchronized() {
    return this.lastSync?.outcome === "succeeded" || (this.lastSync?.objects ?? 0) > 0;
  }

  /**
   * Starts a synchronisation unless one runs; resolves when it (or the one running) ends.
   * Several instances on one database synchronise one at a time (a lease): while another
   * instance runs one, this one waits for it to end, then runs its own; or, `skipIfBusy`
   * (the schedule), runs none and answers the last run any instance saved.
   */
  sync({ skipIfBusy = false }: { skipIfBusy?: boolean } = {}): Promise<SyncRun> {
    if (this.current) return this.current.done;
    if (!this.organization) return Promise.reject(new Error("connect() first"));
    const organization = this.organization;
    const run: SyncRun = { startedAt: new Date().toISOString(), outcome: "running", objects: 0, upstreamCalls: 0, drift: 0, errors: [] };
    const current: { run: SyncRun; done: Promise<SyncRun> } = { run, done: Promise.resolve(run) };
    current.done = (async () => {
      const result = await underSyncLease(this.db, () => synchronize({
        db: this.db,
        upstream: this.upstream,
        organization,
        recordDrift: this.synchronized,
        changedSince: (locationId, fetchStartedAt) => (this.changedAt.get(locationId) ?? 0) >= fetchStartedAt,
        trackingId: `CPA_SYNC_${randomUUID()}`,
        onProgress: (progress) => {
          current.run = progress;
        },
      }), { owner: this.instanceId, skipIfBusy, stopped: () => this.stopping });
      if (!result) {
        this.current = undefined;
        // Another instance's run: its outcome, once saved, is the mirror's state.
        await this.loadState().catch(() => undefined);
        return this.lastSync ?? { ...run, outcome: "failed" as const, finishedAt: new Date().toISOString() };
      }
      this.lastSync = result;
      this.current = undefined;
      await this.saveState(STATE_LAST_SYNC, result).catch(() => undefined);
      this.log?.info({ sync: { ...result, errors: result.errors.length } }, "webex synchronisation finished");
      return result;
    })();
    this.current = current;
    return current.done;
  }

  /** Synchronises every `seconds` (0: never on its own). */
  schedule() {
    const seconds = this.config.syncIntervalSeconds;
    if (seconds <= 0) return;
    this.timer = setInterval(() => void this.sync({ skipIfBusy: true }), seconds * 1000);
    this.timer.unref();
  }

  async stop() {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    await this.current?.done;
  }

  /**
   * One change sent to Webex: refusals become this API's errors (in the caller's
   * language), a missing scope makes the app read-only, a vanished object schedules a
   * synchronisation. The location is marked changed so that a synchronisation already
   * under way does not put back what it read before.
   */
  async send<E extends Endpoint>(
    endpoint: E,
    input: { params?: ParamsOf<E>; query?: QueryInput<E>; body?: BodyInput<E>; trackingId?: string },
    context: {
      locationId: string;
      notFound?: ErrorKey;
      /**
       * After an unclear failure (Webex may or may not have applied it), looks at Webex:
       * the answer the write would have given when it was applied, undefined when not.
       * The write is never sent twice.
       */
      verify?: () => Promise<{ answer: ResponseOf<E> } | undefined>;
    },
  ): Promise<ResponseOf<E>> {
    this.changedAt.set(context.locationId, Date.now());
    try {
      const answer = await this.upstream.call(endpoint, input);
      await this.wrote();
      return answer;
    } catch (error) {
      if (error instanceof UpstreamError && error.kind === "unclear" && context.verify) {
        const found = await context.verify().catch(() => "unknown" as const);
        if (found === "unknown") throw await this.refusal(error, context);
        if (found) return found.answer;
        // Not applied: nothing changed, and the administrator may simply try again.
        throw toHttpError(new UpstreamError("unavailable", { message: error.message }));
      }
      throw await this.refusal(error, context);
    } finally {
      this.changedAt.set(context.locationId, Date.now());
    }
  }

  /** A read of Webex's current state of one object (to take its answer into the mirror, or check an unclear write). */
  async read<E extends Endpoint>(
    endpoint: E,
    input: { params?: ParamsOf<E>; query?: QueryInput<E>; body?: BodyInput<E>; trackingId?: string },
    context: { locationId: string; notFound?: ErrorKey },
  ): Promise<ResponseOf<E>> {
    try {
      return await this.upstream.call(endpoint, input);
    } catch (error) {
      throw await this.refusal(error, context);
    }
  }

  private async refusal(error: unknown, context: { notFound?: ErrorKey }) {
    if (!(error instanceof UpstreamError)) return error;
    if (error.kind === "forbidden" && !this.missingScopes.has(WEBEX_SCOPES.write)) {
      this.missingScopes.add(WEBEX_SCOPES.write);
      await this.saveState(STATE_MISSING_SCOPES, [...this.missingScopes]).catch(() => undefined);
    }
    if (error.kind === "notFound") void this.sync();
    return toHttpError(error, { notFound: context.notFound });
  }

  /** A write went through: Webex takes changes again (a token given the scope since). */
  async wrote() {
    if (this.missingScopes.size === 0) return;
    this.missingScopes.clear();
    await this.saveState(STATE_MISSING_SCOPES, []);
  }
}

/** Webex's public API does not name the organisation: its id, shortened, unless WEBEX_ORG_NAME says. */
function defaultOrgName(orgId: string) {
  const decoded = Buffer.from(orgId, "base64").toString("utf8");
  const uuid = /\/([0-9a-f-]{8,})$/i.exec(decoded)?.[1] ?? orgId;
  return `Webex ${uuid.slice(0, 8)}`;
}

const gateways = new WeakMap<Db, Gateway>();

/** Webex mode: the services of this database write through this gateway. */
export function attachGateway(db: Db, gateway: Gateway) {
  gateways.set(db, gateway);
}

/** The gateway a database mirrors for, or undefined in standalone mode. */
export function gatewayOf(db: Db): Gateway | undefined {
  return gateways.get(db);
}

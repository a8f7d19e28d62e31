import type { GatewayStatus, SyncRun } from "@domain/schemas/gateway-status";

/** A moment `ms` before now, as the API writes it. */
export const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

/** A finished synchronisation: succeeded 3 minutes (and a few seconds) ago, nothing found changed outside. */
export function syncRun(overrides: Partial<SyncRun> = {}): SyncRun {
  return {
    startedAt: ago(3 * 60_000 + 40_000),
    finishedAt: ago(3 * 60_000 + 10_000),
    outcome: "succeeded",
    objects: 1234,
    upstreamCalls: 37,
    drift: 0,
    errors: [],
    ...overrides,
  };
}

/** A server in Webex mode mirroring Acme Telecom, all well, last synchronized by `syncRun()`. */
export function webexStatus(overrides: Partial<GatewayStatus> = {}): GatewayStatus {
  return {
    mode: "webex",
    upstreamUrl: "https://webexapis.com/v1",
    organization: { id: "ORG-WEBEX", displayName: "Acme Telecom" },
    credential: "valid",
    missingScopes: [],
    readOnly: false,
    syncing: false,
    lastSync: syncRun(),
    ...overrides,
  };
}

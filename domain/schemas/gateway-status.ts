import { z } from "zod";

/**
 * Which organisation the server manages: its own database's (standalone), or one that
 * lives in Webex, mirrored locally and changed through the public Webex API (webex).
 */
export const GATEWAY_MODES = ["standalone", "webex"] as const;
export type GatewayMode = (typeof GATEWAY_MODES)[number];

/**
 * The upstream credential as the gateway last found it: valid; expired (it worked and
 * stopped: a token past its life, a refresh token revoked); invalid (Webex never took it).
 */
export const CREDENTIAL_STATES = ["valid", "expired", "invalid"] as const;
export type CredentialState = (typeof CREDENTIAL_STATES)[number];

/** One problem of a synchronisation, as the status shows it (never a secret). */
export const syncProblemSchema = z.object({
  message: z.string(),
  /** Webex's tracking id of the call that failed, to quote to Cisco. */
  trackingId: z.string().optional(),
});

export const syncRunSchema = z.object({
  startedAt: z.string(),
  /** Absent while it runs. */
  finishedAt: z.string().optional(),
  outcome: z.enum(["running", "succeeded", "failed"]),
  /** Objects mirrored: locations, call park extensions, groups, settings, members, hunt groups. */
  objects: z.number().int(),
  upstreamCalls: z.number().int(),
  /** Objects found created, changed or deleted outside this app (each one an audit entry). */
  drift: z.number().int(),
  errors: z.array(syncProblemSchema),
});
export type SyncRun = z.output<typeof syncRunSchema>;

export const gatewayStatusSchema = z.object({
  mode: z.enum(GATEWAY_MODES),
  /** Webex mode: the API the gateway calls (WEBEX_API_URL). */
  upstreamUrl: z.string().optional(),
  /** Webex mode: the organisation it manages, once known. */
  organization: z.object({ id: z.string(), displayName: z.string() }).optional(),
  credential: z.enum(CREDENTIAL_STATES).optional(),
  /**
   * Scopes the upstream token lacks, learnt from Webex's refusals: while any is missing
   * the app is read-only, and the SPA says which.
   */
  missingScopes: z.array(z.string()),
  readOnly: z.boolean(),
  syncing: z.boolean(),
  lastSync: syncRunSchema.optional(),
});
export type GatewayStatus = z.output<typeof gatewayStatusSchema>;

/** The scopes the gateway needs of its Webex token (README: connecting a real organisation). */
export const WEBEX_SCOPES = {
  read: "spark-admin:telephony_config_read",
  write: "spark-admin:telephony_config_write",
  locations: "spark-admin:locations_read",
  people: "spark-admin:people_read",
} as const;

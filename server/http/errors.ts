import type { FieldIssue } from "@domain/schemas/issues";

// Every refusal the API makes, with its HTTP status and a stable numeric
// errorCode (Webex's error body carries one). The key doubles as the translation
// key in public/locales/<lng>/errors.json.
export const ERROR_CATALOG = {
  invalidJson: { status: 400, errorCode: 4001 },
  validation: { status: 400, errorCode: 4002 },
  badRequest: { status: 400, errorCode: 4000 },
  routeNotFound: { status: 404, errorCode: 4040 },
  locationNotFound: { status: 404, errorCode: 4041 },
  callParkExtensionNotFound: { status: 404, errorCode: 4042 },
  callParkNotFound: { status: 404, errorCode: 4043 },
  jobNotFound: { status: 404, errorCode: 4044 },
  extensionTaken: { status: 409, errorCode: 4090 },
  callParkExtensionLimit: { status: 409, errorCode: 4091 },
  callParkNameTaken: { status: 409, errorCode: 4092 },
  callParkMemberTaken: { status: 409, errorCode: 4093 },
  callParkExtensionInGroup: { status: 409, errorCode: 4094 },
  parkOnAgentsWithDestinations: { status: 409, errorCode: 4095 },
  conflict: { status: 409, errorCode: 4099 },
  bodyTooLarge: { status: 413, errorCode: 4130 },
  unsupportedMediaType: { status: 415, errorCode: 4150 },
  // Bulk import: problems of the CSV file as a whole (domain/csv), and its media type.
  csvEmpty: { status: 400, errorCode: 4010 },
  csvNotCsv: { status: 400, errorCode: 4011 },
  csvTooManyRows: { status: 400, errorCode: 4012 },
  csvMissingColumns: { status: 400, errorCode: 4013 },
  csvUnknownColumns: { status: 400, errorCode: 4014 },
  csvDuplicateColumns: { status: 400, errorCode: 4015 },
  csvTooLarge: { status: 413, errorCode: 4131 },
  csvUnsupportedMediaType: { status: 415, errorCode: 4151 },
  // Signing in, sessions, tokens and roles.
  unauthorized: { status: 401, errorCode: 4100 },
  invalidCredentials: { status: 401, errorCode: 4101 },
  invalidToken: { status: 401, errorCode: 4102 },
  forbidden: { status: 403, errorCode: 4030 },
  csrfTokenInvalid: { status: 403, errorCode: 4031 },
  // Webex answers 403 for an orgId naming an organisation the caller may not act on.
  organizationNotVisible: { status: 403, errorCode: 4032 },
  accessTokenNotFound: { status: 404, errorCode: 4045 },
  accessTokenLimit: { status: 409, errorCode: 4096 },
  tooManySignInAttempts: { status: 429, errorCode: 4290 },
  // More API requests in a minute than API_RATE_LIMIT allows, for one token, session or address.
  tooManyRequests: { status: 429, errorCode: 4291 },
  // Webex mode: the organisation lives in Webex and each change goes there first.
  gatewayNotConfigured: { status: 409, errorCode: 4097 },
  atomicImportUnavailable: { status: 400, errorCode: 4016 },
  upstreamRefused: { status: 400, errorCode: 4003 },
  upstreamNotFound: { status: 404, errorCode: 4046 },
  upstreamConflict: { status: 409, errorCode: 4098 },
  upstreamScopeMissing: { status: 403, errorCode: 4033 },
  upstreamCredential: { status: 503, errorCode: 5031 },
  upstreamUnavailable: { status: 503, errorCode: 5030 },
  upstreamUnclear: { status: 503, errorCode: 5032 },
  // Hardening: an edit made on a stale copy, and answers given before any route runs.
  changedMeanwhile: { status: 412, errorCode: 4120 },
  requestTimeout: { status: 408, errorCode: 4080 },
  headersTooLarge: { status: 431, errorCode: 4310 },
  invalidEncoding: { status: 400, errorCode: 4004 },
  shuttingDown: { status: 503, errorCode: 5033 },
  internal: { status: 500, errorCode: 5000 },
} as const satisfies Record<string, { status: number; errorCode: number }>;

export type ErrorKey = keyof typeof ERROR_CATALOG;
export type MessageParams = Record<string, string | number>;

/** A refusal raised anywhere below the routes; the error handler turns it into the Webex body. */
export class HttpError extends Error {
  readonly status: number;
  constructor(
    readonly key: ErrorKey,
    readonly params: MessageParams = {},
    readonly issues: FieldIssue[] = [],
  ) {
    super(key);
    this.status = ERROR_CATALOG[key].status;
  }
}

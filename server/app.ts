import fastifyCookie from "@fastify/cookie";
import Fastify, { type FastifyServerOptions } from "fastify";
import { serializerCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import type { Db } from "./db/database";
import { apiDocsRoutes } from "./features/api-docs/api-docs.routes";
import { auditEventRoutes } from "./features/audit-events/audit-events.routes";
import { installAccessControl, SESSION_COOKIE } from "./features/auth/access";
import { authRoutes } from "./features/auth/auth.routes";
import { SignInLimiter } from "./features/auth/sign-in-limiter";
import { callParkExtensionRoutes } from "./features/call-park-extensions/call-park-extensions.routes";
import { callParkRoutes } from "./features/call-parks/call-parks.routes";
import { callParkSettingsRoutes } from "./features/call-park-settings/call-park-settings.routes";
import { callParkHealthRoutes } from "./features/call-park-health/call-park-health.routes";
import { simulationRoutes } from "./features/simulation/simulation.routes";
import { attachGateway, type Gateway } from "./features/gateway/gateway";
import { gatewayRoutes } from "./features/gateway/gateway.routes";
import { healthRoutes } from "./features/health/health.routes";
import { registerImportJobs } from "./features/import-jobs/import-jobs.routes";
import { locationRoutes } from "./features/locations/locations.routes";
import { installMetrics } from "./features/metrics/metrics";
import { installOrganizationScope } from "./features/organizations/organization-scope";
import { organizationRoutes } from "./features/organizations/organizations.routes";
import { clientErrorHandler } from "./http/client-error";
import { frameworkErrors, installErrorHandling } from "./http/error-handler";
import { HttpError } from "./http/errors";
import { countRequestsInFlight } from "./http/in-flight";
import { acceptEmptyJsonBodies } from "./http/json-body";
import { installPublicUrl } from "./http/paging";
import { type ApiRateLimit, installApiRateLimit } from "./http/rate-limit";
import { installBodyGuards } from "./http/request-body";
import { securityHeadersOf } from "./http/security-headers";
import { kReadListsAlways } from "./http/route";
import { installCompression, serveBuiltSpa } from "./http/static";
import { trackingIdOf } from "./http/tracking-id";
import { validatorCompiler } from "./http/validation";
import { distDir } from "./paths";

export const BODY_LIMIT = 1024 * 1024;

export interface AppOptions {
  db: Db;
  logger?: FastifyServerOptions["logger"];
  /** Serve the built SPA from dist/ (when it exists). */
  serveSpa?: boolean;
  /** The built SPA's directory (dist/ unless given; tests give a small fixture tree). */
  spaDir?: string;
  /** ADMIN_TOKEN: a bearer token acting as the first full administrator, for scripts and tests. */
  adminToken?: string;
  /** Counts failed sign-ins; tests pass one with their own limits and clock. */
  signInLimiter?: SignInLimiter;
  /** Take the client's address from X-Forwarded-For (only behind a reverse proxy). */
  trustProxy?: boolean;
  /** PUBLIC_URL: the address clients reach the server at, which absolute links in answers start with. */
  publicUrl?: string;
  /** METRICS_TOKEN: the bearer token GET /metrics asks for; unset, /metrics does not exist. */
  metricsToken?: string;
  /** API_RATE_LIMIT: /v1 requests a minute per token, session or address; unset (tests, benchmarks), no limit. */
  apiRateLimit?: ApiRateLimit;
  /** Webex mode: the organisation lives in Webex, mirrored in `db` and changed through this gateway. */
  gateway?: Gateway;
  /** How long a request body may take to arrive whole before it is cut off with 408 (30 s unless given). */
  bodyTimeoutMs?: number;
  /** Lists keep their answers while the database is unchanged (listRoute's keepWhileUnchanged); false: always read (the list benchmark). */
  keepListAnswers?: boolean;
}

/**
 * The one inline style the SPA needs: react-aria's press handling adds a fixed
 * `<style>` (touch-action for pressable elements) to the page. It is allowed by its
 * hash alone; a react-aria upgrade that changes it fails a server test naming the new hash.
 */
export const REACT_ARIA_PRESSABLE_STYLE_HASH = "'sha256-38RhXrc7EdReTKsOm23ZPOCUgniTUUcjky8QOOrQx6o='";

/**
 * Security headers on every answer: a Content-Security-Policy that runs only the
 * app's own scripts (no inline script, no eval), no MIME sniffing, no framing.
 */
const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", REACT_ARIA_PRESSABLE_STYLE_HASH],
    imgSrc: ["'self'", "data:"],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

const HELMET_OPTIONS = {
  contentSecurityPolicy: CONTENT_SECURITY_POLICY,
  frameguard: { action: "deny" as const },
  // Same-origin app: nothing is embedded from elsewhere.
  crossOriginEmbedderPolicy: false,
};

export async function buildApp({
  db,
  logger = false,
  serveSpa = false,
  spaDir = distDir,
  adminToken,
  signInLimiter = new SignInLimiter(),
  trustProxy = false,
  publicUrl,
  metricsToken,
  apiRateLimit,
  gateway,
  bodyTimeoutMs,
  keepListAnswers = true,
}: AppOptions) {
  if (gateway) attachGateway(db, gateway);
  // Helmet's headers with these options, worked out once: written on every answer by the
  // first onRequest hook below, and by the answers written where no hook runs.
  const securityHeaders = securityHeadersOf(HELMET_OPTIONS);
  const securityHeaderList = Object.entries(securityHeaders);
  const app = Fastify({
    logger,
    trustProxy,
    bodyLimit: BODY_LIMIT,
    // The caller's TrackingID when it sends one, as Webex does.
    genReqId: trackingIdOf,
    // JSON with __proto__ or constructor keys is refused rather than risk pollution.
    onProtoPoisoning: "error",
    onConstructorPoisoning: "error",
    // Path parameters are bounded by the route schemas (500), not Fastify's default 100.
    routerOptions: { maxParamLength: 500 },
    frameworkErrors: frameworkErrors(securityHeaders),
    // What the HTTP parser refuses (431, 400, slow headers' 408) answers in the same body and headers.
    clientErrorHandler: clientErrorHandler(securityHeaders),
    // Requests arriving during a stop get the Webex-shaped 503 of the onRequest hook below.
    return503OnClosing: false,
  }).withTypeProvider<ZodTypeProvider>();
  // First of all: its hooks run first, and it sees every route (see the onClose hook at the end).
  const inFlight = countRequestsInFlight(app);

  // The API speaks JSON only; a text/plain body (fetch's default for a string) gets 415, not a type error.
  app.removeContentTypeParser("text/plain");
  acceptEmptyJsonBodies(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  installBodyGuards(app, { timeoutMs: bodyTimeoutMs });
  // Before every route, so each one is counted and timed.
  await installMetrics(app, { db, token: metricsToken });

  // During a stop (app.close(), on SIGTERM): a request still arriving gets 503 in Webex's body
  // (Fastify's own 503 is off: return503OnClosing), and every answer closes its connection, so
  // none stays open idle once its request in flight is answered.
  let stopping = false;
  app.addHook("preClose", async () => {
    stopping = true;
  });
  // The security headers on every answer, set on the raw answer as helmet itself sets them (so
  // an error answer keeps them too). Callback hooks rather than async ones: they run on every
  // request, and a promise per hook per request shows under load.
  app.addHook("onRequest", (_request, reply, done) => {
    for (const [name, value] of securityHeaderList) reply.raw.setHeader(name, value);
    done(stopping ? new HttpError("shuttingDown") : undefined);
  });
  app.addHook("onSend", (request, reply, payload, done) => {
    reply.header("trackingid", request.id);
    if (stopping) reply.header("connection", "close");
    done(null, payload);
  });
  await app.register(fastifyCookie);
  // Before every route: compression applies to the routes registered after it.
  await installCompression(app);
  installPublicUrl(app, { publicUrl, trustProxy });
  if (!keepListAnswers) app.decorate(kReadListsAlways, true);
  // After the cookie parser (a session is a caller), before authentication (no database work for a refused request).
  if (apiRateLimit) await installApiRateLimit(app, apiRateLimit);
  installAccessControl(app, { db, adminToken });
  installOrganizationScope(app, { db });

  await app.register(apiDocsRoutes);
  await app.register(authRoutes, { db, limiter: signInLimiter });
  await app.register(auditEventRoutes, { db });
  await app.register(organizationRoutes, { db });
  await app.register(gatewayRoutes, { gateway });
  await app.register(locationRoutes, { db });
  await app.register(callParkExtensionRoutes, { db });
  await app.register(callParkRoutes, { db });
  await app.register(callParkSettingsRoutes, { db });
  await app.register(simulationRoutes, { db });
  await app.register(callParkHealthRoutes, { db });
  await registerImportJobs(app, db);
  await app.register(healthRoutes, { db, gateway });

  // A signed-in screen's frame goes to a request with a session cookie (one no longer valid
  // still gets it: the app then shows sign-in).
  if (serveSpa) await serveBuiltSpa(app, spaDir, { signedIn: (request) => Boolean(request.cookies[SESSION_COOKIE]) });

  // app.close() resolves only once every request being handled has finished: Fastify's own
  // close waits for the connections to end, but a request whose client went away has none
  // and runs on. Its onClose hooks run in reverse order, Fastify's closing of the HTTP server
  // first: registered last, this one comes right after it, before the others (the import
  // runner's stop, metrics) release anything such a request may use; the database, which the
  // caller closes after the app, stays open for it. Bounded by the process's stop timeout
  // (server/index.ts).
  app.addHook("onClose", (_instance, done) => {
    if (inFlight.count > 0) app.log.info({ requests: inFlight.count }, "waiting for the requests still being handled whose client went away");
    inFlight.whenIdle(done);
  });

  return app;
}

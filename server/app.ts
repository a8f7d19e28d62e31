import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import fastifyCookie from "@fastify/cookie";
import fastifyHelmet from "@fastify/helmet";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyServerOptions } from "fastify";
import { serializerCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { API_BASE } from "@domain/api/endpoint";
import type { Db } from "./db/database";
import { auditEventRoutes } from "./features/audit-events/audit-events.routes";
import { installAccessControl } from "./features/auth/access";
import { authRoutes } from "./features/auth/auth.routes";
import { SignInLimiter } from "./features/auth/sign-in-limiter";
import { callParkExtensionRoutes } from "./features/call-park-extensions/call-park-extensions.routes";
import { callParkRoutes } from "./features/call-parks/call-parks.routes";
import { callParkSettingsRoutes } from "./features/call-park-settings/call-park-settings.routes";
import { registerImportJobs } from "./features/import-jobs/import-jobs.routes";
import { locationRoutes } from "./features/locations/locations.routes";
import { organizationRoutes } from "./features/organizations/organizations.routes";
import { frameworkErrors, installErrorHandling } from "./http/error-handler";
import { validatorCompiler } from "./http/validation";

export const BODY_LIMIT = 1024 * 1024;

const distDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../dist");

export interface AppOptions {
  db: Db;
  logger?: FastifyServerOptions["logger"];
  /** Serve the built SPA from dist/ (when it exists). */
  serveSpa?: boolean;
  /** ADMIN_TOKEN: a bearer token acting as the first full administrator, for scripts and tests. */
  adminToken?: string;
  /** Counts failed sign-ins; tests pass one with their own limits and clock. */
  signInLimiter?: SignInLimiter;
  /** Take the client's address from X-Forwarded-For (only behind a reverse proxy). */
  trustProxy?: boolean;
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

export async function buildApp({
  db,
  logger = false,
  serveSpa = false,
  adminToken,
  signInLimiter = new SignInLimiter(),
  trustProxy = false,
}: AppOptions) {
  const app = Fastify({
    logger,
    trustProxy,
    bodyLimit: BODY_LIMIT,
    genReqId: () => `CPA_${randomUUID()}`,
    // JSON with __proto__ or constructor keys is refused rather than risk pollution.
    onProtoPoisoning: "error",
    onConstructorPoisoning: "error",
    // Path parameters are bounded by the route schemas (500), not Fastify's default 100.
    routerOptions: { maxParamLength: 500 },
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();

  // The API speaks JSON only; a text/plain body (fetch's default for a string) gets 415, not a type error.
  app.removeContentTypeParser("text/plain");
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);

  app.addHook("onSend", async (request, reply) => {
    reply.header("trackingid", request.id);
  });
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    frameguard: { action: "deny" },
    // Same-origin app: nothing is embedded from elsewhere.
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyCookie);
  installAccessControl(app, { db, adminToken });

  await app.register(authRoutes, { db, limiter: signInLimiter });
  await app.register(auditEventRoutes, { db });
  await app.register(organizationRoutes, { db });
  await app.register(locationRoutes, { db });
  await app.register(callParkExtensionRoutes, { db });
  await app.register(callParkRoutes, { db });
  await app.register(callParkSettingsRoutes, { db });
  await registerImportJobs(app, db);

  if (serveSpa && fs.existsSync(path.join(distDir, "index.html"))) {
    await app.register(fastifyStatic, { root: distDir, wildcard: false, index: false });
    // Client-side routes get the SPA; unknown API paths keep their JSON 404.
    app.get("/*", (request, reply) => {
      if (request.url.startsWith(`${API_BASE}/`)) return reply.callNotFound();
      return reply.header("cache-control", "no-cache").sendFile("index.html");
    });
    app.get("/", (_request, reply) => reply.header("cache-control", "no-cache").sendFile("index.html"));
  }

  return app;
}

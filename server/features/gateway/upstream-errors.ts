import { apiErrorBodySchema } from "@domain/schemas/api-error";
import { WEBEX_SCOPES } from "@domain/schemas/gateway-status";
import { ERROR_CATALOG, type ErrorKey, HttpError } from "@server/http/errors";
import type { UpstreamError } from "./upstream";

// An upstream failure as this API answers it: in the administrator's language, with
// Webex's own words and tracking id where they help.

/**
 * Refusals that say nothing of the call park rules, or that belong to the upstream's own
 * plumbing: quoted as Webex's words (upstreamRefused) rather than re-raised. A validation
 * refusal's field paths are those of the body the gateway built, not of the admin's form.
 */
const GENERIC: ReadonlySet<ErrorKey> = new Set<ErrorKey>([
  "invalidJson",
  "validation",
  "badRequest",
  "routeNotFound",
  "conflict",
  "bodyTooLarge",
  "unsupportedMediaType",
  "unauthorized",
  "invalidCredentials",
  "invalidToken",
  "forbidden",
  "csrfTokenInvalid",
  "organizationNotVisible",
  "tooManySignInAttempts",
  "tooManyRequests",
  "gatewayNotConfigured",
  "atomicImportUnavailable",
  "upstreamRefused",
  "upstreamNotFound",
  "upstreamConflict",
  "upstreamScopeMissing",
  "upstreamCredential",
  "upstreamUnavailable",
  "upstreamUnclear",
  "internal",
]);

/** An upstream failure as this API answers it (HttpError from server/http/errors.ts). */
export function toHttpError(error: UpstreamError, context: { notFound?: ErrorKey; scope?: string } = {}): HttpError {
  switch (error.kind) {
    case "credential":
      return new HttpError("upstreamCredential");
    case "forbidden":
      return new HttpError("upstreamScopeMissing", { scope: context.scope ?? WEBEX_SCOPES.write });
    case "unavailable":
      return new HttpError("upstreamUnavailable");
    case "unclear":
      return new HttpError("upstreamUnclear");
    case "notFound":
      return new HttpError(context.notFound ?? "upstreamNotFound");
    case "refused": {
      const own = ownRefusal(error);
      if (own) return own;
      const params = { upstreamMessage: error.upstreamMessage ?? `HTTP ${error.status ?? "error"}`, upstreamTrackingId: error.upstreamTrackingId ?? "-" };
      return new HttpError(error.status === 409 ? "upstreamConflict" : "upstreamRefused", params);
    }
  }
}

/**
 * When the upstream is this project's own server (the stand-in, or another instance), its
 * body names the refusal (code, params, issues): raised again as it is, so the admin reads
 * it in their own language. Only a specific refusal whose status agrees with its code.
 */
function ownRefusal(error: UpstreamError): HttpError | undefined {
  const parsed = apiErrorBodySchema.safeParse(error.body);
  if (!parsed.success) return undefined;
  const { code, params, issues } = parsed.data;
  if (!code || !Object.hasOwn(ERROR_CATALOG, code)) return undefined;
  const key = code as ErrorKey;
  if (GENERIC.has(key) || ERROR_CATALOG[key].status !== error.status) return undefined;
  return new HttpError(key, params ?? {}, issues ?? []);
}

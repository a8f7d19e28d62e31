import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { FieldIssue } from "@domain/schemas/issues";
import { ERROR_CATALOG, type ErrorKey, HttpError, type MessageParams } from "./errors";
import { type Language, pickLanguage, translate } from "./messages";
import { databaseRefusal } from "@server/db/constraint-error";
import { bodyCutOff, bodyStillArriving } from "./request-body";
import type { SecurityHeaders } from "./security-headers";
import { RequestValidationError } from "./validation";

// Fastify's own refusals, mapped onto our catalogue.
const FASTIFY_CODES: Record<string, ErrorKey> = {
  FST_ERR_CTP_INVALID_JSON_BODY: "invalidJson",
  FST_ERR_CTP_BODY_TOO_LARGE: "bodyTooLarge",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "unsupportedMediaType",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "badRequest",
  FST_ERR_CTP_INVALID_TYPE: "unsupportedMediaType",
};

/** The Webex error body for a refusal, in the user's language, with its HTTP status. */
export function errorBody(
  language: Language,
  key: ErrorKey,
  trackingId: string,
  params: MessageParams = {},
  issues: FieldIssue[] = [],
) {
  const { status, errorCode } = ERROR_CATALOG[key];
  // A generic validation failure spells out each field; a specific refusal already says it.
  const described = key !== "validation" ? [] : issues.map((issue) => {
    const text = translate(language, "validation", issue.code, issue.params);
    return issue.path.length ? `${issue.path.join(".")}: ${text}` : text;
  });
  const message = [translate(language, "errors", key, params), ...described].join(" ");
  return {
    status,
    body: {
      message,
      errors: [{ description: message, errorCode }],
      trackingId,
      code: key,
      ...(Object.keys(params).length ? { params } : {}),
      ...(issues.length ? { issues } : {}),
    },
  };
}

function send(
  request: FastifyRequest,
  reply: FastifyReply,
  key: ErrorKey,
  params: MessageParams = {},
  issues: FieldIssue[] = [],
) {
  const language = pickLanguage(request.headers["accept-language"]);
  const { status, body } = errorBody(language, key, request.id, params, issues);
  // A refusal that ends with time (too many sign-ins) says when to try again.
  if (status === 429 && typeof params.seconds === "number") reply.header("retry-after", String(params.seconds));
  return reply.code(status).header("content-language", language).send(body);
}

/**
 * Fastify's refusals made before a route is found (a malformed percent-escape, a path
 * segment past maxParamLength) answer in the same body as every other error, with the
 * same security headers.
 */
export function frameworkErrors(securityHeaders: SecurityHeaders) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    // Sent before any route's hooks exist, so neither helmet nor the app's onSend hook adds these.
    reply.headers(securityHeaders).header("trackingid", request.id);
    // Nor the body guard: a body still arriving is not waited for, the connection closes after the answer.
    if (bodyStillArriving(request.raw)) reply.header("connection", "close");
    return send(request, reply, error.code === "FST_ERR_MAX_PARAM_LENGTH" ? "routeNotFound" : "badRequest");
  };
}

export function installErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    // A body cut off for taking too long: whatever its reader then failed with.
    if (bodyCutOff(request)) return send(request, reply, "requestTimeout");
    if (error instanceof HttpError) return send(request, reply, error.key, error.params, error.issues);
    if (error instanceof RequestValidationError) {
      // Path parameters that fail their shape name an object that cannot exist.
      if ((error as { validationContext?: string }).validationContext === "params") {
        return send(request, reply, "routeNotFound");
      }
      return send(request, reply, "validation", {}, error.fieldIssues);
    }
    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (mapped) return send(request, reply, mapped);
    const refused = databaseRefusal(error);
    if (refused) return send(request, reply, refused);
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return send(request, reply, "badRequest");
    }
    request.log.error({ err: error }, "unhandled error");
    return send(request, reply, "internal");
  });

  app.setNotFoundHandler((request, reply) => send(request, reply, "routeNotFound"));
}

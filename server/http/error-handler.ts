import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { FieldIssue } from "@domain/schemas/issues";
import { ERROR_CATALOG, type ErrorKey, HttpError, type MessageParams } from "./errors";
import { pickLanguage, translate } from "./messages";
import { RequestValidationError } from "./validation";

// Fastify's own refusals, mapped onto our catalogue.
const FASTIFY_CODES: Record<string, ErrorKey> = {
  FST_ERR_CTP_INVALID_JSON_BODY: "invalidJson",
  FST_ERR_CTP_BODY_TOO_LARGE: "bodyTooLarge",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "unsupportedMediaType",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "badRequest",
  FST_ERR_CTP_INVALID_TYPE: "unsupportedMediaType",
};

function send(
  request: FastifyRequest,
  reply: FastifyReply,
  key: ErrorKey,
  params: MessageParams = {},
  issues: FieldIssue[] = [],
) {
  const language = pickLanguage(request.headers["accept-language"]);
  const { status, errorCode } = ERROR_CATALOG[key];
  // A generic validation failure spells out each field; a specific refusal already says it.
  const described = key !== "validation" ? [] : issues.map((issue) => {
    const text = translate(language, "validation", issue.code, issue.params);
    return issue.path.length ? `${issue.path.join(".")}: ${text}` : text;
  });
  const message = [translate(language, "errors", key, params), ...described].join(" ");
  // A refusal that ends with time (too many sign-ins) says when to try again.
  if (status === 429 && typeof params.seconds === "number") reply.header("retry-after", String(params.seconds));
  return reply
    .code(status)
    .header("content-language", language)
    .send({
      message,
      errors: [{ description: message, errorCode }],
      trackingId: request.id,
      code: key,
      ...(Object.keys(params).length ? { params } : {}),
      ...(issues.length ? { issues } : {}),
    });
}

/**
 * Fastify's refusals made before a route is found (a malformed percent-escape, a path
 * segment past maxParamLength) answer in the same body as every other error.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  // Sent before any route's hooks exist, so the app's onSend hook does not add these.
  reply.header("trackingid", request.id).header("x-content-type-options", "nosniff");
  return send(request, reply, error.code === "FST_ERR_MAX_PARAM_LENGTH" ? "routeNotFound" : "badRequest");
}

export function installErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
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
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return send(request, reply, "badRequest");
    }
    request.log.error({ err: error }, "unhandled error");
    return send(request, reply, "internal");
  });

  app.setNotFoundHandler((request, reply) => send(request, reply, "routeNotFound"));
}

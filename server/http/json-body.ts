import type { FastifyInstance } from "fastify";

/**
 * Fastify's JSON parser, except that an empty body is no body: Webex client libraries
 * send `Content-Type: application/json` on every call, a DELETE's included. A route
 * that needs a body then refuses the missing one through its schema, as when no
 * content type is sent.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function acceptEmptyJsonBodies(app: FastifyInstance<any, any, any, any, any>) {
  const { onProtoPoisoning = "error", onConstructorPoisoning = "error" } = app.initialConfig;
  const parse = app.getDefaultJsonParser(onProtoPoisoning, onConstructorPoisoning);
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (request, body, done) => {
    if (body.length === 0) return done(null, undefined);
    // parseAs "string" reads a string; the parser's type allows a Buffer for other settings.
    return parse(request, body as string, done);
  });
}

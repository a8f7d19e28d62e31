import fastifySwagger, { type FastifyStaticSwaggerOptions } from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import { apiDocument } from "./openapi-document";

// The API's document and its reference page, public as Webex's are: they describe the
// API and hold no data. They live outside /v1, so the access rules do not apply, and
// their own routes win over the SPA's catch-all, so they never answer with the SPA.

export const OPENAPI_PATH = "/openapi.json";
/** The reference page; the SPA's user menu links to it (a page of the server, not a screen of the SPA). */
export const DOCS_PATH = "/docs";

export async function apiDocsRoutes(app: FastifyInstance) {
  // Static mode: the document is made from the endpoint table, not gathered from routes, on
  // first use rather than at start (it converts every endpoint's schemas).
  const specification = { document: builtOnFirstUse(apiDocument) } as FastifyStaticSwaggerOptions["specification"];
  await app.register(fastifySwagger, { mode: "static", specification });
  // Its assets come from the package and its scripts from files, so the app's strict CSP
  // holds as it is. The base layout leaves out Swagger's top bar, whose logo is an SVG
  // with an inline <style> that the CSP would block (and a box to load other documents).
  await app.register(fastifySwaggerUi, {
    routePrefix: DOCS_PATH,
    theme: { title: "Call Park Admin API reference" },
    uiConfig: { layout: "BaseLayout", docExpansion: "list", defaultModelsExpandDepth: 0, tryItOutEnabled: false },
  });
  app.get(OPENAPI_PATH, (_request, reply) => reply.send(app.swagger()));
}

/**
 * An object that stands for what `build` returns, built the first time anything reads it
 * (a property, its keys: JSON.stringify, a deep copy), then kept.
 */
function builtOnFirstUse<T extends object>(build: () => T): T {
  let built: T | undefined;
  const target = () => (built ??= build());
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(target(), key),
    has: (_, key) => Reflect.has(target(), key),
    ownKeys: () => Reflect.ownKeys(target()),
    // Reported configurable: the proxy's own (empty) target does not hold the property.
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(target(), key);
      return descriptor && { ...descriptor, configurable: true };
    },
  });
}

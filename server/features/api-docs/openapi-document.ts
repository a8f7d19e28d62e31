import { API_BASE, type Endpoint, paramNames, paramsSchema } from "@domain/api/endpoint";
import { allEndpoints, type api } from "@domain/api/endpoints";
import { MAX_CSV_BYTES } from "@domain/csv/call-park-extension-csv";
import { components, errorResponsesOf, jsonSchema, securityOf, TAGS, versionParametersOf } from "./openapi-components";

// The OpenAPI 3.1 document of the API, made from the endpoint table itself: the same
// entries register the routes and their zod schemas validate the requests, so the
// document cannot drift from what the server does. Paths are written below the
// server's `/v1`, as Webex's specs write theirs below https://webexapis.com/v1.

type JsonObject = Record<string, unknown>;

const WEBEX = "Webex Calling: the same path, fields and status codes as Webex's own API, so a client written for webexapis.com works unchanged.";
const OURS = "Ours: this project's own operation, not part of the Webex API.";
const PAGED = "Pages with `start` and `max`; the `Link` header (`rel=\"next\"`) gives the next page while more remain.";

const STATUS_TEXT = { 200: "OK", 201: "Created", 204: "No Content" } as const;

function objectProperties(schema: JsonObject, what: string) {
  if (schema.type !== "object" || typeof schema.properties !== "object") throw new Error(`${what} is not an object schema`);
  return { properties: schema.properties as Record<string, JsonObject>, required: (schema.required as string[] | undefined) ?? [] };
}

function parametersOf(name: string, e: Endpoint) {
  const path = objectProperties(jsonSchema(paramsSchema(e), "input"), `${name}: path parameters`);
  const inPath = paramNames(e.path).map((param) => ({ name: param, in: "path", required: true, schema: path.properties[param] }));
  if (!e.query) return inPath;
  const query = objectProperties(jsonSchema(e.query, "input"), `${name}: query`);
  const inQuery = Object.entries(query.properties).map(([param, schema]) => ({
    name: param,
    in: "query",
    required: query.required.includes(param) && !("default" in schema),
    // The schema's own description, where the reference page shows a parameter's.
    ...(typeof schema.description === "string" ? { description: schema.description } : {}),
    schema,
  }));
  return [...inPath, ...inQuery];
}

/** The CSV file, as a browser form sends it (field `file`) or as the body itself. */
const CSV_UPLOAD = {
  required: true,
  description: `A CSV file of call park extensions (header row, then one extension a row), up to ${MAX_CSV_BYTES / 1024 / 1024} MB.`,
  content: {
    "multipart/form-data": {
      schema: {
        type: "object",
        required: ["file"],
        properties: { file: { type: "string", format: "binary", contentMediaType: "text/csv" } },
      },
    },
    "text/csv": { schema: { type: "string" } },
  },
};

function requestBodyOf(e: Endpoint) {
  if (e.upload === "csv") return CSV_UPLOAD;
  if (!e.body) return undefined;
  return { required: !e.body.safeParse(undefined).success, content: { "application/json": { schema: jsonSchema(e.body, "input") } } };
}

function successOf(e: Endpoint) {
  const headers: JsonObject = { TrackingID: { $ref: "#/components/headers/TrackingID" } };
  if (e.versioned && e.method === "GET") headers.ETag = { $ref: "#/components/headers/ETag" };
  if (e.list) {
    headers.Link = { $ref: "#/components/headers/Link" };
    headers["X-Total-Count"] = { $ref: "#/components/headers/X-Total-Count" };
  }
  return {
    description: STATUS_TEXT[e.status],
    headers,
    ...(e.response ? { content: { "application/json": { schema: jsonSchema(e.response, "output") } } } : {}),
  };
}

function operationOf(name: string, e: Endpoint) {
  const group = name.split(".")[0] as keyof typeof api;
  const hasPathParams = paramNames(e.path).length > 0;
  const requestBody = requestBodyOf(e);
  return {
    operationId: name,
    tags: [TAGS[group].name],
    summary: e.summary,
    description: [e.webex ? WEBEX : OURS, ...(e.list ? [PAGED] : [])].join("\n\n"),
    "x-webex": e.webex,
    security: securityOf(e),
    parameters: [...parametersOf(name, e), ...versionParametersOf(e)],
    ...(requestBody ? { requestBody } : {}),
    responses: { [e.status]: successOf(e), ...errorResponsesOf(e, hasPathParams) },
  };
}

/** The whole API as an OpenAPI 3.1 document. */
export function openApiDocument(endpoints: readonly { name: string; endpoint: Endpoint }[] = allEndpoints) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const { name, endpoint: e } of endpoints) {
    const item = (paths[e.path] ??= {});
    const method = e.method.toLowerCase();
    if (item[method]) throw new Error(`${e.method} ${e.path} is in the table twice`);
    item[method] = operationOf(name, e);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Call Park Admin API",
      version: "1",
      description:
        "Webex Calling's call park operations, as webexapis.com answers them, and this project's own (sessions, " +
        "access tokens, the audit log, organisation-wide lists, CSV import jobs). Each operation says which it is " +
        "(`x-webex`). Errors carry Webex's error body.",
      license: { name: "Apache-2.0", identifier: "Apache-2.0" },
    },
    servers: [{ url: API_BASE, description: "This server" }],
    tags: Object.values(TAGS),
    paths,
    components,
  };
}

export type OpenApiDocument = ReturnType<typeof openApiDocument>;

let cached: OpenApiDocument | undefined;
/** The document of `allEndpoints`, made once per process: the table does not change while it runs. */
export function apiDocument(): OpenApiDocument {
  return (cached ??= openApiDocument());
}

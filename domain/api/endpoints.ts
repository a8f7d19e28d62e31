import { z } from "zod";
import { auditActorListSchema, auditEventListQuerySchema, auditEventListSchema } from "@domain/schemas/audit-event";
import {
  accessTokenCreatedSchema,
  accessTokenCreateSchema,
  accessTokenListSchema,
  meSchema,
  sessionSchema,
  signInSchema,
} from "@domain/schemas/auth";
import {
  availableCallParkExtensionsQuerySchema,
  availableCallParkExtensionsSchema,
  availableRecallHuntGroupsQuerySchema,
  availableRecallHuntGroupsSchema,
  availableUsersQuerySchema,
  availableUsersSchema,
  callParkCreateSchema,
  callParkIdSchema,
  callParkListQuerySchema,
  callParkListSchema,
  callParkOrgListQuerySchema,
  callParkSchema,
  callParkUpdateSchema,
} from "@domain/schemas/call-park";
import {
  callParkExtensionCreateSchema,
  callParkExtensionListQuerySchema,
  callParkExtensionListSchema,
  callParkExtensionSchema,
  callParkExtensionUpdateSchema,
  validateExtensionsInputSchema,
  validateExtensionsResultSchema,
} from "@domain/schemas/call-park-extension";
import { callParkSettingsSchema, callParkSettingsUpdateSchema } from "@domain/schemas/call-park-settings";
import {
  importJobErrorListSchema,
  importJobErrorsQuerySchema,
  importJobListQuerySchema,
  importJobListSchema,
  importJobSchema,
  importPreviewSchema,
  importUploadQuerySchema,
} from "@domain/schemas/import-job";
import {
  locationIncludeSchema,
  locationListQuerySchema,
  locationListSchema,
  locationWithCountsSchema,
  organizationListSchema,
} from "@domain/schemas/location";
import { gatewayStatusSchema } from "@domain/schemas/gateway-status";
import { orgIdSchema, orgQuerySchema, withOrgId } from "@domain/schemas/org-query";
import { type Endpoint, endpoint } from "./endpoint";

const created = z.object({ id: z.string() });
const LOCATION = "/telephony/config/locations/{locationId}";

/**
 * Every endpoint of the API, once. `webex: true` marks the public Webex Calling
 * operations (same path, fields, status codes as webexapis.com); the others are this
 * project's own additions (sessions, tokens, audit log, org-wide lists, import jobs).
 */
export const api = {
  session: {
    signIn: endpoint({
      method: "POST", path: "/session", query: orgQuerySchema, body: signInSchema, response: sessionSchema, status: 201,
      access: "public", webex: false, summary: "Sign in: opens a session held in an httpOnly cookie",
    }),
    get: endpoint({
      method: "GET", path: "/session", query: orgQuerySchema, response: sessionSchema, status: 200,
      access: "account", webex: false, summary: "The signed-in administrator's session",
    }),
    signOut: endpoint({
      method: "DELETE", path: "/session", query: orgQuerySchema, status: 204,
      access: "account", webex: false, summary: "Sign out, ending the session on the server",
    }),
  },
  people: {
    me: endpoint({
      method: "GET", path: "/people/me", query: orgQuerySchema, response: meSchema, status: 200,
      access: "account", webex: true, summary: "The administrator the request acts for",
    }),
    listAccessTokens: endpoint({
      method: "GET", path: "/people/me/accessTokens", query: orgQuerySchema, response: accessTokenListSchema, status: 200,
      access: "account", webex: false, summary: "The administrator's personal access tokens",
    }),
    createAccessToken: endpoint({
      method: "POST", path: "/people/me/accessTokens", query: orgQuerySchema, body: accessTokenCreateSchema,
      response: accessTokenCreatedSchema, status: 201, access: "account", webex: false,
      summary: "Create a personal access token (shown this once)",
    }),
    revokeAccessToken: endpoint({
      method: "DELETE", path: "/people/me/accessTokens/{tokenId}", query: orgQuerySchema, status: 204,
      access: "account", webex: false, summary: "Revoke a personal access token",
    }),
  },
  auditEvents: {
    list: endpoint({
      method: "GET", path: "/auditEvents", query: withOrgId(auditEventListQuerySchema), response: auditEventListSchema,
      status: 200, list: "items", access: "read", webex: false, summary: "The audit log, newest first",
    }),
    actors: endpoint({
      method: "GET", path: "/auditEvents/actors", query: orgQuerySchema, response: auditActorListSchema, status: 200,
      access: "read", webex: false, summary: "The people the audit log names",
    }),
  },
  gateway: {
    status: endpoint({
      method: "GET", path: "/gateway/status", query: orgQuerySchema, response: gatewayStatusSchema, status: 200,
      access: "read", webex: false, summary: "Which organisation this server manages (its own, or one in Webex) and its last synchronisation",
    }),
    sync: endpoint({
      method: "POST", path: "/gateway/actions/sync/invoke", query: orgQuerySchema, response: gatewayStatusSchema, status: 200,
      access: "read", webex: false, summary: "Webex mode: start a synchronisation of the mirror now (answers at once; status says when it ends)",
    }),
  },
  organizations: {
    list: endpoint({
      method: "GET", path: "/organizations", query: orgQuerySchema, response: organizationListSchema, status: 200,
      access: "read", webex: true, summary: "The organisations this administrator manages",
    }),
  },
  locations: {
    list: endpoint({
      method: "GET", path: "/locations", query: locationListQuerySchema, response: locationListSchema, status: 200,
      list: "items", access: "read", webex: true, summary: "Locations (with call park counts on request)",
    }),
    get: endpoint({
      method: "GET", path: "/locations/{locationId}",
      query: z.object({ include: locationIncludeSchema, orgId: orgIdSchema }), response: locationWithCountsSchema,
      status: 200, access: "read", webex: true, summary: "One location",
    }),
  },
  callParkExtensions: {
    list: endpoint({
      method: "GET", path: "/telephony/config/callParkExtensions", query: callParkExtensionListQuerySchema,
      response: callParkExtensionListSchema, status: 200, list: "callParkExtensions",
      access: "read", webex: true, summary: "Call park extensions of the organisation",
    }),
    create: endpoint({
      method: "POST", path: `${LOCATION}/callParkExtensions`, query: orgQuerySchema, body: callParkExtensionCreateSchema,
      response: created, status: 201, access: "write", webex: true, summary: "Create a call park extension",
    }),
    get: endpoint({
      method: "GET", path: `${LOCATION}/callParkExtensions/{callParkExtensionId}`, query: orgQuerySchema,
      response: callParkExtensionSchema.omit({ id: true }), status: 200,
      versioned: true, access: "read", webex: true, summary: "One call park extension",
    }),
    update: endpoint({
      method: "PUT", path: `${LOCATION}/callParkExtensions/{callParkExtensionId}`, query: orgQuerySchema,
      body: callParkExtensionUpdateSchema, status: 204, versioned: true, access: "write", webex: true, summary: "Update a call park extension",
    }),
    delete: endpoint({
      method: "DELETE", path: `${LOCATION}/callParkExtensions/{callParkExtensionId}`, query: orgQuerySchema, status: 204,
      access: "write", webex: true, summary: "Delete a call park extension",
    }),
    validateExtensions: endpoint({
      method: "POST", path: `${LOCATION}/actions/validateExtensions/invoke`, query: orgQuerySchema,
      body: validateExtensionsInputSchema, response: validateExtensionsResultSchema, status: 200,
      access: "write", webex: true, summary: "Whether extensions are free in the location's numbering plan",
    }),
  },
  callParks: {
    orgList: endpoint({
      method: "GET", path: "/telephony/config/callParks", query: callParkOrgListQuerySchema, response: callParkListSchema,
      status: 200, list: "callParks", access: "read", webex: false, summary: "Call park groups of the organisation",
    }),
    list: endpoint({
      method: "GET", path: `${LOCATION}/callParks`, query: callParkListQuerySchema, response: callParkListSchema,
      status: 200, list: "callParks", access: "read", webex: true, summary: "The location's call park groups",
    }),
    create: endpoint({
      method: "POST", path: `${LOCATION}/callParks`, query: orgQuerySchema, body: callParkCreateSchema,
      response: callParkIdSchema, status: 201, access: "write", webex: true, summary: "Create a call park group",
    }),
    availableUsers: endpoint({
      method: "GET", path: `${LOCATION}/callParks/availableUsers`, query: availableUsersQuerySchema,
      response: availableUsersSchema, status: 200, list: "agents", access: "read", webex: true,
      summary: "People, workspaces and virtual lines a group may take",
    }),
    availableRecallHuntGroups: endpoint({
      method: "GET", path: `${LOCATION}/callParks/availableRecallHuntGroups`, query: availableRecallHuntGroupsQuerySchema,
      response: availableRecallHuntGroupsSchema, status: 200, list: "huntGroups", access: "read", webex: true,
      summary: "Hunt groups a group's recall may go to",
    }),
    availableCallParkExtensions: endpoint({
      method: "GET", path: `${LOCATION}/callParks/availableCallParkExtensions`,
      query: availableCallParkExtensionsQuerySchema, response: availableCallParkExtensionsSchema, status: 200,
      list: "callParkExtensions", access: "read", webex: false, summary: "Call park extensions a group may take",
    }),
    get: endpoint({
      method: "GET", path: `${LOCATION}/callParks/{callParkId}`, query: orgQuerySchema, response: callParkSchema,
      status: 200, versioned: true, access: "read", webex: true, summary: "One call park group",
    }),
    update: endpoint({
      method: "PUT", path: `${LOCATION}/callParks/{callParkId}`, query: orgQuerySchema, body: callParkUpdateSchema,
      response: callParkIdSchema, status: 200, versioned: true, access: "write", webex: true, summary: "Update a call park group (renamed, it answers its new id, as Webex does)",
    }),
    delete: endpoint({
      method: "DELETE", path: `${LOCATION}/callParks/{callParkId}`, query: orgQuerySchema, status: 204,
      access: "write", webex: true, summary: "Delete a call park group",
    }),
  },
  callParkSettings: {
    get: endpoint({
      method: "GET", path: `${LOCATION}/callParks/settings`, query: orgQuerySchema, response: callParkSettingsSchema,
      status: 200, versioned: true, access: "read", webex: true, summary: "The location's Call Park Settings",
    }),
    update: endpoint({
      method: "PUT", path: `${LOCATION}/callParks/settings`, query: orgQuerySchema, body: callParkSettingsUpdateSchema,
      status: 204, versioned: true, access: "write", webex: true, summary: "Update the location's Call Park Settings",
    }),
  },
  importJobs: {
    create: endpoint({
      method: "POST", path: "/telephony/config/jobs/callParkExtensions", query: withOrgId(importUploadQuerySchema),
      upload: "csv", response: importJobSchema, status: 201, access: "write", webex: false,
      summary: "Import a CSV of call park extensions as a job",
    }),
    preview: endpoint({
      method: "POST", path: "/telephony/config/jobs/callParkExtensions/actions/preview/invoke",
      query: withOrgId(importUploadQuerySchema), upload: "csv", response: importPreviewSchema, status: 200,
      access: "write", webex: false, summary: "The import's dry run, row by row",
    }),
    list: endpoint({
      method: "GET", path: "/telephony/config/jobs/callParkExtensions", query: withOrgId(importJobListQuerySchema),
      response: importJobListSchema, status: 200, list: "items", access: "read", webex: false,
      summary: "Import jobs, newest first",
    }),
    get: endpoint({
      method: "GET", path: "/telephony/config/jobs/callParkExtensions/{jobId}", query: orgQuerySchema,
      response: importJobSchema, status: 200, access: "read", webex: false, summary: "One import job",
    }),
    errors: endpoint({
      method: "GET", path: "/telephony/config/jobs/callParkExtensions/{jobId}/errors",
      query: withOrgId(importJobErrorsQuerySchema), response: importJobErrorListSchema, status: 200, list: "items",
      access: "read", webex: false, summary: "An import job's rows in error",
    }),
  },
} as const satisfies Record<string, Record<string, Endpoint>>;

/** Every endpoint, flat, as `{ name: "callParks.get", endpoint }`, for the route table, tests and documents. */
export const allEndpoints = Object.entries(api).flatMap(([group, endpoints]) =>
  Object.entries(endpoints).map(([name, e]) => ({ name: `${group}.${name}`, endpoint: e as Endpoint })),
);

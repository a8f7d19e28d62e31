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
import { callParkHealthQuerySchema, callParkHealthSchema } from "@domain/schemas/call-park-health";
import { callParkSettingsSchema, callParkSettingsUpdateSchema } from "@domain/schemas/call-park-settings";
import { suggestExtensionsInputSchema, suggestExtensionsResultSchema } from "@domain/schemas/extension-suggestions";
import { whereUsedInputSchema, whereUsedResultSchema } from "@domain/schemas/call-park-extension-usage";
import { simulationRequestSchema, simulationResultSchema } from "@domain/schemas/simulation";
import { simulationStreamQuerySchema } from "@domain/schemas/simulation-stream";
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
  callParkExportInputSchema,
  callParkExportSchema,
  callParkImportJobErrorListSchema,
  callParkImportJobListSchema,
  callParkImportJobSchema,
  callParkImportPreviewSchema,
} from "@domain/schemas/call-park-import";
import {
  locationIncludeSchema,
  locationListQuerySchema,
  locationListSchema,
  locationWithCountsSchema,
  organizationListSchema,
} from "@domain/schemas/location";
import { gatewayStatusSchema } from "@domain/schemas/gateway-status";
import { orgIdSchema, orgQuerySchema, withOrgId } from "@domain/schemas/org-query";
import { addresses } from "./addresses";
import { type Endpoint, joinEndpoints } from "./endpoint";

const created = z.object({ id: z.string() });

/**
 * Every endpoint of the API, once: its address (method, path, status, list key, versions)
 * from ./addresses.ts, joined here with its schemas and rules. `webex: true` marks the
 * public Webex Calling operations (same path, fields, status codes as webexapis.com); the
 * others are this project's own additions (sessions, tokens, audit log, org-wide lists,
 * import jobs).
 */
export const api = joinEndpoints(addresses, {
  session: {
    signIn: {
      query: orgQuerySchema, body: signInSchema, response: sessionSchema,
      access: "public", webex: false, summary: "Sign in: opens a session held in an httpOnly cookie",
    },
    get: {
      query: orgQuerySchema, response: sessionSchema,
      access: "account", webex: false, summary: "The signed-in administrator's session",
    },
    signOut: {
      query: orgQuerySchema,
      access: "account", webex: false, summary: "Sign out, ending the session on the server",
    },
  },
  people: {
    me: {
      query: orgQuerySchema, response: meSchema,
      access: "account", webex: true, summary: "The administrator the request acts for",
    },
    listAccessTokens: {
      query: orgQuerySchema, response: accessTokenListSchema,
      access: "account", webex: false, summary: "The administrator's personal access tokens",
    },
    createAccessToken: {
      query: orgQuerySchema, body: accessTokenCreateSchema, response: accessTokenCreatedSchema,
      access: "account", webex: false, summary: "Create a personal access token (shown this once)",
    },
    revokeAccessToken: {
      query: orgQuerySchema,
      access: "account", webex: false, summary: "Revoke a personal access token",
    },
  },
  auditEvents: {
    list: {
      query: withOrgId(auditEventListQuerySchema), response: auditEventListSchema,
      access: "read", webex: false, summary: "The audit log, newest first or in `order` (time, actorName, action, objectType)",
    },
    actors: {
      query: orgQuerySchema, response: auditActorListSchema,
      access: "read", webex: false, summary: "The people the audit log names",
    },
  },
  gateway: {
    status: {
      query: orgQuerySchema, response: gatewayStatusSchema,
      access: "read", webex: false,
      summary: "Which organisation this server manages (its own, or one in Webex) and its last synchronisation",
    },
    sync: {
      query: orgQuerySchema, response: gatewayStatusSchema,
      access: "read", webex: false,
      summary: "Webex mode: start a synchronisation of the mirror now (answers at once; status says when it ends)",
    },
  },
  organizations: {
    list: {
      query: orgQuerySchema, response: organizationListSchema,
      access: "read", webex: true, summary: "The organisations this administrator manages",
    },
  },
  locations: {
    list: {
      query: locationListQuerySchema, response: locationListSchema,
      access: "read", webex: true, summary: "Locations (our additions: call park counts with include=callParkCounts, and order)",
    },
    get: {
      query: z.object({ include: locationIncludeSchema, orgId: orgIdSchema }), response: locationWithCountsSchema,
      access: "read", webex: true, summary: "One location",
    },
  },
  callParkExtensions: {
    list: {
      query: callParkExtensionListQuerySchema, response: callParkExtensionListSchema,
      access: "read", webex: true, summary: "Call park extensions of the organisation",
    },
    create: {
      query: orgQuerySchema, body: callParkExtensionCreateSchema, response: created,
      access: "write", webex: true, summary: "Create a call park extension",
    },
    get: {
      query: orgQuerySchema, response: callParkExtensionSchema.omit({ id: true }),
      access: "read", webex: true, summary: "One call park extension",
    },
    update: {
      query: orgQuerySchema, body: callParkExtensionUpdateSchema,
      access: "write", webex: true, summary: "Update a call park extension",
    },
    delete: {
      query: orgQuerySchema,
      access: "write", webex: true, summary: "Delete a call park extension",
    },
    validateExtensions: {
      query: orgQuerySchema, body: validateExtensionsInputSchema, response: validateExtensionsResultSchema,
      access: "write", webex: true, summary: "Whether extensions are free in the location's numbering plan",
    },
    suggestExtensions: {
      query: orgQuerySchema, body: suggestExtensionsInputSchema, response: suggestExtensionsResultSchema,
      access: "write", webex: false,
      summary: "The `count` extensions free in the location's numbering plan nearest to `near`, of its length (free as validateExtensions says)",
    },
    whereUsed: {
      query: orgQuerySchema, body: whereUsedInputSchema, response: whereUsedResultSchema,
      access: "read", webex: false,
      summary: "Where the location's call park extensions `ids` are used: the group parking on each, at which position of its hunting order (ids of none of its call park extensions left out)",
    },
  },
  callParks: {
    orgList: {
      query: callParkOrgListQuerySchema, response: callParkListSchema,
      access: "read", webex: false, summary: "Call park groups of the organisation",
    },
    list: {
      query: callParkListQuerySchema, response: callParkListSchema,
      access: "read", webex: true, summary: "The location's call park groups",
    },
    create: {
      query: orgQuerySchema, body: callParkCreateSchema, response: callParkIdSchema,
      access: "write", webex: true, summary: "Create a call park group",
    },
    availableUsers: {
      query: availableUsersQuerySchema, response: availableUsersSchema,
      access: "read", webex: true, summary: "People, workspaces and virtual lines a group may take",
    },
    availableRecallHuntGroups: {
      query: availableRecallHuntGroupsQuerySchema, response: availableRecallHuntGroupsSchema,
      access: "read", webex: true, summary: "Hunt groups a group's recall may go to",
    },
    availableCallParkExtensions: {
      query: availableCallParkExtensionsQuerySchema, response: availableCallParkExtensionsSchema,
      access: "read", webex: false, summary: "Call park extensions a group may take",
    },
    get: {
      query: orgQuerySchema, response: callParkSchema,
      access: "read", webex: true, summary: "One call park group",
    },
    update: {
      query: orgQuerySchema, body: callParkUpdateSchema, response: callParkIdSchema,
      access: "write", webex: true, summary: "Update a call park group (renamed, it answers its new id, as Webex does)",
    },
    delete: {
      query: orgQuerySchema,
      access: "write", webex: true, summary: "Delete a call park group",
    },
    simulate: {
      query: orgQuerySchema, body: simulationRequestSchema, response: simulationResultSchema,
      access: "read", webex: false, summary: "Play a script of parks, retrieves and answers over the location's call park configuration",
    },
    simulateStream: {
      query: simulationStreamQuerySchema, response: simulationResultSchema,
      access: "read", webex: false,
      summary: "The same simulation (script: the POST's body as base64url JSON); with `Accept: text/event-stream`, as server-sent events (start, each event at its second divided by `speed`, end)",
    },
  },
  callParkHealth: {
    get: {
      query: callParkHealthQuerySchema, response: callParkHealthSchema,
      access: "read", webex: false,
      summary: "The health check: what is wrong or risky in the call park configuration, most severe first (one location's with `locationId`, one kind's with `kind`)",
    },
  },
  callParkSettings: {
    get: {
      query: orgQuerySchema, response: callParkSettingsSchema,
      access: "read", webex: true, summary: "The location's Call Park Settings",
    },
    update: {
      query: orgQuerySchema, body: callParkSettingsUpdateSchema,
      access: "write", webex: true, summary: "Update the location's Call Park Settings",
    },
  },
  importJobs: {
    create: {
      query: withOrgId(importUploadQuerySchema), upload: "csv", response: importJobSchema,
      access: "write", webex: false, summary: "Import a CSV of call park extensions as a job",
    },
    preview: {
      query: withOrgId(importUploadQuerySchema), upload: "csv", response: importPreviewSchema,
      access: "write", webex: false, summary: "The import's dry run, row by row",
    },
    list: {
      query: withOrgId(importJobListQuerySchema), response: importJobListSchema,
      access: "read", webex: false, summary: "Import jobs, newest first or in `order` (created, fileName, createdBy, status)",
    },
    get: {
      query: orgQuerySchema, response: importJobSchema,
      access: "read", webex: false, summary: "One import job",
    },
    errors: {
      query: withOrgId(importJobErrorsQuerySchema), response: importJobErrorListSchema,
      access: "read", webex: false, summary: "An import job's rows in error",
    },
  },
  callParkImportJobs: {
    create: {
      query: withOrgId(importUploadQuerySchema), upload: "csv", response: callParkImportJobSchema,
      access: "write", webex: false, summary: "Import a CSV of call park groups as a job",
    },
    preview: {
      query: withOrgId(importUploadQuerySchema), upload: "csv", response: callParkImportPreviewSchema,
      access: "write", webex: false, summary: "The group import's dry run, row by row",
    },
    list: {
      query: withOrgId(importJobListQuerySchema), response: callParkImportJobListSchema,
      access: "read", webex: false, summary: "Call park group import jobs, newest first or in `order` (created, fileName, createdBy, status)",
    },
    get: {
      query: orgQuerySchema, response: callParkImportJobSchema,
      access: "read", webex: false, summary: "One call park group import job",
    },
    errors: {
      query: withOrgId(importJobErrorsQuerySchema), response: callParkImportJobErrorListSchema,
      access: "read", webex: false, summary: "A call park group import job's rows in error",
    },
    export: {
      query: orgQuerySchema, body: callParkExportInputSchema, response: callParkExportSchema,
      access: "read", webex: false,
      summary: "Every call park group the caller sees (or `locationId`'s), as the CSV has them: members by email or name, lists in order",
    },
  },
}) satisfies Record<string, Record<string, Endpoint>>;

/** Every endpoint, flat, as `{ name: "callParks.get", endpoint }`, for the route table, tests and documents. */
export const allEndpoints = Object.entries(api).flatMap(([group, endpoints]) =>
  Object.entries(endpoints).map(([name, e]) => ({ name: `${group}.${name}`, endpoint: e as Endpoint })),
);

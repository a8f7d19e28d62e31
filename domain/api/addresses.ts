import type { AddressOf, EndpointAddress } from "./endpoint";
import type { api as endpoints } from "./endpoints";

// Where each endpoint of the API is: its method, path, success status, the key of a list's
// items and whether it is versioned; what a call needs at run time. Its schemas and rules
// (query, body, answer, access, Webex or ours, summary) are in ./endpoints.ts, which joins
// the two into `api`, the one table. No zod here: the SPA calls the API through this half
// (vite.config.ts gives the SPA this module for ./endpoints), so its first screen does not
// carry every schema; a screen that needs one (a form) imports it from domain/schemas.

const LOCATION = "/telephony/config/locations/{locationId}";

/** Every endpoint's address, grouped and named as in `api`. */
export const addresses = {
  session: {
    signIn: { method: "POST", path: "/session", status: 201 },
    get: { method: "GET", path: "/session", status: 200 },
    signOut: { method: "DELETE", path: "/session", status: 204 },
  },
  people: {
    me: { method: "GET", path: "/people/me", status: 200 },
    listAccessTokens: { method: "GET", path: "/people/me/accessTokens", status: 200 },
    createAccessToken: { method: "POST", path: "/people/me/accessTokens", status: 201 },
    revokeAccessToken: { method: "DELETE", path: "/people/me/accessTokens/{tokenId}", status: 204 },
  },
  auditEvents: {
    list: { method: "GET", path: "/auditEvents", status: 200, list: "items" },
    actors: { method: "GET", path: "/auditEvents/actors", status: 200 },
  },
  gateway: {
    status: { method: "GET", path: "/gateway/status", status: 200 },
    sync: { method: "POST", path: "/gateway/actions/sync/invoke", status: 200 },
  },
  organizations: {
    list: { method: "GET", path: "/organizations", status: 200 },
  },
  locations: {
    list: { method: "GET", path: "/locations", status: 200, list: "items" },
    get: { method: "GET", path: "/locations/{locationId}", status: 200 },
  },
  callParkExtensions: {
    list: { method: "GET", path: "/telephony/config/callParkExtensions", status: 200, list: "callParkExtensions" },
    create: { method: "POST", path: `${LOCATION}/callParkExtensions`, status: 201 },
    get: { method: "GET", path: `${LOCATION}/callParkExtensions/{callParkExtensionId}`, status: 200, versioned: true },
    update: { method: "PUT", path: `${LOCATION}/callParkExtensions/{callParkExtensionId}`, status: 204, versioned: true },
    delete: { method: "DELETE", path: `${LOCATION}/callParkExtensions/{callParkExtensionId}`, status: 204 },
    validateExtensions: { method: "POST", path: `${LOCATION}/actions/validateExtensions/invoke`, status: 200 },
    suggestExtensions: { method: "POST", path: `${LOCATION}/actions/suggestExtensions/invoke`, status: 200 },
    whereUsed: { method: "POST", path: `${LOCATION}/callParkExtensions/actions/whereUsed/invoke`, status: 200 },
  },
  callParks: {
    orgList: { method: "GET", path: "/telephony/config/callParks", status: 200, list: "callParks" },
    list: { method: "GET", path: `${LOCATION}/callParks`, status: 200, list: "callParks" },
    create: { method: "POST", path: `${LOCATION}/callParks`, status: 201 },
    availableUsers: { method: "GET", path: `${LOCATION}/callParks/availableUsers`, status: 200, list: "agents" },
    availableRecallHuntGroups: {
      method: "GET", path: `${LOCATION}/callParks/availableRecallHuntGroups`, status: 200, list: "huntGroups",
    },
    availableCallParkExtensions: {
      method: "GET", path: `${LOCATION}/callParks/availableCallParkExtensions`, status: 200, list: "callParkExtensions",
    },
    get: { method: "GET", path: `${LOCATION}/callParks/{callParkId}`, status: 200, versioned: true },
    update: { method: "PUT", path: `${LOCATION}/callParks/{callParkId}`, status: 200, versioned: true },
    delete: { method: "DELETE", path: `${LOCATION}/callParks/{callParkId}`, status: 204 },
    simulate: { method: "POST", path: `${LOCATION}/callParks/actions/simulate/invoke`, status: 200 },
    simulateStream: { method: "GET", path: `${LOCATION}/callParks/actions/simulate/stream`, status: 200 },
  },
  callParkHealth: {
    get: { method: "GET", path: "/telephony/config/callParkHealth", status: 200 },
  },
  callParkSettings: {
    get: { method: "GET", path: `${LOCATION}/callParks/settings`, status: 200, versioned: true },
    update: { method: "PUT", path: `${LOCATION}/callParks/settings`, status: 204, versioned: true },
  },
  importJobs: {
    create: { method: "POST", path: "/telephony/config/jobs/callParkExtensions", status: 201 },
    preview: { method: "POST", path: "/telephony/config/jobs/callParkExtensions/actions/preview/invoke", status: 200 },
    list: { method: "GET", path: "/telephony/config/jobs/callParkExtensions", status: 200, list: "items" },
    get: { method: "GET", path: "/telephony/config/jobs/callParkExtensions/{jobId}", status: 200 },
    errors: { method: "GET", path: "/telephony/config/jobs/callParkExtensions/{jobId}/errors", status: 200, list: "items" },
  },
  callParkImportJobs: {
    create: { method: "POST", path: "/telephony/config/jobs/callParks", status: 201 },
    preview: { method: "POST", path: "/telephony/config/jobs/callParks/actions/preview/invoke", status: 200 },
    list: { method: "GET", path: "/telephony/config/jobs/callParks", status: 200, list: "items" },
    get: { method: "GET", path: "/telephony/config/jobs/callParks/{jobId}", status: 200 },
    errors: { method: "GET", path: "/telephony/config/jobs/callParks/{jobId}/errors", status: 200, list: "items" },
    export: { method: "POST", path: "/telephony/config/jobs/callParks/actions/export/invoke", status: 200 },
  },
} as const satisfies Record<string, Record<string, EndpointAddress>>;

/** The table as the SPA holds it: each endpoint's address, its schemas as types only (what callApi types a call by). */
export type ApiAddresses<Table> = { readonly [G in keyof Table]: { readonly [N in keyof Table[G]]: AddressOf<Table[G][N]> } };

/** `api` for the SPA: every endpoint's address, typed by its schemas without carrying them. */
export const api: ApiAddresses<typeof endpoints> = addresses;

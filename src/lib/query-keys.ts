// The root of each feature's query keys. A feature builds its keys from its own root;
// another feature that changes its data invalidates it through the root, never a literal.
export const queryRoots = {
  /** The signed-in administrator's session; cleared on sign-out. */
  session: ["session"] as const,
  /** The signed-in administrator's personal access tokens. */
  accessTokens: ["accessTokens"] as const,
  auditEvents: ["auditEvents"] as const,
  callParkExtensions: ["callParkExtensions"] as const,
  callParks: ["callParks"] as const,
  locations: ["locations"] as const,
  /** Bulk import tasks (jobs); a new import refreshes the Tasks page through it. */
  importJobs: ["importJobs"] as const,
  /** Webex mode: which organisation the server manages and its synchronisation. */
  gateway: ["gateway"] as const,
  /** Dry runs of a bulk import; kept apart so refreshing the tasks never re-runs one. */
  importPreviews: ["importPreviews"] as const,
};

import { queryOptions } from "@tanstack/react-query";
import { api } from "@domain/api/endpoints";
import type { AuditEventListQuery } from "@domain/schemas/audit-event";
import { callApi, callApiPage } from "@/lib/api-client";
import { queryRoots } from "@/lib/query-keys";

/**
 * What the list asks the API for: filters already in the API's terms (ISO bounds), paging
 * resolved, `order` as written in the URL (`actorName-asc`), the server parses it.
 */
export type AuditEventListParams = Omit<AuditEventListQuery, "order"> & { order?: string };

/** The one query-key factory of the audit log. */
export const auditLogQueries = {
  all: () => queryRoots.auditEvents,
  list: (query: AuditEventListParams) =>
    queryOptions({
      queryKey: [...auditLogQueries.all(), "list", query] as const,
      queryFn: ({ signal }) => callApiPage(api.auditEvents.list, { query, signal }),
      placeholderData: (previous) => previous,
    }),
  actors: () =>
    queryOptions({
      queryKey: [...auditLogQueries.all(), "actors"] as const,
      queryFn: async ({ signal }) => (await callApi(api.auditEvents.actors, { signal })).data.items,
    }),
};

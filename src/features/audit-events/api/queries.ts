import { queryOptions } from "@tanstack/react-query";
import { apiPage, apiRequest } from "@/lib/api-client";
import { queryRoots } from "@/lib/query-keys";
import type { AuditEvent, AuditObjectType } from "@domain/schemas/audit-event";

export const AUDIT_EVENTS_PATH = "/v1/auditEvents";

export interface AuditActor {
  id: string;
  displayName: string;
  email: string;
}

/** What the list asks the API for: filters already in the API's terms (ISO bounds). */
export interface AuditEventListParams {
  objectType?: AuditObjectType;
  objectId?: string;
  actorId?: string;
  from?: string;
  to?: string;
  start: number;
  max: number;
}

/** The one query-key factory of the audit log. */
export const auditLogQueries = {
  all: () => queryRoots.auditEvents,
  list: (params: AuditEventListParams) =>
    queryOptions({
      queryKey: [...auditLogQueries.all(), "list", params] as const,
      queryFn: ({ signal }) => apiPage<AuditEvent, "items">(AUDIT_EVENTS_PATH, "items", { ...params }, signal),
      placeholderData: (previous) => previous,
    }),
  actors: () =>
    queryOptions({
      queryKey: [...auditLogQueries.all(), "actors"] as const,
      queryFn: async ({ signal }) =>
        (await apiRequest<{ items: AuditActor[] }>(`${AUDIT_EVENTS_PATH}/actors`, { signal })).data.items,
    }),
};

import { queryOptions } from "@tanstack/react-query";
import { api } from "@domain/api/endpoints";
import type { CallParkHealthQuery } from "@domain/schemas/call-park-health";
import { callApi } from "@/lib/api-client";
import { queryRoots } from "@/lib/query-keys";

/** What the screen asks the server for: one location's findings, or all (kinds are filtered on screen, under their counts). */
export type CallParkHealthParams = Pick<CallParkHealthQuery, "locationId">;

// Under the locations root: a group saved, a call park extension added or removed, refresh it.
// Stale at once: a fix made elsewhere (Call Park Settings save only their own key) shows on return.
export const callParkHealthQueries = {
  all: () => [...queryRoots.locations, "callParkHealth"] as const,
  findings: (query: CallParkHealthParams) =>
    queryOptions({
      queryKey: [...callParkHealthQueries.all(), query] as const,
      queryFn: async ({ signal }) => (await callApi(api.callParkHealth.get, { query, signal })).data,
      placeholderData: (previous) => previous,
      staleTime: 0,
    }),
};

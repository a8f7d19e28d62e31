import { queryOptions } from "@tanstack/react-query";
import { api } from "@domain/api/endpoints";
import type { LocationListQuery } from "@domain/schemas/location";
import { callApi, callApiPage } from "./api-client";
import { queryRoots } from "./query-keys";

// Locations and the organisation are read by several features, so their queries
// live here rather than in one feature.
export const locationQueries = {
  all: () => queryRoots.locations,
  list: (query: Pick<LocationListQuery, "name" | "start" | "max"> = {}) =>
    queryOptions({
      queryKey: [...locationQueries.all(), "list", query] as const,
      queryFn: ({ signal }) => callApiPage(api.locations.list, { query: { max: 1000, ...query }, signal }),
      staleTime: 5 * 60_000,
    }),
  detail: (locationId: string) =>
    queryOptions({
      queryKey: [...locationQueries.all(), "detail", locationId] as const,
      queryFn: async ({ signal }) => (await callApi(api.locations.get, { params: { locationId }, signal })).data,
    }),
  /**
   * The location's hunt groups a parked call can be recalled to (Webex's
   * availableRecallHuntGroups): one fetcher for the group editor and Call Park Settings.
   */
  recallHuntGroups: (locationId: string) =>
    queryOptions({
      queryKey: [...locationQueries.all(), "recallHuntGroups", locationId] as const,
      queryFn: async ({ signal }) =>
        (await callApi(api.callParks.availableRecallHuntGroups, { params: { locationId }, query: { max: 1000 }, signal }))
          .data.huntGroups,
      staleTime: 5 * 60_000,
    }),
};

export const organizationQueries = {
  current: () =>
    queryOptions({
      queryKey: ["organizations", "current"] as const,
      queryFn: async ({ signal }) => (await callApi(api.organizations.list, { signal })).data.items[0] ?? null,
      staleTime: Infinity,
    }),
};

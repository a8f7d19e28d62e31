import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { ItemOf } from "@domain/api/endpoint";
import { api } from "@domain/api/addresses";
import type { CallParkSettingsUpdate } from "@domain/schemas/call-park-settings";
import type { LocationListQuery } from "@domain/schemas/location";
import { callApi, callApiPage } from "@/lib/api-client";
import { latestCallParkSettings, locationQueries } from "@/lib/location-queries";
import { queryRoots } from "@/lib/query-keys";

/** The Locations list's parameters as the screen keeps them in its URL. */
export type LocationPageParams = Pick<LocationListQuery, "name" | "order" | "start" | "max">;

export type RecallHuntGroup = ItemOf<typeof api.callParks.availableRecallHuntGroups>;

/**
 * Counts change with other screens' work (groups, extensions), so each visit checks them:
 * the route's loader asks, and the screen shows that answer rather than asking again as it
 * mounts. Fresh for this long after an answer; a change elsewhere invalidates it at once.
 */
const FRESH_FOR_THE_VISIT_MS = 10_000;

/**
 * The one query-key factory of the Locations screens. Its keys sit under the locations
 * root, so whatever refreshes locations (a call park group saved, say) refreshes these.
 */
export const locationPageQueries = {
  all: () => [...queryRoots.locations, "page"] as const,
  /** A page of locations with their call park counts (our `include=callParkCounts`), in our `order`. */
  list: (query: LocationPageParams) =>
    queryOptions({
      queryKey: [...locationPageQueries.all(), "list", query] as const,
      queryFn: ({ signal }) => callApiPage(api.locations.list, { query: { ...query, include: "callParkCounts" }, signal }),
      placeholderData: (previous) => previous,
      staleTime: FRESH_FOR_THE_VISIT_MS,
    }),
  detail: (locationId: string) =>
    queryOptions({
      queryKey: [...locationPageQueries.all(), "detail", locationId] as const,
      queryFn: async ({ signal }) =>
        (await callApi(api.locations.get, { params: { locationId }, query: { include: "callParkCounts" }, signal })).data,
      staleTime: FRESH_FOR_THE_VISIT_MS,
    }),
  /** Shared with a group's side panel (lib/location-queries). */
  callParkSettings: locationQueries.callParkSettings,
};

export { latestCallParkSettings };

/** Saves the location's Call Park Settings (on the version `ifMatch`); resolves once the page's settings are fresh again. */
export function useUpdateCallParkSettings(locationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, ifMatch }: { body: CallParkSettingsUpdate; ifMatch?: string }) => {
      await callApi(api.callParkSettings.update, { params: { locationId }, body, ifMatch });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: locationPageQueries.callParkSettings(locationId).queryKey }),
    meta: { successMessage: "locations:callParkSettings.saved" },
  });
}

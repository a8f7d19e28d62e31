import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { CallParkSettings, CallParkSettingsUpdate } from "@domain/schemas/call-park-settings";
import type { LocationWithCounts } from "@domain/schemas/location";
import { apiPage, apiRequest } from "@/lib/api-client";
import { queryRoots } from "@/lib/query-keys";

const locationPath = (locationId: string) => `/v1/locations/${encodeURIComponent(locationId)}`;
const callParksPath = (locationId: string) =>
  `/v1/telephony/config/locations/${encodeURIComponent(locationId)}/callParks`;

export interface RecallHuntGroup {
  id: string;
  name: string;
}

/**
 * The one query-key factory of the Locations screens. Its keys sit under the locations
 * root, so whatever refreshes locations (a call park group saved, say) refreshes these.
 */
export const locationPageQueries = {
  all: () => [...queryRoots.locations, "page"] as const,
  /** Locations with their call park counts (our `include=callParkCounts`). */
  list: (name?: string) =>
    queryOptions({
      queryKey: [...locationPageQueries.all(), "list", name ?? ""] as const,
      queryFn: ({ signal }) =>
        apiPage<LocationWithCounts, "items">("/v1/locations", "items", { name, include: "callParkCounts", max: 1000 }, signal),
      placeholderData: (previous) => previous,
      // Counts change with other screens' work (groups, extensions): check on every visit.
      staleTime: 0,
    }),
  detail: (locationId: string) =>
    queryOptions({
      queryKey: [...locationPageQueries.all(), "detail", locationId] as const,
      queryFn: async ({ signal }) =>
        (await apiRequest<LocationWithCounts>(locationPath(locationId), { query: { include: "callParkCounts" }, signal }))
          .data,
      staleTime: 0,
    }),
  callParkSettings: (locationId: string) =>
    queryOptions({
      queryKey: [...locationPageQueries.all(), "callParkSettings", locationId] as const,
      queryFn: async ({ signal }) =>
        (await apiRequest<CallParkSettings>(`${callParksPath(locationId)}/settings`, { signal })).data,
    }),
  /** The location's hunt groups a parked call can be recalled to (Webex's availableRecallHuntGroups). */
  recallHuntGroups: (locationId: string) =>
    queryOptions({
      queryKey: [...locationPageQueries.all(), "recallHuntGroups", locationId] as const,
      queryFn: async ({ signal }) =>
        (
          await apiRequest<{ huntGroups: RecallHuntGroup[] }>(`${callParksPath(locationId)}/availableRecallHuntGroups`, {
            query: { max: 1000 },
            signal,
          })
        ).data.huntGroups,
      staleTime: 5 * 60_000,
    }),
};

/** PUT …/callParks/settings; resolves once the page's settings are fresh again. */
export function useUpdateCallParkSettings(locationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CallParkSettingsUpdate) => {
      await apiRequest(`${callParksPath(locationId)}/settings`, { method: "PUT", body });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: locationPageQueries.callParkSettings(locationId).queryKey }),
    meta: { successMessage: "locations:callParkSettings.saved" },
  });
}

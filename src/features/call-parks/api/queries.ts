import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { apiPage, apiRequest } from "@/lib/api-client";
import { queryRoots } from "@/lib/query-keys";
import {
  type Agent,
  type CallPark,
  type CallParkListItem,
  type CallParkDraft,
  type HuntGroup,
  type ParkExtension,
  toRequestBody,
} from "./types";

const locationPath = (locationId: string) =>
  `/v1/telephony/config/locations/${encodeURIComponent(locationId)}/callParks`;
const itemPath = (locationId: string, id: string) => `${locationPath(locationId)}/${encodeURIComponent(id)}`;

export interface CallParkListParams {
  name?: string;
  locationId?: string;
  start: number;
  max: number;
}

/** The one query-key factory of call park groups. */
export const callParkQueries = {
  all: () => queryRoots.callParks,
  list: (params: CallParkListParams) =>
    queryOptions({
      queryKey: [...callParkQueries.all(), "list", params] as const,
      queryFn: ({ signal }) =>
        apiPage<CallParkListItem, "callParks">("/v1/telephony/config/callParks", "callParks", { ...params }, signal),
      placeholderData: (previous) => previous,
    }),
  count: () =>
    queryOptions({
      queryKey: [...callParkQueries.all(), "count"] as const,
      queryFn: async ({ signal }) =>
        (await apiPage("/v1/telephony/config/callParks", "callParks", { max: 1 }, signal)).total,
    }),
  detail: (locationId: string, id: string) =>
    queryOptions({
      queryKey: [...callParkQueries.all(), "detail", locationId, id] as const,
      queryFn: async ({ signal }) => (await apiRequest<CallPark>(itemPath(locationId, id), { signal })).data,
    }),
  /** Same-named groups of a location, to report a taken name before the server must. */
  namesLike: (locationId: string, name: string) =>
    queryOptions({
      queryKey: [...callParkQueries.all(), "names", locationId, name] as const,
      queryFn: async ({ signal }) =>
        (
          await apiRequest<{ callParks: CallParkListItem[] }>(locationPath(locationId), {
            query: { name, max: 100 },
            signal,
          })
        ).data.callParks,
    }),
  availableUsers: (locationId: string, search: string, callParkId?: string) =>
    queryOptions({
      queryKey: [...callParkQueries.all(), "availableUsers", locationId, search, callParkId] as const,
      queryFn: async ({ signal }) => {
        const digits = /^\+?[0-9]+$/.test(search.trim());
        return (
          await apiRequest<{ agents: (Agent & { callParkName?: string })[] }>(`${locationPath(locationId)}/availableUsers`, {
            query: {
              ...(digits ? { phoneNumber: search.trim() } : { name: search.trim() || undefined }),
              callParkId,
              includeAssigned: "true",
              order: "lname|fname",
              max: 50,
            },
            signal,
          })
        ).data.agents;
      },
    }),
  availableExtensions: (locationId: string, search: string, callParkId?: string) =>
    queryOptions({
      queryKey: [...callParkQueries.all(), "availableExtensions", locationId, search, callParkId] as const,
      queryFn: async ({ signal }) =>
        (
          await apiRequest<{ callParkExtensions: ParkExtension[] }>(`${locationPath(locationId)}/availableCallParkExtensions`, {
            query: { name: search.trim() || undefined, callParkId, max: 100 },
            signal,
          })
        ).data.callParkExtensions,
    }),
  huntGroups: (locationId: string) =>
    queryOptions({
      queryKey: [...callParkQueries.all(), "huntGroups", locationId] as const,
      queryFn: async ({ signal }) =>
        (await apiRequest<{ huntGroups: HuntGroup[] }>(`${locationPath(locationId)}/availableRecallHuntGroups`, { signal }))
          .data.huntGroups,
    }),
};

function useInvalidateCallParks() {
  const queryClient = useQueryClient();
  // Groups change which call park extensions are free and the locations' counts.
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: callParkQueries.all() }),
      queryClient.invalidateQueries({ queryKey: queryRoots.callParkExtensions }),
      queryClient.invalidateQueries({ queryKey: queryRoots.locations }),
    ]);
}

export function useCreateCallPark() {
  const invalidate = useInvalidateCallParks();
  return useMutation({
    mutationFn: async ({ locationId, draft }: { locationId: string; draft: CallParkDraft }) =>
      (await apiRequest<{ id: string }>(locationPath(locationId), { method: "POST", body: toRequestBody(draft) })).data,
    onSuccess: invalidate,
    meta: { successMessage: "callParkGroups:toast.created" },
  });
}

export function useUpdateCallPark() {
  const invalidate = useInvalidateCallParks();
  return useMutation({
    mutationFn: async ({ locationId, id, draft }: { locationId: string; id: string; draft: CallParkDraft }) =>
      (await apiRequest<{ id: string }>(itemPath(locationId, id), { method: "PUT", body: toRequestBody(draft) })).data,
    onSuccess: invalidate,
    meta: { successMessage: "callParkGroups:toast.updated" },
  });
}

export function useDeleteCallPark() {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateCallParks();
  return useMutation({
    mutationFn: async ({ locationId, id }: { locationId: string; id: string }) => {
      await apiRequest(itemPath(locationId, id), { method: "DELETE" });
    },
    onSuccess: (_data, { locationId, id }) => {
      queryClient.removeQueries({ queryKey: callParkQueries.detail(locationId, id).queryKey });
      return invalidate();
    },
    meta: { successMessage: "callParkGroups:toast.deleted" },
  });
}

import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { apiPage, apiRequest } from "../../../lib/api-client";
import { queryRoots } from "../../../lib/query-keys";
import {
  type Agent,
  type CallParkGroup,
  type CallParkGroupListItem,
  type GroupDraft,
  type HuntGroup,
  type ParkExtension,
  toRequestBody,
} from "./types";

const locationPath = (locationId: string) =>
  `/v1/telephony/config/locations/${encodeURIComponent(locationId)}/callParks`;
const itemPath = (locationId: string, id: string) => `${locationPath(locationId)}/${encodeURIComponent(id)}`;

export interface GroupListParams {
  name?: string;
  locationId?: string;
  start: number;
  max: number;
}

/** The one query-key factory of call park groups. */
export const callParkGroupQueries = {
  all: () => queryRoots.callParkGroups,
  list: (params: GroupListParams) =>
    queryOptions({
      queryKey: [...callParkGroupQueries.all(), "list", params] as const,
      queryFn: ({ signal }) =>
        apiPage<CallParkGroupListItem, "callParks">("/v1/telephony/config/callParks", "callParks", { ...params }, signal),
      placeholderData: (previous) => previous,
    }),
  count: () =>
    queryOptions({
      queryKey: [...callParkGroupQueries.all(), "count"] as const,
      queryFn: async ({ signal }) =>
        (await apiPage("/v1/telephony/config/callParks", "callParks", { max: 1 }, signal)).total,
    }),
  detail: (locationId: string, id: string) =>
    queryOptions({
      queryKey: [...callParkGroupQueries.all(), "detail", locationId, id] as const,
      queryFn: async ({ signal }) => (await apiRequest<CallParkGroup>(itemPath(locationId, id), { signal })).data,
    }),
  /** Same-named groups of a location, to report a taken name before the server must. */
  namesLike: (locationId: string, name: string) =>
    queryOptions({
      queryKey: [...callParkGroupQueries.all(), "names", locationId, name] as const,
      queryFn: async ({ signal }) =>
        (
          await apiRequest<{ callParks: CallParkGroupListItem[] }>(locationPath(locationId), {
            query: { name, max: 100 },
            signal,
          })
        ).data.callParks,
    }),
  availableUsers: (locationId: string, search: string, callParkId?: string) =>
    queryOptions({
      queryKey: [...callParkGroupQueries.all(), "availableUsers", locationId, search, callParkId] as const,
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
      queryKey: [...callParkGroupQueries.all(), "availableExtensions", locationId, search, callParkId] as const,
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
      queryKey: [...callParkGroupQueries.all(), "huntGroups", locationId] as const,
      queryFn: async ({ signal }) =>
        (await apiRequest<{ huntGroups: HuntGroup[] }>(`${locationPath(locationId)}/availableRecallHuntGroups`, { signal }))
          .data.huntGroups,
    }),
};

function useInvalidateGroups() {
  const queryClient = useQueryClient();
  // Groups change which call park extensions are free and the locations' counts.
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: callParkGroupQueries.all() }),
      queryClient.invalidateQueries({ queryKey: queryRoots.callParkExtensions }),
      queryClient.invalidateQueries({ queryKey: queryRoots.locations }),
    ]);
}

export function useCreateCallParkGroup() {
  const invalidate = useInvalidateGroups();
  return useMutation({
    mutationFn: async ({ locationId, draft }: { locationId: string; draft: GroupDraft }) =>
      (await apiRequest<{ id: string }>(locationPath(locationId), { method: "POST", body: toRequestBody(draft) })).data,
    onSuccess: invalidate,
    meta: { successMessage: "callParkGroups:toast.created" },
  });
}

export function useUpdateCallParkGroup() {
  const invalidate = useInvalidateGroups();
  return useMutation({
    mutationFn: async ({ locationId, id, draft }: { locationId: string; id: string; draft: GroupDraft }) =>
      (await apiRequest<{ id: string }>(itemPath(locationId, id), { method: "PUT", body: toRequestBody(draft) })).data,
    onSuccess: invalidate,
    meta: { successMessage: "callParkGroups:toast.updated" },
  });
}

export function useDeleteCallParkGroup() {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateGroups();
  return useMutation({
    mutationFn: async ({ locationId, id }: { locationId: string; id: string }) => {
      await apiRequest(itemPath(locationId, id), { method: "DELETE" });
    },
    onSuccess: (_data, { locationId, id }) => {
      queryClient.removeQueries({ queryKey: callParkGroupQueries.detail(locationId, id).queryKey });
      return invalidate();
    },
    meta: { successMessage: "callParkGroups:toast.deleted" },
  });
}

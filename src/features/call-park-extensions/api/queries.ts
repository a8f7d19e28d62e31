import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  CallParkExtension,
  CallParkExtensionCreate,
  CallParkExtensionListItem,
  CallParkExtensionUpdate,
  ValidateExtensionsResult,
} from "@domain/schemas/call-park-extension";
import { apiPage, apiRequest } from "@/lib/api-client";
import { queryRoots } from "@/lib/query-keys";

export interface CallParkExtensionListParams {
  q?: string;
  locationId?: string;
  order?: string;
  start: number;
  max: number;
}

const locationPath = (locationId: string) =>
  `/v1/telephony/config/locations/${encodeURIComponent(locationId)}`;
const itemPath = (locationId: string, id: string) =>
  `${locationPath(locationId)}/callParkExtensions/${encodeURIComponent(id)}`;

/** The one query-key factory of this feature. */
export const callParkExtensionQueries = {
  all: () => queryRoots.callParkExtensions,
  list: (params: CallParkExtensionListParams) =>
    queryOptions({
      queryKey: [...callParkExtensionQueries.all(), "list", params] as const,
      queryFn: ({ signal }) =>
        apiPage<CallParkExtensionListItem, "callParkExtensions">(
          "/v1/telephony/config/callParkExtensions",
          "callParkExtensions",
          { ...params },
          signal,
        ),
      placeholderData: (previous) => previous,
    }),
  /** How many exist, org-wide: one item fetched, the total read from X-Total-Count. */
  count: () =>
    queryOptions({
      queryKey: [...callParkExtensionQueries.all(), "count"] as const,
      queryFn: async ({ signal }) =>
        (await apiPage("/v1/telephony/config/callParkExtensions", "callParkExtensions", { max: 1 }, signal)).total,
    }),
  detail: (locationId: string, id: string) =>
    queryOptions({
      queryKey: [...callParkExtensionQueries.all(), "detail", locationId, id] as const,
      queryFn: async ({ signal }) =>
        (await apiRequest<Omit<CallParkExtension, "id">>(itemPath(locationId, id), { signal })).data,
    }),
};

/** Webex's validateExtensions for one candidate: is it free in the location's numbering plan? */
export async function checkExtension(locationId: string, extension: string, signal?: AbortSignal) {
  const { data } = await apiRequest<ValidateExtensionsResult>(
    `${locationPath(locationId)}/actions/validateExtensions/invoke`,
    { method: "POST", body: { extensions: [extension] }, signal },
  );
  return data.extensionStatus[0];
}

// Each mutation awaits its invalidation before the caller's onSuccess runs, so a
// page that navigates away on success lands on fresh data.
function useInvalidateAll() {
  const queryClient = useQueryClient();
  // A call park extension's changes show in the groups that use it and the locations' counts.
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: callParkExtensionQueries.all() }),
      queryClient.invalidateQueries({ queryKey: queryRoots.callParks }),
      queryClient.invalidateQueries({ queryKey: queryRoots.locations }),
    ]);
}

export function useCreateCallParkExtension() {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: async ({ locationId, ...body }: CallParkExtensionCreate & { locationId: string }) =>
      (await apiRequest<{ id: string }>(`${locationPath(locationId)}/callParkExtensions`, { method: "POST", body }))
        .data,
    onSuccess: invalidate,
    meta: { successMessage: "callParkExtensions:toast.created" },
  });
}

export function useUpdateCallParkExtension() {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: async ({ locationId, id, ...body }: CallParkExtensionUpdate & { locationId: string; id: string }) => {
      await apiRequest(itemPath(locationId, id), { method: "PUT", body });
    },
    onSuccess: invalidate,
    meta: { successMessage: "callParkExtensions:toast.updated" },
  });
}

export function useDeleteCallParkExtension() {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: async ({ locationId, id }: { locationId: string; id: string }) => {
      await apiRequest(itemPath(locationId, id), { method: "DELETE" });
    },
    onSuccess: (_data, { locationId, id }) => {
      // Gone for good: drop it rather than refetch it into a 404.
      queryClient.removeQueries({ queryKey: callParkExtensionQueries.detail(locationId, id).queryKey });
      return invalidate();
    },
    meta: { successMessage: "callParkExtensions:toast.deleted" },
  });
}

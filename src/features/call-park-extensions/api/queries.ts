import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@domain/api/endpoints";
import type { CallParkExtensionCreate, CallParkExtensionListQuery, CallParkExtensionUpdate } from "@domain/schemas/call-park-extension";
import { callApi, callApiPage, callVersioned } from "@/lib/api-client";
import { queryRoots } from "@/lib/query-keys";
import { MAX_CALL_PARK_EXTENSIONS_PER_LOCATION } from "@domain/rules/limits";
import { invalidateAfterWrite } from "@/lib/invalidate-after-write";

const endpoints = api.callParkExtensions;

/** The list's parameters as the screen keeps them in its URL. */
export type CallParkExtensionListParams = Pick<CallParkExtensionListQuery, "q" | "locationId" | "order" | "start" | "max">;

/** The one query-key factory of this feature. */
export const callParkExtensionQueries = {
  all: () => queryRoots.callParkExtensions,
  list: (query: CallParkExtensionListParams) =>
    queryOptions({
      queryKey: [...callParkExtensionQueries.all(), "list", query] as const,
      queryFn: ({ signal }) => callApiPage(endpoints.list, { query, signal }),
      placeholderData: (previous) => previous,
    }),
  /** How many exist, org-wide: one item fetched, the total read from X-Total-Count. */
  count: () =>
    queryOptions({
      queryKey: [...callParkExtensionQueries.all(), "count"] as const,
      queryFn: async ({ signal }) => (await callApiPage(endpoints.list, { query: { max: 1 }, signal })).total,
    }),
  detail: (locationId: string, callParkExtensionId: string) =>
    queryOptions({
      queryKey: [...callParkExtensionQueries.all(), "detail", locationId, callParkExtensionId] as const,
      queryFn: ({ signal }) => latestCallParkExtension(locationId, callParkExtensionId, signal),
    }),
  /**
   * Which call park group parks on each of the location's call park extensions (id → the
   * group's name), as the server knows it: what a bulk delete says groups will lose.
   */
  groupsUsing: (locationId: string) =>
    queryOptions({
      queryKey: [...callParkExtensionQueries.all(), "groupsUsing", locationId] as const,
      queryFn: async ({ signal }) => {
        const { data } = await callApi(api.callParks.availableCallParkExtensions, {
          params: { locationId },
          query: { includeAssigned: "true", max: MAX_CALL_PARK_EXTENSIONS_PER_LOCATION },
          signal,
        });
        return new Map(data.callParkExtensions.flatMap((e) => (e.callParkName ? [[e.id, e.callParkName] as const] : [])));
      },
    }),
};

/** One delete of a bulk delete: the public DELETE, without a toast of its own (the bulk dialog sums them up). */
export async function deleteCallParkExtension({ locationId, id }: { locationId: string; id: string }) {
  await callApi(endpoints.delete, { params: { locationId, callParkExtensionId: id } });
}

/** A call park extension as it is now, with its version. */
export function latestCallParkExtension(locationId: string, callParkExtensionId: string, signal?: AbortSignal) {
  return callVersioned(endpoints.get, { params: { locationId, callParkExtensionId }, signal });
}

/** Webex's validateExtensions for one candidate: is it free in the location's numbering plan? */
export async function checkExtension(locationId: string, extension: string, signal?: AbortSignal) {
  const { data } = await callApi(endpoints.validateExtensions, {
    params: { locationId },
    body: { extensions: [extension] },
    signal,
  });
  return data.extensionStatus[0];
}

// Each mutation awaits its invalidation before the caller's onSuccess runs, so a
// page that navigates away on success lands on fresh data.
export function useInvalidateAll() {
  const queryClient = useQueryClient();
  // A call park extension's changes show in the groups that use it and the locations' counts.
  return () =>
    Promise.all([
      invalidateAfterWrite(queryClient, callParkExtensionQueries.all()),
      invalidateAfterWrite(queryClient, queryRoots.callParks),
      invalidateAfterWrite(queryClient, queryRoots.locations),
    ]);
}

export function useCreateCallParkExtension() {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: async ({ locationId, ...body }: CallParkExtensionCreate & { locationId: string }) =>
      (await callApi(endpoints.create, { params: { locationId }, body })).data,
    onSuccess: invalidate,
    meta: { successMessage: "callParkExtensions:toast.created" },
  });
}

export function useUpdateCallParkExtension() {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: async ({ locationId, id, ifMatch, body }: { locationId: string; id: string; ifMatch?: string; body: CallParkExtensionUpdate }) => {
      await callApi(endpoints.update, { params: { locationId, callParkExtensionId: id }, body, ifMatch });
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
      await callApi(endpoints.delete, { params: { locationId, callParkExtensionId: id } });
    },
    onSuccess: (_data, { locationId, id }) => {
      // Gone for good: drop it rather than refetch it into a 404.
      queryClient.removeQueries({ queryKey: callParkExtensionQueries.detail(locationId, id).queryKey });
      return invalidate();
    },
    meta: { successMessage: "callParkExtensions:toast.deleted" },
  });
}

import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@domain/api/endpoints";
import type { CallParkExtensionCreate, CallParkExtensionListQuery, CallParkExtensionUpdate } from "@domain/schemas/call-park-extension";
import { callApi, callApiPage, callVersioned } from "@/lib/api-client";
import { queryRoots } from "@/lib/query-keys";
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
   * Where these call park extensions of one location are used (ours): the group parking on
   * each and its place in the group's hunting order, by id; an id no longer there is absent.
   * What a delete or a change of number says it takes from the group.
   */
  whereUsed: (locationId: string, ids: readonly string[]) =>
    queryOptions({
      queryKey: [...callParkExtensionQueries.all(), "whereUsed", locationId, [...ids].sort()] as const,
      // Asked as a dialog opens, about to change what it answers: never from a cache of minutes ago.
      staleTime: 0,
      queryFn: async ({ signal }) => {
        const { data } = await callApi(endpoints.whereUsed, { params: { locationId }, body: { ids: [...ids] }, signal });
        return new Map(data.items.map((item) => [item.id, item.callParks] as const));
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

/** The free extensions nearest to a taken one, of its length, nearest first (ours). */
export async function suggestExtensions(locationId: string, near: string, count: number, signal?: AbortSignal) {
  const { data } = await callApi(endpoints.suggestExtensions, { params: { locationId }, body: { near, count }, signal });
  return data.extensions;
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

import { hashKey, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@domain/api/endpoints";
import type { CallParkOrgListQuery, CallParkUpdate } from "@domain/schemas/call-park";
import { callApi, callApiPage, callVersioned } from "@/lib/api-client";
import { queryRoots } from "@/lib/query-keys";
import { type CallParkDraft, toRequestBody } from "./types";
import { invalidateAfterWrite } from "@/lib/invalidate-after-write";

const endpoints = api.callParks;

/** The list's parameters as the screen keeps them in its URL. */
export type CallParkListParams = Pick<CallParkOrgListQuery, "name" | "locationId" | "order" | "start" | "max">;

/** The one query-key factory of call park groups. */
export const callParkQueries = {
  all: () => queryRoots.callParks,
  list: (query: CallParkListParams) =>
    queryOptions({
      queryKey: [...callParkQueries.all(), "list", query] as const,
      queryFn: ({ signal }) => callApiPage(endpoints.orgList, { query, signal }),
      placeholderData: (previous) => previous,
    }),
  /** How many exist, org-wide: one item fetched, the total read from X-Total-Count. */
  count: () =>
    queryOptions({
      queryKey: [...callParkQueries.all(), "count"] as const,
      queryFn: async ({ signal }) => (await callApiPage(endpoints.orgList, { query: { max: 1 }, signal })).total,
    }),
  detail: (locationId: string, callParkId: string) =>
    queryOptions({
      queryKey: [...callParkQueries.all(), "detail", locationId, callParkId] as const,
      queryFn: ({ signal }) => latestCallPark(locationId, callParkId, signal),
    }),
  /**
   * The id a group now has, when this one was renamed (as in Webex, a rename gives a new id:
   * by another administrator, or in Webex itself): its history's newest entry names it.
   * Null when the group is gone or was never renamed.
   */
  renamedTo: (callParkId: string) =>
    queryOptions({
      queryKey: [...callParkQueries.all(), "renamedTo", callParkId] as const,
      queryFn: async ({ signal }) => {
        const { items } = (await callApi(api.auditEvents.list, { query: { objectId: callParkId, objectType: "callPark", max: 1 }, signal })).data;
        const newest = items[0];
        return newest && newest.action !== "DELETE" && newest.objectId !== callParkId ? newest.objectId : null;
      },
    }),
  /** Same-named groups of a location, to report a taken name before the server must. */
  namesLike: (locationId: string, name: string) =>
    queryOptions({
      queryKey: [...callParkQueries.all(), "names", locationId, name] as const,
      queryFn: async ({ signal }) =>
        (await callApiPage(endpoints.list, { params: { locationId }, query: { name, max: 100 }, signal })).items,
    }),
  /** People, workspaces and virtual lines to add; digits search numbers, anything else names. */
  availableUsers: (locationId: string, search: string, callParkId?: string) =>
    queryOptions({
      queryKey: [...callParkQueries.all(), "availableUsers", locationId, search, callParkId] as const,
      queryFn: async ({ signal }) => {
        const term = search.trim();
        const digits = /^\+?[0-9]+$/.test(term);
        const query = {
          ...(digits ? { phoneNumber: term } : { name: term || undefined }),
          callParkId,
          includeAssigned: "true",
          order: "lname|fname",
          max: 50,
        } as const;
        return (await callApiPage(endpoints.availableUsers, { params: { locationId }, query, signal })).items;
      },
    }),
  availableExtensions: (locationId: string, search: string, callParkId?: string) =>
    queryOptions({
      queryKey: [...callParkQueries.all(), "availableExtensions", locationId, search, callParkId] as const,
      queryFn: async ({ signal }) =>
        (
          await callApiPage(endpoints.availableCallParkExtensions, {
            params: { locationId },
            query: { name: search.trim() || undefined, callParkId, max: 100 },
            signal,
          })
        ).items,
    }),
  /** The location's recall hunt groups: the one shared query of lib/location-queries. */
};

/** A call park group as it is now, with its version. */
export function latestCallPark(locationId: string, callParkId: string, signal?: AbortSignal) {
  return callVersioned(endpoints.get, { params: { locationId, callParkId }, signal });
}

/** One delete of a bulk delete: the public DELETE, without a toast of its own (the bulk dialog sums them up). */
export async function deleteCallPark({ locationId, id }: { locationId: string; id: string }) {
  await callApi(endpoints.delete, { params: { locationId, callParkId: id } });
}

export function useInvalidateCallParks() {
  const queryClient = useQueryClient();
  // Groups change which call park extensions are free and the locations' counts. `except`: a
  // query not to refetch (a renamed group's old id, which answers 404 now).
  return (except?: readonly unknown[]) =>
    Promise.all([
      invalidateAfterWrite(queryClient, callParkQueries.all(), (query) => !except || hashKey(query.queryKey) !== hashKey(except)),
      invalidateAfterWrite(queryClient, queryRoots.callParkExtensions),
      invalidateAfterWrite(queryClient, queryRoots.locations),
    ]);
}

export function useCreateCallPark() {
  const invalidate = useInvalidateCallParks();
  return useMutation({
    mutationFn: async ({ locationId, draft }: { locationId: string; draft: CallParkDraft }) =>
      (await callApi(endpoints.create, { params: { locationId }, body: toRequestBody(draft) })).data,
    onSuccess: () => invalidate(),
    meta: { successMessage: "callParkGroups:toast.created" },
  });
}

export function useUpdateCallPark() {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateCallParks();
  return useMutation({
    // `body` holds only the parts changed (see updateBody); `ifMatch`, the version they were changed on.
    mutationFn: async ({ locationId, id, ifMatch, body }: { locationId: string; id: string; ifMatch?: string; body: CallParkUpdate }) =>
      (await callApi(endpoints.update, { params: { locationId, callParkId: id }, body, ifMatch })).data,
    onSuccess: (saved, { locationId, id }) => {
      if (saved.id === id) return invalidate();
      // Renamed, the group has a new id (as in Webex) and the old one answers 404: never refetch
      // it. Not removed either while the panel that shows it is still open: its query would be
      // made anew and fetched into a 404 by the panel's next render. Left inactive once the
      // panel closes, it goes with the cache's garbage collection.
      const old = callParkQueries.detail(locationId, id).queryKey;
      void queryClient.cancelQueries({ queryKey: old, exact: true });
      return invalidate(old);
    },
    meta: { successMessage: "callParkGroups:toast.updated" },
  });
}

export function useDeleteCallPark() {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateCallParks();
  return useMutation({
    mutationFn: async ({ locationId, id }: { locationId: string; id: string }) => {
      await callApi(endpoints.delete, { params: { locationId, callParkId: id } });
    },
    onSuccess: (_data, { locationId, id }) => {
      // Gone for good: never refetched into a 404 (nor removed under the panel still showing it,
      // as for a rename above).
      const gone = callParkQueries.detail(locationId, id).queryKey;
      void queryClient.cancelQueries({ queryKey: gone, exact: true });
      return invalidate(gone);
    },
    meta: { successMessage: "callParkGroups:toast.deleted" },
  });
}

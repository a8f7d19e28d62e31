import type { InvalidateQueryFilters, QueryClient, QueryKey } from "@tanstack/react-query";

/**
 * After a write: every query under `queryKey` is stale and the ones on screen are read again.
 * One being read right now by nobody yet (a route's loader for the address a search has just
 * moved to, while its render waits in a transition) may answer what was there before the write,
 * and that answer would count as fresh: once it is in, it is marked stale and read again too.
 */
export function invalidateAfterWrite(
  queryClient: QueryClient,
  queryKey: QueryKey,
  predicate?: InvalidateQueryFilters["predicate"],
): Promise<unknown> {
  const underway = queryClient.getQueryCache().findAll({ queryKey, predicate, type: "inactive", fetchStatus: "fetching" });
  return Promise.all([
    queryClient.invalidateQueries({ queryKey, predicate }),
    ...underway.map(async (query) => {
      await query.promise?.catch(() => undefined);
      await queryClient.invalidateQueries({ queryKey: query.queryKey, exact: true, refetchType: "all" });
    }),
  ]);
}

import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { ErrorState, LoadingState } from "./states";

/**
 * A query's loading, error, empty and loaded states, in that order, with the same
 * components on every screen. `waiting` keeps the loading state up for reasons of the
 * caller's own (e.g. a redirect about to happen).
 */
export function QueryView<T>({
  query,
  isEmpty,
  empty,
  waiting = false,
  children,
}: {
  query: UseQueryResult<T>;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  waiting?: boolean;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending || waiting) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (isEmpty?.(query.data)) return <>{empty}</>;
  return <>{children(query.data)}</>;
}

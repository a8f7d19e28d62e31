import { type QueryClient, useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { api } from "@domain/api/endpoints";
import type { GatewayStatus, SyncRun } from "@domain/schemas/gateway-status";
import { callApi } from "@/lib/api-client";
import { queryRoots } from "@/lib/query-keys";
import { gatewayStatusQuery } from "@/lib/session";

/**
 * The one query-key factory of the gateway. Its status query is lib/session's: the ability
 * (read-only in Webex mode) and the audit log read it too.
 */
export const gatewayQueries = {
  status: gatewayStatusQuery,
};

/**
 * Data a synchronisation does not touch, so not refetched after one: the session and the
 * administrator's own tokens (this server's, not Webex's), and import dry runs (refetching
 * one would upload its file again; the import itself reads the data as it is then).
 */
const UNTOUCHED_BY_SYNC = new Set<unknown>([
  gatewayQueries.status().queryKey[0],
  queryRoots.session[0],
  queryRoots.accessTokens[0],
  queryRoots.importPreviews[0],
]);

/**
 * After a synchronisation the mirror may hold what changed in Webex: every other query
 * (call park extensions and groups, locations and their counts, the organisation, the audit
 * log's new entries) is marked stale, and those on screen are fetched again.
 */
export function invalidateMirror(queryClient: QueryClient) {
  return queryClient.invalidateQueries({ predicate: (query) => !UNTOUCHED_BY_SYNC.has(query.queryKey[0]) });
}

/** Starts a synchronisation now. The server answers at once (syncing), and that answer becomes the status. */
export function useSyncNow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => (await callApi(api.gateway.sync)).data,
    onSuccess: (status) => queryClient.setQueryData(gatewayQueries.status().queryKey, status),
  });
}

/** Whether the status says a synchronisation is running. */
export function isSyncing(status: GatewayStatus): boolean {
  return status.syncing || status.lastSync?.outcome === "running";
}

/**
 * Watches the status for the end of a synchronisation — one this screen saw running, or one
 * that started and ended between two readings (a scheduled one) — and then refreshes every
 * other query and calls `onEnded` with the finished run. The first reading is the state the
 * screen opens on: it ends nothing.
 */
export function useSyncEnded(status: GatewayStatus | undefined, onEnded?: (run: SyncRun) => void) {
  const queryClient = useQueryClient();
  const seen = useRef<{ run: string; running: boolean } | undefined>(undefined);
  const callback = useRef(onEnded);
  useEffect(() => {
    callback.current = onEnded;
  });
  useEffect(() => {
    if (status?.mode !== "webex") return;
    const now = { run: status.lastSync?.startedAt ?? "", running: isSyncing(status) };
    const before = seen.current;
    seen.current = now;
    if (!before || now.running || !status.lastSync) return;
    if (before.running || before.run !== now.run) {
      void invalidateMirror(queryClient);
      callback.current?.(status.lastSync);
    }
  }, [status, queryClient]);
}

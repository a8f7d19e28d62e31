import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { AccessToken, AccessTokenCreate, AccessTokenCreated, Session, SignInInput } from "@domain/schemas/auth";
import { apiRequest } from "@/lib/api-client";
import { queryRoots } from "@/lib/query-keys";
import { adoptSession, SIGN_IN_PATH, sessionQuery } from "@/lib/session";

const TOKENS_PATH = "/v1/people/me/accessTokens";

/** The signed-in administrator's personal access tokens. */
export const accessTokenQueries = {
  all: () => queryRoots.accessTokens,
  list: () =>
    queryOptions({
      queryKey: [...accessTokenQueries.all(), "list"] as const,
      queryFn: async ({ signal }) => (await apiRequest<{ items: AccessToken[] }>(TOKENS_PATH, { signal })).data.items,
    }),
};

/** POST /v1/session; the page words every refusal itself, beside the form, so no toast. */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: SignInInput) =>
      (await apiRequest<Session>("/v1/session", { method: "POST", body: input })).data,
    onSuccess: (session) => {
      queryClient.setQueryData(sessionQuery().queryKey, adoptSession(session));
    },
    meta: { errorsShownInline: true },
  });
}

/**
 * DELETE /v1/session, then a fresh page at sign-in: a full load, so nothing of this
 * session (cache, CSRF token, component state) survives.
 */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      await apiRequest("/v1/session", { method: "DELETE" });
    },
    onSuccess: () => {
      queryClient.clear();
      window.location.assign(SIGN_IN_PATH);
    },
  });
}

/** POST …/accessTokens: the answer carries the token, the only time it is shown. */
export function useCreateAccessToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: AccessTokenCreate) =>
      (await apiRequest<AccessTokenCreated>(TOKENS_PATH, { method: "POST", body })).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accessTokenQueries.all() }),
  });
}

export function useRevokeAccessToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (token: Pick<AccessToken, "id">) => {
      await apiRequest(`${TOKENS_PATH}/${encodeURIComponent(token.id)}`, { method: "DELETE" });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accessTokenQueries.all() }),
    meta: { successMessage: "auth:tokens.revoked" },
  });
}

/** Copies a text to the clipboard, a toast saying it worked (or why it did not). */
export function useCopyToClipboard(successMessage: string) {
  return useMutation({
    mutationFn: (text: string) => navigator.clipboard.writeText(text),
    meta: { successMessage },
  });
}

import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@domain/api/addresses";
import type { AccessToken, AccessTokenCreate } from "@domain/schemas/auth";
import { callApi } from "@/lib/api-client";
import { queryRoots } from "@/lib/query-keys";
import { SIGN_IN_PATH } from "@/lib/paths";
import { rememberSignedIn } from "@/lib/session";

/** The signed-in administrator's personal access tokens. */
export const accessTokenQueries = {
  all: () => queryRoots.accessTokens,
  list: () =>
    queryOptions({
      queryKey: [...accessTokenQueries.all(), "list"] as const,
      queryFn: async ({ signal }) => (await callApi(api.people.listAccessTokens, { signal })).data.items,
    }),
};

/**
 * Signs out (api.session.signOut), then a fresh page at sign-in: a full load, so nothing
 * of this session (cache, CSRF token, component state) survives.
 */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      await callApi(api.session.signOut);
    },
    onSuccess: () => {
      queryClient.clear();
      rememberSignedIn(false);
      window.location.assign(SIGN_IN_PATH);
    },
  });
}

/** Creates a token: the answer carries the token, the only time it is shown. */
export function useCreateAccessToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: AccessTokenCreate) => (await callApi(api.people.createAccessToken, { body })).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accessTokenQueries.all() }),
  });
}

export function useRevokeAccessToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (token: Pick<AccessToken, "id">) => {
      await callApi(api.people.revokeAccessToken, { params: { tokenId: token.id } });
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

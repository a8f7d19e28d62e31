import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { ApiError } from "./api-client";
import { errorMessage, trackingIdOf } from "./error-message";
import { i18n } from "./i18n";
import { goToSignIn, isSignedOut } from "./session";
import { showToast } from "./toast";

declare module "@tanstack/react-query" {
  interface Register {
    mutationMeta: {
      /** Translation key of the toast shown when the change succeeds. */
      successMessage?: string;
    };
  }
}

// Toasts come from here and nowhere else: the caches see every query and mutation.
export const queryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => {
      if (isSignedOut(error)) return goToSignIn();
      // A first load that fails shows the page's error state; a failed refresh of data
      // already on screen is worth a toast.
      if (query.state.data !== undefined) {
        showToast({ tone: "error", title: errorMessage(i18n.t, error), trackingId: trackingIdOf(error) });
      }
    },
  }),
  mutationCache: new MutationCache({
    onSuccess: (_data, _variables, _context, mutation) => {
      const key = mutation.meta?.successMessage;
      if (key) showToast({ tone: "success", title: i18n.t(key) });
    },
    onError: (error) => {
      if (isSignedOut(error)) return goToSignIn();
      // Problems tied to fields are shown on those fields by the form.
      if (error instanceof ApiError && error.issues.length > 0) return;
      // A save on a copy someone else changed meanwhile: the screen shows what changed and asks.
      if (error instanceof ApiError && error.code === "changedMeanwhile") return;
      showToast({ tone: "error", title: errorMessage(i18n.t, error), trackingId: trackingIdOf(error) });
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
    },
  },
});

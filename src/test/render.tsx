import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { type ReactNode, Suspense } from "react";
import { Route, Routes, UNSAFE_createMemoryHistory as createMemoryHistory } from "react-router";
import { guardHistory } from "@/lib/guarded-history";
import { HistoryRouter } from "@/lib/history-router";
import type { LanguageCode } from "@/lib/i18n";
import { queryClient as appQueryClient } from "@/lib/query-client";
import { type AppRoute, RouteView, routeLoads } from "@/lib/route-view";
import { setTestLanguage } from "./i18n";

interface Options {
  /** Where the router starts, with its search string. */
  url?: string;
  /** The route pattern the element is mounted on. */
  path?: string;
  /** Translations loaded from public/locales; null leaves i18n as the test set it up. */
  language?: LanguageCode | null;
}

/**
 * Renders `element` as a screen of the app: its own query cache, the app's router over a
 * memory history (`history.location` is where it is), a language.
 */
export async function renderWithProviders(element: ReactNode, { url = "/", path, language = "en" }: Options = {}) {
  if (language) await setTestLanguage(language);
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } },
  });
  const history = guardHistory(createMemoryHistory({ initialEntries: [url], v5Compat: true }));
  const user = userEvent.setup();
  const result = render(
    <QueryClientProvider client={queryClient}>
      <Suspense fallback={null}>
        <HistoryRouter history={history}>
          <Routes>
            <Route path={path ?? new URL(url, "http://localhost").pathname} element={element} />
            <Route path="*" element={null} />
          </Routes>
        </HistoryRouter>
      </Suspense>
    </QueryClientProvider>,
  );
  return { ...result, user, history, queryClient };
}

/**
 * Renders `routes` as the app renders its own (app/router.tsx): each location shown once its
 * routes' loads have settled, over a memory history at `url`, with the app's query cache.
 */
export function renderRoutes(routes: AppRoute[], url: string, errorPage = (error: unknown) => <p role="alert">{String(error)}</p>) {
  const history = guardHistory(createMemoryHistory({ initialEntries: [url], v5Compat: true }));
  const result = render(
    <QueryClientProvider client={appQueryClient}>
      <HistoryRouter history={history} load={routeLoads(routes)}>
        <RouteView routes={routes} errorPage={errorPage} />
      </HistoryRouter>
    </QueryClientProvider>,
  );
  return { ...result, user: userEvent.setup(), history };
}

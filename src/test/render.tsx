import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { type ReactNode, Suspense } from "react";
import { createMemoryRouter, RouterProvider } from "react-router";
import type { LanguageCode } from "@/lib/i18n";
import { setTestLanguage } from "./i18n";

interface Options {
  /** Where the router starts, with its search string. */
  url?: string;
  /** The route pattern the element is mounted on. */
  path?: string;
  /** Translations loaded from public/locales; null leaves i18n as the test set it up. */
  language?: LanguageCode | null;
}

/** Renders `element` as a screen of the app: its own query cache, a memory router, a language. */
export async function renderWithProviders(element: ReactNode, { url = "/", path, language = "en" }: Options = {}) {
  if (language) await setTestLanguage(language);
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } },
  });
  const routes = [
    { path: path ?? new URL(url, "http://localhost").pathname, element },
    { path: "*", element: null },
  ];
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  const user = userEvent.setup();
  const result = render(
    <QueryClientProvider client={queryClient}>
      <Suspense fallback={null}>
        <RouterProvider router={router} />
      </Suspense>
    </QueryClientProvider>,
  );
  return { ...result, user, router, queryClient };
}

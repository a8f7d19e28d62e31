import type { ComponentType } from "react";
import { Navigate, UNSAFE_createBrowserHistory as createBrowserHistory, useLocation } from "react-router";
import {
  AUDIT_LOG_PATH,
  CALL_PARK_EXTENSIONS_PATH,
  CALL_PARK_HEALTH_PATH,
  CALL_PARKS_PATH,
  CALLING_PATH,
  FEATURES_PATH,
  LOCATIONS_PATH,
  newCallParkExtensionPath,
  newCallParkPath,
  PROFILE_PATH,
  TASKS_PATH,
} from "@/lib/paths";
import { initI18n, loadNamespaces } from "@/lib/i18n";
import { queryClient } from "@/lib/query-client";
import { SCREEN_NAMESPACES } from "@/lib/screen-namespaces";
import { isSignedOut, sessionQuery } from "@/lib/session";
import { type GuardedHistory, guardHistory } from "@/lib/guarded-history";
import { HistoryRouter, type LocationLoad } from "@/lib/history-router";
import { type AppRoute, type Loader, read, RouteView, routeLoads, settled } from "@/lib/route-view";
import { ShellSkeleton } from "@/components/states";
import { AppShell } from "./shell/app-shell";
import { FeaturesPage } from "./routes/features-page";
import { NotFoundPage, RouteErrorPage } from "./routes/error-pages";

// One lazy module per screen: the first screen loads only the shell and the cards. Nothing
// waits on a chain: the session, the language's files, the screen's code and its own
// namespaces are all asked for at once, as the app starts and as each link is followed (every
// matched route's `load` runs in parallel, lib/route-view.tsx), and the location is shown once
// they have all settled (lib/history-router.tsx).
// Sign-in is not among them: it is a page of its own (sign-in.html, src/sign-in.tsx).
export const routes: AppRoute[] = [
  {
    path: "/",
    element: <AppShell />,
    load: requireSession,
    children: [
      { index: true, element: <Navigate to={FEATURES_PATH} replace /> },
      { path: CALLING_PATH, element: <Navigate to={FEATURES_PATH} replace /> },
      { path: FEATURES_PATH, element: <FeaturesPage />, load: () => loadNamespaces(SCREEN_NAMESPACES[FEATURES_PATH]) },
      {
        path: CALL_PARK_EXTENSIONS_PATH,
        ...screen(() => import("@/features/call-park-extensions/routes/list-route"), SCREEN_NAMESPACES[CALL_PARK_EXTENSIONS_PATH]),
        children: [
          {
            path: "bulk",
            ...screen(() => import("@/features/import-jobs/routes/bulk-route"), ["bulkManage", "tasks"]),
          },
          {
            path: "range",
            ...screen(() => import("@/features/import-jobs/routes/range-route"), ["rangeBuilder", "bulkManage", "tasks"]),
          },
        ],
      },
      {
        path: newCallParkExtensionPath(),
        ...screen(() => import("@/features/call-park-extensions/routes/create-route"), ["callParkExtensions"]),
      },
      {
        path: `${CALL_PARK_EXTENSIONS_PATH}/:locationId/:id`,
        ...screen(() => import("@/features/call-park-extensions/routes/edit-route"), ["callParkExtensions"]),
      },
      {
        path: CALL_PARKS_PATH,
        ...screen(() => import("@/features/call-parks/routes/list-route"), SCREEN_NAMESPACES[CALL_PARKS_PATH]),
        children: [
          {
            path: "bulk",
            ...screen(
              () => import("@/features/import-jobs/routes/bulk-route").then((module) => ({ default: module.CallParksBulkRoute, loader: module.loader })),
              ["bulkManage", "tasks"],
            ),
          },
          {
            path: ":locationId/:callParkId",
            ...screen(() => import("@/features/call-parks/routes/panel-route"), ["callParkGroups"]),
          },
        ],
      },
      {
        path: newCallParkPath(),
        ...screen(() => import("@/features/call-parks/routes/create-route"), ["callParkGroups"]),
      },
      {
        path: CALL_PARK_HEALTH_PATH,
        ...screen(() => import("@/features/call-park-health/routes/health-route"), SCREEN_NAMESPACES[CALL_PARK_HEALTH_PATH]),
      },
      { path: LOCATIONS_PATH, ...screen(() => import("@/features/locations/routes/locations-route"), SCREEN_NAMESPACES[LOCATIONS_PATH]) },
      {
        path: `${LOCATIONS_PATH}/:locationId/:tab?`,
        ...screen(() => import("@/features/locations/routes/location-route"), ["locations", "simulation"]),
      },
      { path: TASKS_PATH, ...screen(() => import("@/features/import-jobs/routes/tasks-route"), SCREEN_NAMESPACES[TASKS_PATH]) },
      { path: `${TASKS_PATH}/:jobId`, ...screen(() => import("@/features/import-jobs/routes/task-route"), ["tasks"]) },
      { path: AUDIT_LOG_PATH, ...screen(() => import("@/features/audit-events/routes/audit-events-route"), SCREEN_NAMESPACES[AUDIT_LOG_PATH]) },
      { path: PROFILE_PATH, ...screen(() => import("@/features/auth/routes/profile-route")) },
      // Call park groups' screens were once at …/call-park-groups: old links and bookmarks still land.
      { path: `${FEATURES_PATH}/call-park-groups/*`, element: <RenamedAddress from="call-park-groups" to="call-parks" /> },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
];

/**
 * Every screen needs a session: without one, the sign-in page (a page of its own, loaded
 * anew), then back here. The shell's words are loaded beside it, so the first screen draws
 * translated.
 */
async function requireSession() {
  try {
    await Promise.all([queryClient.ensureQueryData(sessionQuery()), initI18n()]);
  } catch (error) {
    if (!isSignedOut(error)) throw error;
    // The query cache has already left for the sign-in page (lib/query-client.ts), as it does
    // for any request a gone session refuses. Nothing renders while the page is replaced.
    return new Promise<never>(() => {});
  }
}

type ScreenModule = { default: ComponentType; loader?: Loader };

/**
 * A lazily loaded screen: its code, and its namespaces fetched beside it rather than once it
 * renders; its module's loader runs as soon as the code is there. The screen renders once all
 * have settled, its code read at once then.
 */
function screen(load: () => Promise<ScreenModule>, namespaces: readonly string[] = []): Pick<AppRoute, "element" | "load"> {
  let code: Promise<ScreenModule> | undefined;
  const loadCode = () =>
    (code ??= settled(
      load().catch((error: unknown) => {
        code = undefined;
        throw error;
      }),
    ));
  function Screen() {
    const { default: Component } = read(loadCode());
    return <Component />;
  }
  return {
    element: <Screen />,
    load: (args) => Promise.all([loadCode().then((module) => module.loader?.(args)), loadNamespaces(namespaces)]),
  };
}

/**
 * The browser's history, guarded (lib/guarded-history.ts), with the first location's loads
 * started at once, before React first renders.
 */
export function createAppHistory() {
  captureFirstPaint();
  const history = guardHistory(createBrowserHistory({ v5Compat: true }));
  void loadsOf(history)(history.location)?.catch(() => undefined);
  return history;
}

const loaders = new WeakMap<GuardedHistory, LocationLoad>();
function loadsOf(history: GuardedHistory) {
  let load = loaders.get(history);
  if (!load) loaders.set(history, (load = routeLoads(routes)));
  return load;
}

/**
 * The app over `history` (the browser's; a memory history in tests): the shell's frame
 * (ShellLoading) until the first screen's code, data and words are there, the error page for
 * an error in any of them or in a screen.
 */
export function AppRouter({ history }: { history: GuardedHistory }) {
  return (
    <HistoryRouter history={history} load={loadsOf(history)} fallback={<ShellLoading />}>
      <RouteView routes={routes} errorPage={(error) => <RouteErrorPage error={error} />} />
    </HistoryRouter>
  );
}

let firstPaintFrame = { kind: "", html: "" };

/**
 * A framed page's frame (scripts/vite-first-paint.ts), read before React replaces it, when its
 * script chose to show it; nothing otherwise.
 */
export function captureFirstPaint() {
  const chosen = document.documentElement.getAttribute("data-first-paint");
  const frames = chosen ? [...document.querySelectorAll<HTMLElement>(".first-paint")] : [];
  firstPaintFrame = { kind: frames[0]?.dataset.firstPaint ?? "", html: frames.map((frame) => frame.outerHTML).join("") };
}

/**
 * The shell while the first screen's code and data load: the shell's frame kept as it was
 * painted (the same heading and words, so nothing blinks or moves), else the app's skeleton.
 */
export function ShellLoading() {
  if (firstPaintFrame.kind !== "shell") return <ShellSkeleton />;
  return <div aria-busy="true" dangerouslySetInnerHTML={{ __html: firstPaintFrame.html }} />;
}

/** An address whose segment was renamed: the same screen under its new name, search and all. */
function RenamedAddress({ from, to }: { from: string; to: string }) {
  const { pathname, search } = useLocation();
  return <Navigate to={pathname.replace(`/${from}`, `/${to}`) + search} replace />;
}

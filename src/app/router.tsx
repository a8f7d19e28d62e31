import {
  createBrowserRouter,
  type LoaderFunction,
  type LoaderFunctionArgs,
  Navigate,
  redirect,
  type RouteObject,
  useLocation,
} from "react-router";
import {
  AUDIT_LOG_PATH,
  CALL_PARK_EXTENSIONS_PATH,
  CALL_PARKS_PATH,
  CALLING_PATH,
  FEATURES_PATH,
  LOCATIONS_PATH,
  newCallParkExtensionPath,
  newCallParkPath,
  PROFILE_PATH,
  SIGN_IN_PATH,
  TASKS_PATH,
} from "@/lib/paths";
import { queryClient } from "@/lib/query-client";
import { isSignedOut, sessionQuery, signInUrl } from "@/lib/session";
import { AppShell } from "./shell/app-shell";
import { FeaturesPage } from "./routes/features-page";
import { NotFoundPage, RouteErrorPage } from "./routes/error-pages";

// One lazy module per screen: the first screen loads only the shell and the cards.
export const routes: RouteObject[] = [
  // Outside the shell, and open to whoever is signed out.
  {
    path: SIGN_IN_PATH,
    lazy: () => import("@/features/auth/routes/sign-in-route").then(asRoute),
    errorElement: <RouteErrorPage />,
    hydrateFallbackElement: <div className="state" aria-busy="true"><span className="spinner" /></div>,
  },
  {
    path: "/",
    element: <AppShell />,
    loader: requireSession,
    errorElement: <RouteErrorPage />,
    // Shown while the first route's code and data load, before any text is translated.
    hydrateFallbackElement: <div className="state" aria-busy="true"><span className="spinner" /></div>,
    children: [
      { index: true, element: <Navigate to={FEATURES_PATH} replace /> },
      { path: CALLING_PATH, element: <Navigate to={FEATURES_PATH} replace /> },
      { path: FEATURES_PATH, element: <FeaturesPage /> },
      {
        path: CALL_PARK_EXTENSIONS_PATH,
        lazy: () => import("@/features/call-park-extensions/routes/list-route").then(asRoute),
        children: [{ path: "bulk", lazy: () => import("@/features/import-jobs/routes/bulk-route").then(asRoute) }],
      },
      {
        path: newCallParkExtensionPath(),
        lazy: () => import("@/features/call-park-extensions/routes/create-route").then(asRoute),
      },
      {
        path: `${CALL_PARK_EXTENSIONS_PATH}/:locationId/:id`,
        lazy: () => import("@/features/call-park-extensions/routes/edit-route").then(asRoute),
      },
      {
        path: CALL_PARKS_PATH,
        lazy: () => import("@/features/call-parks/routes/list-route").then(asRoute),
        children: [
          {
            path: ":locationId/:callParkId",
            lazy: () => import("@/features/call-parks/routes/panel-route").then(asRoute),
          },
        ],
      },
      {
        path: newCallParkPath(),
        lazy: () => import("@/features/call-parks/routes/create-route").then(asRoute),
      },
      { path: LOCATIONS_PATH, lazy: () => import("@/features/locations/routes/locations-route").then(asRoute) },
      { path: `${LOCATIONS_PATH}/:locationId/:tab?`, lazy: () => import("@/features/locations/routes/location-route").then(asRoute) },
      { path: TASKS_PATH, lazy: () => import("@/features/import-jobs/routes/tasks-route").then(asRoute) },
      { path: `${TASKS_PATH}/:jobId`, lazy: () => import("@/features/import-jobs/routes/task-route").then(asRoute) },
      { path: AUDIT_LOG_PATH, lazy: () => import("@/features/audit-events/routes/audit-events-route").then(asRoute) },
      { path: PROFILE_PATH, lazy: () => import("@/features/auth/routes/profile-route").then(asRoute) },
      // Call park groups' screens were once at …/call-park-groups: old links and bookmarks still land.
      { path: `${FEATURES_PATH}/call-park-groups/*`, element: <RenamedAddress from="call-park-groups" to="call-parks" /> },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
];

/** Every screen but sign-in needs a session: without one, the sign-in page, then back here. */
async function requireSession({ request }: LoaderFunctionArgs) {
  try {
    await queryClient.ensureQueryData(sessionQuery());
    return null;
  } catch (error) {
    if (!isSignedOut(error)) throw error;
    const url = new URL(request.url);
    throw redirect(signInUrl(url.pathname + url.search));
  }
}

function asRoute(module: { default: React.ComponentType; loader?: LoaderFunction }) {
  return { Component: module.default, loader: module.loader };
}

export function createRouter() {
  return createBrowserRouter(routes);
}

/** An address whose segment was renamed: the same screen under its new name, search and all. */
function RenamedAddress({ from, to }: { from: string; to: string }) {
  const { pathname, search } = useLocation();
  return <Navigate to={pathname.replace(`/${from}`, `/${to}`) + search} replace />;
}

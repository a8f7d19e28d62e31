import { createBrowserRouter, type LoaderFunction, type LoaderFunctionArgs, Navigate, redirect, type RouteObject } from "react-router";
import { queryClient } from "@/lib/query-client";
import { isSignedOut, sessionQuery, signInUrl } from "@/lib/session";
import { AppShell } from "./shell/app-shell";
import { FeaturesPage } from "./routes/features-page";
import { NotFoundPage, RouteErrorPage } from "./routes/error-pages";

// One lazy module per screen: the first screen loads only the shell and the cards.
export const routes: RouteObject[] = [
  // Outside the shell, and open to whoever is signed out.
  {
    path: "/sign-in",
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
      { index: true, element: <Navigate to="/services/calling/features" replace /> },
      { path: "services/calling", element: <Navigate to="/services/calling/features" replace /> },
      { path: "services/calling/features", element: <FeaturesPage /> },
      {
        path: "services/calling/features/call-park-extensions",
        lazy: () => import("@/features/call-park-extensions/routes/list-route").then(asRoute),
        children: [{ path: "bulk", lazy: () => import("@/features/import-jobs/routes/bulk-route").then(asRoute) }],
      },
      {
        path: "services/calling/features/call-park-extensions/new",
        lazy: () => import("@/features/call-park-extensions/routes/create-route").then(asRoute),
      },
      {
        path: "services/calling/features/call-park-extensions/:locationId/:id",
        lazy: () => import("@/features/call-park-extensions/routes/edit-route").then(asRoute),
      },
      {
        path: "services/calling/features/call-parks",
        lazy: () => import("@/features/call-parks/routes/list-route").then(asRoute),
        children: [
          {
            path: ":locationId/:callParkId",
            lazy: () => import("@/features/call-parks/routes/panel-route").then(asRoute),
          },
        ],
      },
      {
        path: "services/calling/features/call-parks/new",
        lazy: () => import("@/features/call-parks/routes/create-route").then(asRoute),
      },
      { path: "locations", lazy: () => import("@/features/locations/routes/locations-route").then(asRoute) },
      { path: "locations/:locationId/:tab?", lazy: () => import("@/features/locations/routes/location-route").then(asRoute) },
      { path: "tasks", lazy: () => import("@/features/import-jobs/routes/tasks-route").then(asRoute) },
      { path: "tasks/:jobId", lazy: () => import("@/features/import-jobs/routes/task-route").then(asRoute) },
      { path: "audit-log", lazy: () => import("@/features/audit-events/routes/audit-events-route").then(asRoute) },
      { path: "profile", lazy: () => import("@/features/auth/routes/profile-route").then(asRoute) },
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

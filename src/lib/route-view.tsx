import { Component, type ReactNode } from "react";
import { createPath, type Location, matchRoutes, type Params, type RouteObject, useLocation, useRoutes } from "react-router";
import { type LocationLoad, useLoadError } from "./history-router";

/** What a route's loader is given: its address's parameters, and the whole address. */
export interface LoaderArgs {
  params: Readonly<Params>;
  url: URL;
}

/** Asks for what a route's screen shows (code, words, data) before it renders. */
export type Loader = (args: LoaderArgs) => Promise<unknown>;

/** A route of the app: react-router's declarative route, with what it loads before rendering. */
export type AppRoute =
  | { index: true; path?: undefined; element: ReactNode; load?: Loader; children?: undefined }
  | { index?: false; path: string; element: ReactNode; load?: Loader; children?: AppRoute[] };

type Tracked<T> = Promise<T> & { status?: "pending" | "fulfilled" | "rejected"; value?: T; reason?: unknown };

/** A promise that says when it has settled and with what, for `read()`. */
export function settled<T>(promise: Promise<T>): Promise<T> {
  const tracked: Tracked<T> = promise;
  tracked.status = "pending";
  tracked.then(
    (value) => Object.assign(tracked, { status: "fulfilled", value }),
    (reason) => Object.assign(tracked, { status: "rejected", reason }),
  );
  return tracked;
}

/**
 * A `settled()` promise's value, or its error thrown; until then the component suspends (the
 * promise thrown, as useTranslation does). Not React's `use()`: rendered within `act()`, as
 * Testing Library renders and clicks, a `use()` that suspends is never tried again.
 */
export function read<T>(promise: Promise<T>): T {
  const tracked: Tracked<T> = promise;
  if (tracked.status === "fulfilled") return tracked.value as T;
  if (tracked.status === "rejected") throw tracked.reason;
  throw promise;
}

/**
 * What a location of `routes` loads: every matched route's `load`, started together, once per
 * location entry (a new entry loads again: Back to a list asks what it shows anew, as a changed
 * search does; the same one, asked again, answers the same promise).
 */
export function routeLoads(routes: AppRoute[]): LocationLoad {
  let last: { location: Location; load: Promise<unknown> } | null = null;
  return (location) => {
    if (last?.location.key === location.key) return last.load;
    const url = new URL(createPath(location), window.location.origin);
    const matches = matchRoutes(routes as RouteObject[], location) ?? [];
    const load = Promise.all(matches.map(({ route, params }) => (route as AppRoute).load?.({ params, url })));
    last = { location, load };
    return load;
  };
}

/** The matched routes; an error in the shown location's load is thrown here, to the boundary. */
function MatchedRoutes({ routes }: { routes: AppRoute[] }) {
  const failed = useLoadError();
  const element = useRoutes(routes as RouteObject[]);
  if (failed) throw failed.error;
  return element;
}

/** The app's routes, and `errorPage` for an error in loading or rendering a screen, until the next location. */
export function RouteView({ routes, errorPage }: { routes: AppRoute[]; errorPage: (error: unknown) => ReactNode }) {
  return (
    <RouteErrorBoundary locationKey={useLocation().key} errorPage={errorPage}>
      <MatchedRoutes routes={routes} />
    </RouteErrorBoundary>
  );
}

interface BoundaryProps {
  locationKey: string;
  errorPage: (error: unknown) => ReactNode;
  children: ReactNode;
}

interface BoundaryState {
  failed: { error: unknown } | null;
  locationKey: string;
}

/** An error shown in place of the app; a navigation elsewhere tries again (React has no hook for this). */
class RouteErrorBoundary extends Component<BoundaryProps, BoundaryState> {
  state: BoundaryState = { failed: null, locationKey: this.props.locationKey };

  static getDerivedStateFromProps(props: BoundaryProps, state: BoundaryState): Partial<BoundaryState> | null {
    return props.locationKey === state.locationKey ? null : { failed: null, locationKey: props.locationKey };
  }

  static getDerivedStateFromError(error: unknown): Partial<BoundaryState> {
    return { failed: { error } };
  }

  render() {
    return this.state.failed ? this.props.errorPage(this.state.failed.error) : this.props.children;
  }
}

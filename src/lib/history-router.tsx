import {
  createContext,
  type ReactNode,
  startTransition,
  use,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  useSyncExternalStore,
} from "react";
import { type Location, type NavigationType, Router, useLocation } from "react-router";
import type { BlockerFunction, BlockerState, GuardedHistory } from "./guarded-history";

const HistoryContext = createContext<GuardedHistory | null>(null);
const LoadErrorContext = createContext<{ error: unknown } | null>(null);

/** What a location needs before it is shown (its screen's code, words, data); none: nothing. */
export type LocationLoad = (location: Location) => Promise<unknown> | undefined;

interface Shown {
  action: NavigationType;
  location: Location;
  failed: { error: unknown } | null;
}

/**
 * react-router in declarative mode over the app's guarded history, showing a location once
 * what it needs has loaded (`load`), as the data router did: until then the screen before it
 * stays, and before the first one, `fallback`. A newer navigation overtakes an older one. The
 * location is then rendered in a transition (as react-router's BrowserRouter does), so a
 * screen that still suspends keeps the one before it on screen too.
 */
export function HistoryRouter({
  history,
  load,
  fallback = null,
  children,
}: {
  history: GuardedHistory;
  load?: LocationLoad;
  fallback?: ReactNode;
  children: ReactNode;
}) {
  const [shown, setShown] = useState<Shown | null>(() => (load ? null : { action: history.action, location: history.location, failed: null }));
  useLayoutEffect(() => {
    const show = (action: NavigationType, location: Location) => {
      const commit = (failed: Shown["failed"]) => {
        // Overtaken: a later navigation is being shown instead.
        if (history.location.key !== location.key) return;
        startTransition(() => setShown({ action, location, failed }));
      };
      const loading = load?.(location);
      if (!loading) return commit(null);
      loading.then(
        () => commit(null),
        (error: unknown) => commit({ error }),
      );
    };
    show(history.action, history.location);
    return history.listen(({ action, location }) => show(action, location));
  }, [history, load]);
  return (
    <HistoryContext value={history}>
      {shown ? (
        <Router location={shown.location} navigationType={shown.action} navigator={history}>
          <LoadErrorContext value={shown.failed}>{children}</LoadErrorContext>
        </Router>
      ) : (
        fallback
      )}
    </HistoryContext>
  );
}

function useRouterHistory() {
  const history = use(HistoryContext);
  if (!history) throw new Error("Render inside <HistoryRouter>.");
  return history;
}

/** The error of the shown location's load, if it failed. */
export function useLoadError() {
  return use(LoadErrorContext);
}

/** Whether the app has moved to a location it does not show yet (its screen is loading). */
export function useNavigationPending() {
  const history = useRouterHistory();
  const latest = useSyncExternalStore(history.subscribe, () => history.location.key);
  return latest !== useLocation().key;
}

/**
 * Holds back the navigations `shouldBlock` says to (read when each one happens), until the
 * returned blocker's `proceed` or `reset`. One at a time, as react-router's `useBlocker`.
 */
export function useNavigationBlocker(shouldBlock: BlockerFunction): BlockerState {
  const history = useRouterHistory();
  const latest = useRef(shouldBlock);
  useLayoutEffect(() => {
    latest.current = shouldBlock;
  });
  useEffect(() => history.block((args) => latest.current(args)), [history]);
  return useSyncExternalStore(history.subscribe, () => history.blocker);
}

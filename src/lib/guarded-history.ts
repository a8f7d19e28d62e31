import { type Location, NavigationType, type Navigator, parsePath, type Path } from "react-router";

/** One move of a history: where to, how, and by how many entries (null: not one of ours). */
export interface HistoryUpdate {
  action: NavigationType;
  location: Location;
  delta: number | null;
}

/** What react-router's own histories (browser, memory) offer, and the router needs. */
export interface BaseHistory extends Navigator {
  readonly action: NavigationType;
  readonly location: Location;
  listen(listener: (update: HistoryUpdate) => void): () => void;
}

/** Whether a navigation, about to happen, should wait for the user's answer. */
export type BlockerFunction = (args: { currentLocation: Location; nextLocation: Path; historyAction: NavigationType }) => boolean;

/** A navigation held back: `proceed` lets it go on, `reset` stays where the app is. */
export type BlockerState = { state: "unblocked" } | { state: "blocked"; proceed: () => void; reset: () => void };

export interface GuardedHistory extends BaseHistory {
  /** Sets the one blocker; answers a function that removes it, if it is still the one set. */
  block(shouldBlock: BlockerFunction): () => void;
  readonly blocker: BlockerState;
  /** Called on every change of `location` or `blocker`. */
  subscribe(onChange: () => void): () => void;
}

const UNBLOCKED: BlockerState = { state: "unblocked" };

/**
 * The app's history: react-router's, with a blocker in front of it, as the data router's
 * `useBlocker` had. A link or `navigate()` (PUSH, REPLACE) is held before the address changes.
 * Back and Forward (POP) have already changed it when the browser tells: the history is moved
 * back by the same number of entries (the `idx` react-router keeps in `history.state`), and
 * moved again if the user confirms. `location` is what the app was last told.
 */
export function guardHistory(inner: BaseHistory): GuardedHistory {
  let shouldBlock: BlockerFunction | null = null;
  let blocker = UNBLOCKED;
  let current = inner.location;
  // The POP that puts a refused Back/Forward back, which the app never sees; and a confirmed one.
  let restoring: (() => void) | null = null;
  let confirmedPop = false;
  const listeners = new Set<(update: HistoryUpdate) => void>();
  const subscribers = new Set<() => void>();
  const notify = () => subscribers.forEach((onChange) => onChange());
  const setBlocker = (next: BlockerState) => {
    blocker = next;
    notify();
  };
  const blocks = (nextLocation: Path, historyAction: NavigationType) =>
    shouldBlock?.({ currentLocation: current, nextLocation, historyAction }) ?? false;
  const hold = (go: () => void) =>
    setBlocker({
      state: "blocked",
      proceed: () => {
        setBlocker(UNBLOCKED);
        go();
      },
      reset: () => setBlocker(UNBLOCKED),
    });

  inner.listen((update) => {
    if (update.action === NavigationType.Pop) {
      if (restoring) {
        restoring();
        restoring = null;
        return;
      }
      const { delta } = update;
      if (!confirmedPop && delta !== null && blocks(update.location, update.action)) {
        const restored = new Promise<void>((resolve) => (restoring = resolve));
        inner.go(-delta);
        hold(() => {
          void restored.then(() => {
            confirmedPop = true;
            inner.go(delta);
          });
        });
        return;
      }
      confirmedPop = false;
    }
    current = update.location;
    listeners.forEach((listener) => listener({ ...update, location: current }));
    notify();
  });

  const nextPath = (to: Parameters<Navigator["push"]>[0]): Path => {
    const path = typeof to === "string" ? parsePath(to) : to;
    return { pathname: path.pathname ?? current.pathname, search: path.search ?? "", hash: path.hash ?? "" };
  };

  return {
    get action() {
      return inner.action;
    },
    get location() {
      return current;
    },
    get blocker() {
      return blocker;
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    subscribe(onChange) {
      subscribers.add(onChange);
      return () => subscribers.delete(onChange);
    },
    block(next) {
      shouldBlock = next;
      return () => {
        if (shouldBlock !== next) return;
        shouldBlock = null;
        if (blocker.state === "blocked") setBlocker(UNBLOCKED);
      };
    },
    push(to, state) {
      if (blocks(nextPath(to), NavigationType.Push)) hold(() => inner.push(to, state));
      else inner.push(to, state);
    },
    replace(to, state) {
      if (blocks(nextPath(to), NavigationType.Replace)) hold(() => inner.replace(to, state));
      else inner.replace(to, state);
    },
    go: (delta) => inner.go(delta),
    createHref: (to) => inner.createHref(to),
    encodeLocation: inner.encodeLocation && ((to) => inner.encodeLocation!(to)),
  };
}

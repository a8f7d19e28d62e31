import { useEffect } from "react";
import { useLocation } from "react-router";

/** What a list hands to the screen a row opens: the list's own address (page, sort, filters). */
export interface FromList {
  from?: string;
}
/** What that screen hands back: the row it edited, so the list can bring it into view. */
export interface BackToList {
  edited?: string;
}

/** The link state for a row's screen, opened from the list at the current address. */
export function useFromList(): FromList {
  const here = useLocation();
  return { from: `${here.pathname}${here.search}` };
}

/**
 * Where a row's screen goes back to: the list as the administrator left it (its page, sort
 * and filters), or `fallback` when it was opened some other way (a link, a reload).
 */
export function useBackToList(fallback: string) {
  const state = useLocation().state as FromList | null;
  const to = state?.from && state.from.startsWith(fallback) ? state.from : fallback;
  return (edited?: string) => ({ to, state: edited ? ({ edited } satisfies BackToList) : undefined });
}

/**
 * Back on the list after an edit: the edited row is scrolled into view and its link takes
 * the focus, so the administrator carries on where they were. Runs once the row is shown.
 */
export function useScrollToEdited(rowId: (id: string) => string, shown: boolean) {
  const edited = (useLocation().state as BackToList | null)?.edited;
  useEffect(() => {
    if (!edited || !shown) return;
    const row = document.getElementById(rowId(edited));
    if (!row) return;
    row.scrollIntoView?.({ block: "center" });
    row.querySelector<HTMLElement>("a, button")?.focus({ preventScroll: true });
    // Once per arrival: the row id is stable for this list.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [edited, shown]);
}

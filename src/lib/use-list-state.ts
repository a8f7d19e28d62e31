import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { useSearchParams } from "react-router";
import type { z } from "zod";
import { useDebouncedValue } from "./use-debounced-value";

/** One zod schema per URL search parameter, named as in the URL; each reads `undefined` as its default. */
export type ListParams = Record<string, z.ZodType<string | number>>;
export type ListState<S extends ListParams> = { [K in keyof S]: z.output<S[K]> };
type TextParam<S extends ListParams> = { [K in keyof S]: z.output<S[K]> extends string ? K : never }[keyof S] & string;

export interface ListScreenOptions<S extends ListParams, Q> {
  /** The screen's URL search parameters; a missing or unreadable one reads as its schema's default. */
  schema: z.ZodObject<S>;
  /** The parameter the search box writes, once typing pauses. */
  search?: TextParam<S>;
  /** The parameter holding the page: a page number from 1 (`pages`) or Webex's row offset from 0 (`rows`). */
  paging?: { param: keyof S & string; size: number; counts: "pages" | "rows" };
  /** The API query for a state; `start` is the first row of its page. */
  toQuery: (state: ListState<S>, start: number) => Q;
}

export interface ListScreen<S extends ListParams, Q> extends ListScreenOptions<S, Q> {
  defaults: ListState<S>;
  /** The state a URL's search parameters describe: shared by the screen and its route loader. */
  read: (params: URLSearchParams) => ListState<S>;
  /** The API query for a URL's search parameters, for the route loader's prefetch. */
  queryOf: (params: URLSearchParams) => Q;
}

/**
 * A list screen's search, filters, sort and page as they live in its URL. Parameters are
 * read one by one, so a wrong value typed into the address falls back to its own default
 * and leaves the others alone.
 */
export function defineListScreen<S extends ListParams, Q>(options: ListScreenOptions<S, Q>): ListScreen<S, Q> {
  const shape = options.schema.shape;
  const keys = Object.keys(shape) as (keyof S & string)[];
  const field = (key: keyof S & string, raw: string | undefined) => shape[key].safeParse(raw);
  const defaults = Object.fromEntries(
    keys.map((key) => {
      const parsed = field(key, undefined);
      if (!parsed.success) throw new Error(`The list parameter "${key}" needs a default.`);
      return [key, parsed.data];
    }),
  ) as ListState<S>;
  const read = (params: URLSearchParams) =>
    Object.fromEntries(
      keys.map((key) => {
        const parsed = field(key, params.get(key) ?? undefined);
        return [key, parsed.success ? parsed.data : defaults[key]];
      }),
    ) as ListState<S>;
  return { ...options, defaults, read, queryOf: (params) => queryFor(options, read(params)) };
}

type Paging = NonNullable<ListScreenOptions<ListParams, unknown>["paging"]>;

/** The 0-based page a paging parameter's value shows. */
const pageIndex = (paging: Paging, value: number) =>
  paging.counts === "pages" ? value - 1 : Math.floor(value / paging.size);
/** The paging parameter's value for a 0-based page. */
const pageValue = (paging: Paging, index: number) => (paging.counts === "pages" ? index + 1 : index * paging.size);

function queryFor<S extends ListParams, Q>(screen: ListScreenOptions<S, Q>, state: ListState<S>): Q {
  const { paging } = screen;
  if (!paging) return screen.toQuery(state, 0);
  const value = Number(state[paging.param]);
  // A row offset goes as written, even one between two pages.
  return screen.toQuery(state, paging.counts === "pages" ? pageIndex(paging, value) * paging.size : value);
}

/** The search parameters for `state`: defaults left out to keep links short, other parameters kept in place. */
function writeState<S extends ListParams>(screen: ListScreen<S, unknown>, current: URLSearchParams, state: ListState<S>) {
  const next = new URLSearchParams(current);
  for (const key of Object.keys(screen.defaults) as (keyof S & string)[]) {
    if (state[key] === screen.defaults[key]) next.delete(key);
    else next.set(key, String(state[key]));
  }
  return next;
}

interface WriteOptions {
  /** Replace the current history entry rather than add one (typing, corrections). */
  replace?: boolean;
}

/**
 * The state of a list screen kept in its URL: the parsed state, the API query for it, and
 * setters that write back to the URL. Any change but the page's goes back to the first page;
 * the search box is written once typing pauses, replacing the history entry.
 */
export function useListState<S extends ListParams, Q>(screen: ListScreen<S, Q>, { searchDelay = 250 } = {}) {
  const [params, setParams] = useSearchParams();
  const state = screen.read(params);
  const { paging } = screen;

  // React Router hands a write the parameters of the last render, and a navigation runs the
  // route's loader before the URL changes: two writes in that time (a date, then the other; a
  // search settling as a filter is chosen) would each start from the same old URL, the second
  // dropping the first. Each write starts from the last one made instead, until the URL shows
  // it; a navigation not made here (Back, a link) drops them.
  // Forgotten once a render showing the new address has committed (a layout effect: before
  // any event reaches the handlers of that render), never in a render a transition may drop.
  const pending = useRef<{ last: URLSearchParams; written: Set<string> } | null>(null);
  const shown = params.toString();
  useLayoutEffect(() => {
    if (pending.current && (shown === pending.current.last.toString() || !pending.current.written.has(shown))) pending.current = null;
  }, [shown]);
  const write = (next: (current: URLSearchParams) => URLSearchParams, { replace = false }: WriteOptions = {}) =>
    setParams(
      (current) => {
        const written = next(pending.current?.last ?? current);
        pending.current = { last: written, written: new Set([...(pending.current?.written ?? [current.toString()]), written.toString()]) };
        return written;
      },
      { replace },
    );

  const update = (patch: Partial<ListState<S>>, options?: WriteOptions) =>
    write((current) => {
      const next = { ...screen.read(current), ...patch };
      if (paging && !(paging.param in patch)) next[paging.param] = screen.defaults[paging.param];
      return writeState(screen, current, next);
    }, options);
  const clear = () => write((current) => writeState(screen, current, screen.defaults));

  const page = paging ? pageIndex(paging, Number(state[paging.param])) : 0;
  const setPage = (index: number, options?: WriteOptions) => {
    if (paging) update({ [paging.param]: pageValue(paging, index) } as Partial<ListState<S>>, options);
  };

  // The search box follows the URL on Back/Forward, but not back from what it wrote itself,
  // which would eat what was typed meanwhile.
  const urlSearch = screen.search ? String(state[screen.search]) : "";
  const [search, setSearch] = useState(urlSearch);
  const settled = useDebouncedValue(search, searchDelay);
  const written = useRef(urlSearch);
  useEffect(() => {
    if (!screen.search || settled === urlSearch) return;
    written.current = settled;
    update({ [screen.search]: settled } as Partial<ListState<S>>, { replace: true });
    // Only a pause in typing writes; the URL changing is followed below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settled]);
  useEffect(() => {
    if (urlSearch !== written.current) setSearch(urlSearch);
    written.current = urlSearch;
  }, [urlSearch]);

  return {
    state,
    query: queryFor(screen, state),
    update,
    clear,
    search,
    setSearch,
    /** The 0-based page shown, and a move to another (the props of `<Pagination>`, but its total). */
    pagination: { page, pageSize: paging?.size ?? 0, onPageChange: (index: number) => setPage(index) },
    setPage,
  };
}

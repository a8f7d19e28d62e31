import { act, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { MemoryRouter, useLocation, useNavigate, useNavigationType } from "react-router";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineListScreen, type ListParams, type ListScreen, useListState } from "./use-list-state";

const pagedList = defineListScreen({
  schema: z.object({
    q: z.string().default(""),
    status: z.enum(["all", "active", "errors"]).default("all"),
    page: z.coerce.number().int().min(1).default(1),
  }),
  search: "q",
  paging: { param: "page", size: 25, counts: "pages" },
  toQuery: (state, start) => ({ q: state.q.trim() || undefined, status: state.status, start, max: 25 }),
});

const offsetList = defineListScreen({
  schema: z.object({ actorId: z.string().default(""), start: z.coerce.number().int().min(0).default(0) }),
  paging: { param: "start", size: 100, counts: "rows" },
  toQuery: (state, start) => ({ actorId: state.actorId || undefined, start, max: 100 }),
});

const params = (search: string) => new URLSearchParams(search);

describe("defineListScreen", () => {
  it("reads each parameter with its schema, a missing one as its default", () => {
    expect(pagedList.read(params(""))).toEqual({ q: "", status: "all", page: 1 });
    expect(pagedList.read(params("q=dock&status=active&page=3"))).toEqual({ q: "dock", status: "active", page: 3 });
  });

  it("falls back to the default for a wrong value typed in the address, keeping the others", () => {
    expect(pagedList.read(params("q=dock&status=bogus&page=-2"))).toEqual({ q: "dock", status: "all", page: 1 });
    expect(pagedList.read(params("page=abc"))).toEqual({ q: "", status: "all", page: 1 });
    expect(offsetList.read(params("start=1.5&actorId=P1"))).toEqual({ actorId: "P1", start: 0 });
  });

  it("gives the route loader the same API query as the screen, the page as its first row", () => {
    expect(pagedList.queryOf(params("q=%20dock%20&page=3"))).toEqual({ q: "dock", status: "all", start: 50, max: 25 });
    expect(offsetList.queryOf(params("start=200"))).toEqual({ actorId: undefined, start: 200, max: 100 });
  });

  it("refuses a parameter without a default, which a bare address could not read", () => {
    expect(() => defineListScreen({ schema: z.object({ q: z.string() }), toQuery: () => ({}) })).toThrow(/"q" needs a default/);
  });
});

/** The hook on a memory router at `url`, with the address and how it was last reached. */
function renderListState<S extends ListParams, Q>(screen: ListScreen<S, Q>, url: string) {
  const wrapper = ({ children }: { children: ReactNode }) => <MemoryRouter initialEntries={[url]}>{children}</MemoryRouter>;
  return renderHook(
    () => ({
      list: useListState(screen, { searchDelay: 30 }),
      location: useLocation(),
      navigation: useNavigationType(),
      navigate: useNavigate(),
    }),
    { wrapper },
  );
}

describe("useListState", () => {
  it("goes back to the first page on a filter change, leaving defaults and other parameters as they were", () => {
    const { result } = renderListState(pagedList, "/tasks?page=3&tab=x");
    expect(result.current.list.pagination).toMatchObject({ page: 2, pageSize: 25 });
    expect(result.current.list.query).toEqual({ q: undefined, status: "all", start: 50, max: 25 });

    act(() => result.current.list.update({ status: "errors" }));
    expect(result.current.location.search).toBe("?tab=x&status=errors");
    expect(result.current.navigation).toBe("PUSH");
    expect(result.current.list.state).toEqual({ q: "", status: "errors", page: 1 });

    act(() => result.current.list.update({ status: "all" }, { replace: true }));
    expect(result.current.location.search).toBe("?tab=x");
    expect(result.current.navigation).toBe("REPLACE");
  });

  it("keeps every change written before the address shows the first (two filters in a row), and a later change of address wins", () => {
    const { result } = renderListState(pagedList, "/tasks?page=3");
    act(() => {
      result.current.list.update({ status: "errors" });
      result.current.list.update({ q: "dock" });
    });
    expect(result.current.location.search).toBe("?status=errors&q=dock");

    act(() => result.current.navigate("/tasks?status=active"));
    act(() => result.current.list.update({ q: "bay" }));
    expect(result.current.location.search).toBe("?status=active&q=bay");
  });

  it("moves between pages keeping the filters, in pages or in rows", () => {
    const paged = renderListState(pagedList, "/tasks?status=active").result;
    act(() => paged.current.list.pagination.onPageChange(1));
    expect(paged.current.location.search).toBe("?status=active&page=2");
    act(() => paged.current.list.setPage(0));
    expect(paged.current.location.search).toBe("?status=active");

    const rows = renderListState(offsetList, "/audit-log?actorId=P1").result;
    act(() => rows.current.list.pagination.onPageChange(2));
    expect(rows.current.location.search).toBe("?actorId=P1&start=200");
    expect(rows.current.list.pagination.page).toBe(2);
    act(() => rows.current.list.clear());
    expect(rows.current.location.search).toBe("");
  });

  it("writes the search once typing pauses, replacing the entry, back on the first page", async () => {
    const { result } = renderListState(pagedList, "/tasks?page=4");
    act(() => result.current.list.setSearch("dock"));
    expect(result.current.list.search).toBe("dock");
    expect(result.current.location.search).toBe("?page=4");

    await waitFor(() => expect(result.current.location.search).toBe("?q=dock"));
    expect(result.current.navigation).toBe("REPLACE");
    expect(result.current.list.query).toMatchObject({ q: "dock", start: 0 });
  });

  it("follows the URL when something else changes it: Clear, Back", async () => {
    const { result } = renderListState(pagedList, "/tasks?q=park");
    act(() => result.current.list.update({ status: "active" }));
    act(() => result.current.list.setSearch("dock"));
    await waitFor(() => expect(result.current.location.search).toBe("?q=dock&status=active"));

    act(() => result.current.list.clear());
    expect(result.current.location.search).toBe("");
    expect(result.current.list.search).toBe("");

    act(() => void result.current.navigate(-1));
    expect(result.current.location.search).toBe("?q=dock&status=active");
    expect(result.current.list.search).toBe("dock");
  });
});

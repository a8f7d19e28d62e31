import type { CallParkExtensionListParams } from "@/features/call-park-extensions/api/queries";

export const PAGE_SIZE = 25;
export const SORTABLE = ["name", "extension", "locationName"] as const;
export type Sortable = (typeof SORTABLE)[number];

export interface ListUrlState {
  q: string;
  locationId: string;
  page: number;
  sort: Sortable;
  direction: "asc" | "desc";
}

/** The list's search, filter, sort and page as they live in the URL. */
export function readListUrl(params: URLSearchParams): ListUrlState {
  const [rawSort, rawDirection] = (params.get("sort") ?? "name-asc").split("-");
  const sort = (SORTABLE as readonly string[]).includes(rawSort) ? (rawSort as Sortable) : "name";
  const page = Math.max(0, Math.floor(Number(params.get("page") ?? 1) - 1) || 0);
  return {
    q: params.get("q") ?? "",
    locationId: params.get("location") ?? "",
    page,
    sort,
    direction: rawDirection === "desc" ? "desc" : "asc",
  };
}

export function toQuery(state: ListUrlState): CallParkExtensionListParams {
  const secondary = state.sort === "locationName" ? "name" : "locationName";
  return {
    q: state.q.trim() || undefined,
    locationId: state.locationId || undefined,
    order: `${state.sort}-${state.direction},${secondary}-asc`,
    start: state.page * PAGE_SIZE,
    max: PAGE_SIZE,
  };
}

/** URL search params for a new state; defaults are left out to keep links short. */
export function writeListUrl(state: ListUrlState): URLSearchParams {
  const out = new URLSearchParams();
  if (state.q) out.set("q", state.q);
  if (state.locationId) out.set("location", state.locationId);
  if (state.sort !== "name" || state.direction !== "asc") out.set("sort", `${state.sort}-${state.direction}`);
  if (state.page > 0) out.set("page", String(state.page + 1));
  return out;
}

import { z } from "zod";
import { defineListScreen } from "@/lib/use-list-state";
import { nextOrder, sortOf, sortParam } from "@/lib/sort-param";
import type { CallParkExtensionListParams } from "@/features/call-park-extensions/api/queries";

export const PAGE_SIZE = 25;
export const SORTABLE = ["name", "extension", "locationName"] as const;
export type Sortable = (typeof SORTABLE)[number];

/** `sort=extension-desc`; a bare field (`sort=extension`) is ascending. */
const orderParam = sortParam(SORTABLE, "name-asc");

/** The list's search (`q`), location filter, sort and page as they live in the URL. */
export const callParkExtensionList = defineListScreen({
  schema: z.object({
    q: z.string().default(""),
    location: z.string().default(""),
    sort: orderParam,
    page: z.coerce.number().int().min(1).default(1),
  }),
  search: "q",
  paging: { param: "page", size: PAGE_SIZE, counts: "pages" },
  toQuery: (state, start): CallParkExtensionListParams => {
    const { field } = sortOf(state.sort);
    const secondary = field === "locationName" ? "name" : "locationName";
    return {
      q: state.q.trim() || undefined,
      locationId: state.location || undefined,
      order: `${state.sort},${secondary}-asc`,
      start,
      max: PAGE_SIZE,
    };
  },
});

export { nextOrder, sortOf };

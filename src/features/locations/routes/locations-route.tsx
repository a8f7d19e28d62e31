import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "@/lib/use-translation";
import type { LoaderArgs } from "@/lib/route-view";
import { z } from "zod";
import { ListToolbar } from "@/components/list-toolbar";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { QueryView } from "@/components/query-view";
import { EmptyState } from "@/components/states";
import { queryClient } from "@/lib/query-client";
import { nextOrder, sortOf, sortParam } from "@/lib/sort-param";
import { defineListScreen, useListState } from "@/lib/use-list-state";
import { locationPageQueries, type LocationPageParams } from "@/features/locations/api/queries";
import { LocationTable, type LocationSortable } from "@/features/locations/components/location-table";

const PAGE_SIZE = 25;
const SORTABLE = ["name", "callParkExtensions"] as const;

/**
 * The list's search by name (`q`), sort and page as they live in the URL; the server pages
 * (start/max), so an organisation of any size is read a page at a time.
 */
const locationList = defineListScreen({
  schema: z.object({
    q: z.string().default(""),
    sort: sortParam(SORTABLE, "name-asc"),
    page: z.coerce.number().int().min(1).default(1),
  }),
  search: "q",
  paging: { param: "page", size: PAGE_SIZE, counts: "pages" },
  toQuery: (state, start): LocationPageParams => ({ name: state.q.trim() || undefined, order: state.sort, start, max: PAGE_SIZE }),
});

export async function loader({ url }: LoaderArgs) {
  const query = locationList.queryOf(url.searchParams);
  await queryClient.ensureQueryData(locationPageQueries.list(query)).catch(() => undefined);
  return null;
}

/** Management > Locations: the organisation's locations, searched by name, sorted and paged (all kept in the URL). */
export default function LocationsRoute() {
  const { t } = useTranslation(["locations", "common"]);
  const listState = useListState(locationList);
  const list = useQuery(locationPageQueries.list(listState.query));
  const { field: sort, direction } = sortOf(listState.state.sort);
  // The most used first is the useful first look at a count.
  const onSort = (field: LocationSortable) =>
    listState.update({ sort: nextOrder(listState.state.sort, field, field === "name" ? "asc" : "desc") });

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <ListToolbar
        idPrefix="location"
        label={t("title")}
        search={listState.search}
        onSearch={listState.setSearch}
        searchLabel={t("search")}
      />
      <QueryView query={list} isEmpty={(data) => data.items.length === 0} empty={<EmptyState title={t("empty")} />}>
        {(data) => (
          <>
            <LocationTable items={data.items} busy={list.isPlaceholderData} sort={sort} direction={direction} onSort={onSort} />
            <Pagination {...listState.pagination} total={data.total} />
          </>
        )}
      </QueryView>
    </>
  );
}

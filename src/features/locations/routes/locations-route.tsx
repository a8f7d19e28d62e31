import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { LoaderFunctionArgs } from "react-router";
import { z } from "zod";
import { ListToolbar } from "@/components/list-toolbar";
import { PageHeader } from "@/components/page-header";
import { QueryView } from "@/components/query-view";
import { EmptyState } from "@/components/states";
import { queryClient } from "@/lib/query-client";
import { defineListScreen, useListState } from "@/lib/use-list-state";
import { locationPageQueries } from "@/features/locations/api/queries";
import { LocationTable } from "@/features/locations/components/location-table";

/** The list's search by name (`q`), the one thing it keeps in the URL. */
const locationList = defineListScreen({
  schema: z.object({ q: z.string().default("") }),
  search: "q",
  toQuery: (state) => state.q.trim() || undefined,
});

export async function loader({ request }: LoaderFunctionArgs) {
  const name = locationList.queryOf(new URL(request.url).searchParams);
  await queryClient.ensureQueryData(locationPageQueries.list(name)).catch(() => undefined);
  return null;
}

/** Management > Locations: the organisation's locations, searched by name (kept in the URL). */
export default function LocationsRoute() {
  const { t } = useTranslation(["locations", "common"]);
  const listState = useListState(locationList);
  const list = useQuery(locationPageQueries.list(listState.query));

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
        {(data) => <LocationTable items={data.items} busy={list.isPlaceholderData} />}
      </QueryView>
    </>
  );
}

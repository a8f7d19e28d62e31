import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type LoaderFunctionArgs, useSearchParams } from "react-router";
import { Icon } from "@/components/icon";
import { PageHeader } from "@/components/page-header";
import { QueryView } from "@/components/query-view";
import { EmptyState } from "@/components/states";
import { queryClient } from "@/lib/query-client";
import { useDebouncedValue } from "@/lib/use-debounced-value";
import { locationPageQueries } from "@/features/locations/api/queries";
import { LocationTable } from "@/features/locations/components/location-table";

const nameOf = (params: URLSearchParams) => params.get("q")?.trim() || undefined;

export async function loader({ request }: LoaderFunctionArgs) {
  await queryClient.ensureQueryData(locationPageQueries.list(nameOf(new URL(request.url).searchParams))).catch(() => undefined);
  return null;
}

/** Management > Locations: the organisation's locations, searched by name (kept in the URL). */
export default function LocationsRoute() {
  const { t } = useTranslation(["locations", "common"]);
  const [params, setParams] = useSearchParams();
  const list = useQuery(locationPageQueries.list(nameOf(params)));
  const [search, setSearch] = useState(params.get("q") ?? "");
  const settled = useDebouncedValue(search, 250);

  // The search box writes to the URL once typing pauses, and follows it on Back/Forward
  // (but not back from what it wrote itself, which would eat what was typed meanwhile).
  const q = params.get("q") ?? "";
  const written = useRef(q);
  useEffect(() => {
    if (settled === q) return;
    written.current = settled;
    setParams(settled ? { q: settled } : {}, { replace: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settled]);
  useEffect(() => {
    if (q !== written.current) setSearch(q);
    written.current = q;
  }, [q]);

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div role="search" className="toolbar" aria-label={t("title")}>
        <div className="field field-inline">
          <label htmlFor="location-search">{t("search")}</label>
          <div className="search-input">
            <Icon name="search" />
            <input
              id="location-search"
              className="input"
              type="search"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
          </div>
        </div>
      </div>
      <QueryView query={list} isEmpty={(data) => data.items.length === 0} empty={<EmptyState title={t("empty")} />}>
        {(data) => <LocationTable items={data.items} busy={list.isPlaceholderData} />}
      </QueryView>
    </>
  );
}

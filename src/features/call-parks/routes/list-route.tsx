import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, Outlet, useSearchParams } from "react-router";
import { Icon } from "@/components/icon";
import { ListToolbar } from "@/components/list-toolbar";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { QueryView } from "@/components/query-view";
import { EmptyState } from "@/components/states";
import { useAbility } from "@/lib/session";
import { useSearchBox } from "@/lib/use-search-box";
import { callParkQueries } from "@/features/call-parks/api/queries";
import { callParkPath, newCallParkPath } from "./paths";

const PAGE_SIZE = 25;

/** The call park groups of the organisation; a group's side panel opens over it. */
export default function CallParkListRoute() {
  const { t } = useTranslation(["callParkGroups", "common"]);
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const locationId = params.get("location") ?? "";
  const page = Math.max(0, Number(params.get("page") ?? 1) - 1) || 0;
  const list = useQuery(
    callParkQueries.list({ name: q || undefined, locationId: locationId || undefined, start: page * PAGE_SIZE, max: PAGE_SIZE }),
  );

  const write = (patch: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!("page" in patch)) next.delete("page");
    setParams(next, { replace: "q" in patch });
  };
  const [search, setSearch] = useSearchBox(q, (value) => write({ q: value }));
  const filtering = Boolean(q || locationId);
  const suffix = params.toString() ? `?${params}` : "";
  const canAdd = useAbility().canWrite(locationId || undefined);

  return (
    <>
      <PageHeader
        title={t("list.title")}
        description={t("list.description")}
        back={{ to: "/services/calling/features", label: t("common:nav.features") }}
        actions={
          canAdd && (
            <Link className="btn btn-primary" to={newCallParkPath(locationId || undefined)}>
              <Icon name="plus" />
              {t("addNew")}
            </Link>
          )
        }
      />
      <ListToolbar
        idPrefix="group"
        label={t("list.filters")}
        search={search}
        onSearch={setSearch}
        searchLabel={t("list.search")}
        locationId={locationId}
        onLocation={(location) => write({ location })}
      />
      <QueryView
        query={list}
        isEmpty={(data) => data.items.length === 0}
        empty={
          <EmptyState title={filtering ? t("list.noMatches") : t("list.empty")}>
            {!filtering && canAdd && (
              <Link className="btn btn-primary" to={newCallParkPath()}>
                {t("addNew")}
              </Link>
            )}
          </EmptyState>
        }
      >
        {(data) => (
          <>
            <div className="table-wrap" aria-busy={list.isPlaceholderData}>
              <table className="table">
                <caption className="visually-hidden">{t("list.caption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("columns.name")}</th>
                    <th scope="col">{t("columns.location")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((g) => (
                    <tr key={g.id}>
                      <td>
                        <Link to={`${callParkPath(g.locationId, g.id)}${suffix}`}>{g.name}</Link>
                      </td>
                      <td>{g.locationName}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination page={page} pageSize={PAGE_SIZE} total={data.total} onPageChange={(p) => write({ page: String(p + 1) })} />
          </>
        )}
      </QueryView>
      <Outlet />
    </>
  );
}

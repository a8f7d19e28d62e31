import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, Outlet, useLocation } from "react-router";
import { z } from "zod";
import { Icon } from "@/components/icon";
import { ListToolbar } from "@/components/list-toolbar";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { QueryView } from "@/components/query-view";
import { EmptyState } from "@/components/states";
import { useAbility } from "@/lib/session";
import { defineListScreen, useListState } from "@/lib/use-list-state";
import { callParkQueries, type CallParkListParams } from "@/features/call-parks/api/queries";
import { callParkPath, FEATURES_PATH, newCallParkPath } from "@/lib/paths";

const PAGE_SIZE = 25;

/** The list's search (`q`, by name), location filter and page as they live in the URL. */
const callParkList = defineListScreen({
  schema: z.object({
    q: z.string().default(""),
    location: z.string().default(""),
    page: z.coerce.number().int().min(1).default(1),
  }),
  search: "q",
  paging: { param: "page", size: PAGE_SIZE, counts: "pages" },
  toQuery: (state, start): CallParkListParams => ({
    name: state.q || undefined,
    locationId: state.location || undefined,
    start,
    max: PAGE_SIZE,
  }),
});

/** The call park groups of the organisation; a group's side panel opens over it. */
export default function CallParkListRoute() {
  const { t } = useTranslation(["callParkGroups", "common"]);
  const listState = useListState(callParkList);
  const { q, location } = listState.state;
  const list = useQuery(callParkQueries.list(listState.query));
  const filtering = Boolean(q || location);
  // A group's side panel opens over the list as it is, and closes back to it.
  const suffix = useLocation().search;
  const canAdd = useAbility().canWrite(location || undefined);

  return (
    <>
      <PageHeader
        title={t("list.title")}
        description={t("list.description")}
        back={{ to: FEATURES_PATH, label: t("common:nav.features") }}
        actions={
          canAdd && (
            <Link className="btn btn-primary" to={newCallParkPath(location || undefined)}>
              <Icon name="plus" />
              {t("addNew")}
            </Link>
          )
        }
      />
      <ListToolbar
        idPrefix="group"
        label={t("list.filters")}
        search={listState.search}
        onSearch={listState.setSearch}
        searchLabel={t("list.search")}
        locationId={location}
        onLocation={(locationId) => listState.update({ location: locationId })}
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
            <Pagination {...listState.pagination} total={data.total} />
          </>
        )}
      </QueryView>
      <Outlet />
    </>
  );
}

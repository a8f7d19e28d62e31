import { useQuery } from "@tanstack/react-query";
import { lazy, useState } from "react";
import { useTranslation } from "@/lib/use-translation";
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
import { OnceWanted } from "@/components/once-wanted";
import { SelectionBar, SelectPageHeader, SelectRowCell, useRowSelection } from "@/components/bulk-selection";
import { SortableHeader } from "@/components/sortable-header";
import { nextOrder, sortOf, sortParam } from "@/lib/sort-param";
import type { CallParkListItem } from "@domain/schemas/call-park";
import { callParkPath, FEATURES_PATH, newCallParkPath } from "@/lib/paths";

// The confirmation is react-aria's dialog code: it loads when first asked for, not with the list.
const BulkDeleteCallParksDialog = lazy(() =>
  import("@/features/call-parks/components/bulk-delete-call-parks").then((m) => ({ default: m.BulkDeleteCallParksDialog })),
);

const PAGE_SIZE = 25;
const SORTABLE = ["name", "locationName"] as const;
type Sortable = (typeof SORTABLE)[number];

/** The list's search (`q`, by name), location filter, sort and page as they live in the URL. */
const callParkList = defineListScreen({
  schema: z.object({
    q: z.string().default(""),
    location: z.string().default(""),
    sort: sortParam(SORTABLE, "name-asc"),
    page: z.coerce.number().int().min(1).default(1),
  }),
  search: "q",
  paging: { param: "page", size: PAGE_SIZE, counts: "pages" },
  toQuery: (state, start): CallParkListParams => ({
    name: state.q || undefined,
    locationId: state.location || undefined,
    // The server's `order`, with the other column next so that equal names keep one order.
    order: `${state.sort},${sortOf(state.sort).field === "name" ? "locationName" : "name"}-asc`,
    start,
    max: PAGE_SIZE,
  }),
});

/** The call park groups of the organisation; a group's side panel opens over it. */
export default function CallParkListRoute() {
  const { t } = useTranslation(["callParkGroups", "common"]);
  const listState = useListState(callParkList);
  const { q, location, sort: order } = listState.state;
  const { field: sort, direction } = sortOf(order);
  const onSort = (field: Sortable) => listState.update({ sort: nextOrder(order, field) });
  const ability = useAbility();
  const selection = useRowSelection<CallParkListItem>();
  const [bulkDeleting, setBulkDeleting] = useState<CallParkListItem[]>([]);
  const list = useQuery(callParkQueries.list(listState.query));
  const filtering = Boolean(q || location);
  // A group's side panel opens over the list as it is, and closes back to it.
  const suffix = useLocation().search;
  const canAdd = ability.canWrite(location || undefined);

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
        {(data) => {
          const selectable = data.items.filter((g) => ability.canWrite(g.locationId));
          const withSelection = selectable.length > 0;
          return (
            <>
              <SelectionBar
                count={selection.selected.size}
                onDelete={() => setBulkDeleting(selection.items)}
                onClear={() => selection.drop()}
              />
              <div className="table-wrap" aria-busy={list.isPlaceholderData}>
                {/* A phone shows each group as a card, its location under its column's name (app.css). */}
                <table className="table table-stacked">
                  <caption className="visually-hidden">{t("list.caption")}</caption>
                  <thead>
                    <tr>
                      {withSelection && <SelectPageHeader selection={selection} rows={selectable} />}
                      <SortableHeader field="name" sort={sort} direction={direction} onSort={onSort}>
                        {t("columns.name")}
                      </SortableHeader>
                      <SortableHeader field="locationName" sort={sort} direction={direction} onSort={onSort}>
                        {t("columns.location")}
                      </SortableHeader>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((g) => (
                      <tr key={g.id}>
                        {withSelection && (
                          <SelectRowCell
                            selection={selection}
                            row={g}
                            name={t("bulkDelete.item", { name: g.name, location: g.locationName })}
                            enabled={ability.canWrite(g.locationId)}
                          />
                        )}
                        <td className="cell-title">
                          <Link to={`${callParkPath(g.locationId, g.id)}${suffix}`}>{g.name}</Link>
                        </td>
                        <td data-label={t("columns.location")}>{g.locationName}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pagination {...listState.pagination} total={data.total} />
            </>
          );
        }}
      </QueryView>
      <OnceWanted when={bulkDeleting.length > 0}>
        <BulkDeleteCallParksDialog
          targets={bulkDeleting}
          onClose={() => setBulkDeleting([])}
          onDone={(deleted) => selection.drop(deleted.map((g) => g.id))}
        />
      </OnceWanted>
      <Outlet />
    </>
  );
}

import { useQuery } from "@tanstack/react-query";
import { lazy, useEffect, useState } from "react";
import { useTranslation } from "@/lib/use-translation";
import { Link, Outlet, useLocation } from "react-router";
import type { LoaderArgs } from "@/lib/route-view";
import { Icon } from "@/components/icon";
import { ListToolbar } from "@/components/list-toolbar";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { QueryView } from "@/components/query-view";
import { EmptyState } from "@/components/states";
import { queryClient } from "@/lib/query-client";
import { useAbility } from "@/lib/session";
import { useListState } from "@/lib/use-list-state";
import { callParkExtensionQueries } from "@/features/call-park-extensions/api/queries";
import type { BulkDeleteTarget, DeleteTarget } from "@/features/call-park-extensions/components/delete-call-park-extension";
import { OnceWanted } from "@/components/once-wanted";
import {
  CallParkExtensionTable,
  callParkExtensionRowId,
} from "@/features/call-park-extensions/components/call-park-extension-table";
import { SelectionBar, useRowSelection } from "@/components/bulk-selection";
import { useScrollToEdited } from "@/lib/list-return";
import type { CallParkExtensionListItem } from "@domain/schemas/call-park-extension";
import { callParkExtensionList, nextOrder, PAGE_SIZE, sortOf, type Sortable } from "./list-params";
import { BULK_MANAGE_PATH, EXTENSION_RANGE_PATH, FEATURES_PATH, newCallParkExtensionPath } from "@/lib/paths";

// The confirmations are react-aria's dialog code: it loads when one is first asked for, not with the list.
const loadDeleteDialogs = () => import("@/features/call-park-extensions/components/delete-call-park-extension");
const DeleteCallParkExtensionDialog = lazy(() => loadDeleteDialogs().then((m) => ({ default: m.DeleteCallParkExtensionDialog })));
const BulkDeleteCallParkExtensionsDialog = lazy(() => loadDeleteDialogs().then((m) => ({ default: m.BulkDeleteCallParkExtensionsDialog })));

export async function loader({ url }: LoaderArgs) {
  const query = callParkExtensionList.queryOf(url.searchParams);
  // Prefetch without failing the route: the page shows its own error state.
  // The location filter asks for its own page of locations as it opens, never all of them here.
  await Promise.allSettled([queryClient.ensureQueryData(callParkExtensionQueries.list(query))]);
  return null;
}

export default function CallParkExtensionListRoute() {
  const { t } = useTranslation(["callParkExtensions", "common"]);
  const listState = useListState(callParkExtensionList);
  const { state, update } = listState;
  const list = useQuery(callParkExtensionQueries.list(listState.query));
  const [toDelete, setToDelete] = useState<DeleteTarget | null>(null);
  const selection = useRowSelection<CallParkExtensionListItem>();
  const [bulkDeleting, setBulkDeleting] = useState<BulkDeleteTarget[]>([]);
  const here = useLocation();
  const { canWrite, canImport } = useAbility();
  const canAdd = canWrite(state.location || undefined);

  // A page past the end (an old link, or the last row of the last page deleted)
  // moves back to the last page that has rows.
  const total = list.data?.total ?? 0;
  const emptyPastEnd = list.isSuccess && !list.isPlaceholderData && list.data.items.length === 0 && total > 0;
  useEffect(() => {
    if (emptyPastEnd) listState.setPage(Math.max(0, Math.ceil(total / PAGE_SIZE) - 1), { replace: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [emptyPastEnd, total]);

  const onSort = (field: Sortable) => update({ sort: nextOrder(state.sort, field) });
  const { field: sort, direction } = sortOf(state.sort);
  const filtering = Boolean(state.q || state.location);
  useScrollToEdited(callParkExtensionRowId, list.isSuccess && !list.isPlaceholderData);

  return (
    <>
      <PageHeader
        title={t("list.title")}
        description={t("list.description")}
        back={{ to: FEATURES_PATH, label: t("common:nav.features") }}
        actions={
          <>
            {/* Bulk manage opens as a dialog over this list, and closes back to it as it was. */}
            <Link className="btn btn-secondary" to={BULK_MANAGE_PATH} state={{ from: `${here.pathname}${here.search}` }}>
              {t("list.bulkManage")}
            </Link>
            {canImport && (
              <Link className="btn btn-secondary" to={EXTENSION_RANGE_PATH} state={{ from: `${here.pathname}${here.search}` }}>
                {t("list.addRange")}
              </Link>
            )}
            {canAdd && (
              <Link className="btn btn-primary" to={newCallParkExtensionPath(state.location || undefined)}>
                <Icon name="plus" />
                {t("addNew")}
              </Link>
            )}
          </>
        }
      />
      <ListToolbar
        idPrefix="cpe"
        label={t("list.filters")}
        search={listState.search}
        onSearch={listState.setSearch}
        searchLabel={t("list.search")}
        searchPlaceholder={t("list.searchPlaceholder")}
        locationId={state.location}
        onLocation={(location) => update({ location })}
      />
      <QueryView
        query={list}
        waiting={emptyPastEnd}
        isEmpty={(data) => data.items.length === 0}
        empty={
          <EmptyState title={filtering ? t("list.noMatches") : t("list.empty")}>
            {filtering ? (
              <button type="button" className="btn btn-secondary" onClick={listState.clear}>
                {t("list.clearFilters")}
              </button>
            ) : (
              canAdd && (
                <Link className="btn btn-primary" to={newCallParkExtensionPath(state.location || undefined)}>
                  {t("addNew")}
                </Link>
              )
            )}
          </EmptyState>
        }
      >
        {(data) => (
          <>
            <SelectionBar
              count={selection.selected.size}
              onDelete={() => setBulkDeleting(selection.items)}
              onClear={() => selection.drop()}
            />
            <CallParkExtensionTable
              items={data.items}
              sort={sort}
              direction={direction}
              onSort={onSort}
              onDelete={setToDelete}
              canChange={(item) => canWrite(item.locationId)}
              busy={list.isPlaceholderData}
              selection={selection}
            />
            <Pagination {...listState.pagination} total={data.total} />
          </>
        )}
      </QueryView>
      <OnceWanted when={toDelete !== null}>
        <DeleteCallParkExtensionDialog target={toDelete} onClose={() => setToDelete(null)} />
      </OnceWanted>
      <OnceWanted when={bulkDeleting.length > 0}>
        <BulkDeleteCallParkExtensionsDialog
          targets={bulkDeleting}
          onClose={() => setBulkDeleting([])}
          onDone={(deleted) => selection.drop(deleted.map((item) => item.id))}
        />
      </OnceWanted>
      <Outlet />
    </>
  );
}

import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "@/lib/use-translation";
import type { LoaderArgs } from "@/lib/route-view";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { QueryView } from "@/components/query-view";
import { EmptyState } from "@/components/states";
import { ApiError } from "@/lib/api-client";
import { queryClient } from "@/lib/query-client";
import { nextOrder, sortOf } from "@/lib/sort-param";
import { useListState } from "@/lib/use-list-state";
import { auditLogQueries } from "@/features/audit-events/api/queries";
import { AuditFilters } from "@/features/audit-events/components/audit-filters";
import { AuditTable } from "@/features/audit-events/components/audit-table";
import { ObjectHistoryNotice } from "@/features/audit-events/components/object-history-notice";
import "@/features/audit-events/audit-events.css";
import type { AuditSortField } from "@domain/schemas/audit-event";
import { auditEventList } from "./params";

export async function loader({ url }: LoaderArgs) {
  const query = auditEventList.queryOf(url.searchParams);
  await Promise.all([
    queryClient.ensureQueryData(auditLogQueries.list(query)),
    queryClient.ensureQueryData(auditLogQueries.actors()),
  ]).catch(() => undefined);
  return null;
}

/**
 * The audit log: every change, newest first or sorted by a column, filtered by object type,
 * one object, person and days (all in the URL).
 */
export default function AuditLogRoute() {
  const { t } = useTranslation("auditLog");
  const listState = useListState(auditEventList);
  const { start: _start, sort: order, ...filters } = listState.state;
  const { field: sort, direction } = sortOf(order);
  // The newest first is the useful first look at times; people, actions and objects read from A.
  const onSort = (field: AuditSortField) => listState.update({ sort: nextOrder(order, field, field === "time" ? "desc" : "asc") });
  // Clearing the filters keeps the table's sort: it is not one of them.
  const clearFilters = () => {
    const { start: _first, sort: _sort, ...none } = auditEventList.defaults;
    listState.update(none);
  };
  const list = useQuery(auditLogQueries.list(listState.query));
  const issues = list.error instanceof ApiError ? list.error.issues : [];
  const showAllObjects = () => listState.update({ objectId: "" });
  // Named from its own newest entry: the list kept on screen while the next one loads is another one's.
  // Newest first: the object as it is now called (a renamed group's entries carry each id it has had).
  const historyEntry = filters.objectId ? list.data?.items[0] : undefined;

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <AuditFilters filters={filters} onChange={listState.update} onClear={clearFilters} issues={issues} />
      {filters.objectId && <ObjectHistoryNotice entry={historyEntry} onShowAll={showAllObjects} />}
      <QueryView query={list} isEmpty={(data) => data.items.length === 0} empty={<EmptyState title={t("empty")} />}>
        {(data) => (
          <>
            <AuditTable items={data.items} busy={list.isPlaceholderData} sorting={{ sort, direction, onSort }} />
            <Pagination {...listState.pagination} total={data.total} />
          </>
        )}
      </QueryView>
    </>
  );
}

import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { type LoaderFunctionArgs, useSearchParams } from "react-router";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { QueryView } from "@/components/query-view";
import { EmptyState } from "@/components/states";
import { ApiError } from "@/lib/api-client";
import { queryClient } from "@/lib/query-client";
import { auditLogQueries } from "@/features/audit-events/api/queries";
import { AuditFilters } from "@/features/audit-events/components/audit-filters";
import { AuditTable } from "@/features/audit-events/components/audit-table";
import { ObjectHistoryNotice } from "@/features/audit-events/components/object-history-notice";
import "@/features/audit-events/audit-events.css";
import { type AuditFilters as Filters, FILTER_KEYS, filtersOf, listParamsOf, PAGE_SIZE } from "./params";

export async function loader({ request }: LoaderFunctionArgs) {
  const search = new URL(request.url).searchParams;
  await Promise.all([
    queryClient.ensureQueryData(auditLogQueries.list(listParamsOf(search))),
    queryClient.ensureQueryData(auditLogQueries.actors()),
  ]).catch(() => undefined);
  return null;
}

/** The audit log: every change, newest first, filtered by object type, one object, person and days (all in the URL). */
export default function AuditLogRoute() {
  const { t } = useTranslation("auditLog");
  const [search, setSearch] = useSearchParams();
  const filters = filtersOf(search);
  const params = listParamsOf(search);
  const list = useQuery(auditLogQueries.list(params));
  const issues = list.error instanceof ApiError ? list.error.issues : [];

  // A new filter starts again from the first page.
  const filter = (changes: Partial<Filters>) =>
    setSearch((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      next.delete("start");
      return next;
    });
  const clear = () =>
    setSearch((current) => {
      const next = new URLSearchParams(current);
      for (const key of [...FILTER_KEYS, "start"]) next.delete(key);
      return next;
    });
  const showAllObjects = () => filter({ objectId: "" });
  // Named from its own newest entry: the list kept on screen while the next one loads is another one's.
  const historyEntry = filters.objectId ? list.data?.items.find((item) => item.objectId === filters.objectId) : undefined;
  const goToPage = (page: number) =>
    setSearch((current) => {
      const next = new URLSearchParams(current);
      if (page > 0) next.set("start", String(page * PAGE_SIZE));
      else next.delete("start");
      return next;
    });

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <AuditFilters filters={filters} onChange={filter} onClear={clear} issues={issues} />
      {filters.objectId && <ObjectHistoryNotice entry={historyEntry} onShowAll={showAllObjects} />}
      <QueryView query={list} isEmpty={(data) => data.items.length === 0} empty={<EmptyState title={t("empty")} />}>
        {(data) => (
          <>
            <AuditTable items={data.items} busy={list.isPlaceholderData} />
            <Pagination page={Math.floor(params.start / PAGE_SIZE)} pageSize={PAGE_SIZE} total={data.total} onPageChange={goToPage} />
          </>
        )}
      </QueryView>
    </>
  );
}

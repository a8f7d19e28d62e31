import { useQuery } from "@tanstack/react-query";
import { useEffect, useMemo } from "react";
import { useTranslation } from "@/lib/use-translation";
import type { LoaderArgs } from "@/lib/route-view";
import { countByKind, HEALTH_KINDS, type HealthKind } from "@domain/rules/call-park-health";
import { LocationFilter } from "@/components/location-filter";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { QueryView } from "@/components/query-view";
import { EmptyState } from "@/components/states";
import { downloadTextFile } from "@/lib/download";
import { FEATURES_PATH } from "@/lib/paths";
import { queryClient } from "@/lib/query-client";
import { useListState } from "@/lib/use-list-state";
import { callParkHealthQueries } from "@/features/call-park-health/api/queries";
import { findingsCsv } from "@/features/call-park-health/components/findings-csv";
import { FindingsTable } from "@/features/call-park-health/components/findings-table";
import { HealthSummary } from "@/features/call-park-health/components/health-summary";
import "@/features/call-park-health/call-park-health.css";
import { healthList, PAGE_SIZE } from "./params";

export async function loader({ url }: LoaderArgs) {
  const query = healthList.queryOf(url.searchParams);
  // Prefetch without failing the route: the page shows its own error state.
  await Promise.allSettled([queryClient.ensureQueryData(callParkHealthQueries.findings(query))]);
  return null;
}

/**
 * The health check: what is wrong or risky in the call park configuration, counted by kind
 * on top, filtered by location and kind (in the URL), each finding explained with a link to
 * where it is fixed, and the findings shown exported as CSV.
 */
export default function CallParkHealthRoute() {
  const { t } = useTranslation(["callParkHealth", "common"]);
  const listState = useListState(healthList);
  const { state, update } = listState;
  const health = useQuery(callParkHealthQueries.findings(listState.query));
  const all = useMemo(() => health.data?.findings ?? [], [health.data]);
  const counts = useMemo(() => countByKind(all), [all]);
  const shown = useMemo(() => (state.kind ? all.filter((f) => f.kind === state.kind) : all), [all, state.kind]);
  const page = shown.slice(listState.pagination.page * PAGE_SIZE, (listState.pagination.page + 1) * PAGE_SIZE);
  const filtering = Boolean(state.location || state.kind);

  // A page past the end (an old link, or fixes made since) moves back to the last page that has findings.
  const pastEnd = health.isSuccess && page.length === 0 && shown.length > 0;
  useEffect(() => {
    if (pastEnd) listState.setPage(Math.max(0, Math.ceil(shown.length / PAGE_SIZE) - 1), { replace: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pastEnd, shown.length]);

  const exportCsv = () => downloadTextFile(t("csv.fileName"), findingsCsv(t, shown));

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        back={{ to: FEATURES_PATH, label: t("common:nav.features") }}
        actions={
          <button type="button" className="btn btn-secondary" onClick={exportCsv} disabled={!health.isSuccess || shown.length === 0}>
            {t("exportCsv")}
          </button>
        }
      />
      <div role="search" className="toolbar" aria-label={t("filters.label")}>
        <LocationFilter id="health-location-filter" value={state.location} onChange={(location) => update({ location })} />
        <div className="field field-inline">
          <label htmlFor="health-kind">{t("filters.kind")}</label>
          <select
            id="health-kind"
            className="input"
            value={state.kind}
            onChange={(e) => update({ kind: e.target.value as HealthKind | "" })}
          >
            <option value="">{t("filters.allKinds")}</option>
            {HEALTH_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kinds.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        {filtering && (
          <button type="button" className="btn btn-secondary" onClick={listState.clear}>
            {t("filters.clear")}
          </button>
        )}
      </div>
      <QueryView query={health} waiting={pastEnd}>
        {() => (
          <>
            <HealthSummary counts={counts} kind={state.kind} onKind={(kind) => update({ kind })} />
            <p className="health-total" aria-live="polite">
              {t("total", { count: shown.length })}
            </p>
            {shown.length === 0 ? (
              <EmptyState title={filtering ? t("emptyFiltered") : t("empty")}>
                {filtering && (
                  <button type="button" className="btn btn-secondary" onClick={listState.clear}>
                    {t("filters.clear")}
                  </button>
                )}
              </EmptyState>
            ) : (
              <>
                <FindingsTable findings={page} busy={health.isPlaceholderData} />
                <Pagination {...listState.pagination} total={shown.length} />
              </>
            )}
          </>
        )}
      </QueryView>
    </>
  );
}

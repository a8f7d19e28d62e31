import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslation } from "@/lib/use-translation";
import type { SimulationRequest } from "@domain/schemas/simulation";
import { ErrorState } from "@/components/states";
import { errorMessage } from "@/lib/error-message";
import type { SimulationPreviewProps } from "@/lib/simulation-preview-slot";
import { listFormat } from "@/lib/list-format";
import { useDebouncedValue } from "@/lib/use-debounced-value";
import { simulationQueries } from "@/features/simulation/api/queries";
import { useGatewayStatus } from "@/lib/session";
import { previewScript } from "./script-model";
import { TimelineChart } from "./timeline-chart";
import { lanesOf } from "./timeline-model";
import { TimelineList } from "./timeline-list";
import "./simulation.css";

/** How long the form's values must stay put before they are played (typing a number is several changes). */
const SETTLE_MS = 300;

/**
 * A form's values on a timeline before Save: what happens to a call parked with them (a
 * person's *68 for Call Park Settings, the group's first members' #58 for a group), played
 * by the server's simulator with the form's values as its overrides, checked by the same
 * rules as the save. Shown once the form's "Preview on a timeline" is opened
 * (lib/simulation-preview-slot), it follows every change.
 */
export function SimulationPreview({ locationId, park, overrides, unsaved }: SimulationPreviewProps) {
  const { t, i18n } = useTranslation("simulation");
  const cast = useQuery(simulationQueries.cast(locationId));
  const webex = useGatewayStatus()?.mode === "webex";
  const settled = useDebouncedValue(overrides, SETTLE_MS);
  const timers = { recallTime: cast.data?.recallTime ?? 0, huntWaitTime: cast.data?.huntWaitTime ?? 0, ...settled?.callParkSettings?.callParkSettings };
  const script = cast.data ? previewScript(cast.data, park, timers) : null;
  const body: SimulationRequest | undefined = script && settled ? { steps: script.steps, until: script.until, overrides: settled } : undefined;
  const played = useQuery({ ...simulationQueries.preview(locationId, body), enabled: body !== undefined, placeholderData: keepPreviousData });

  if (cast.isPending) return <p>{t("preview.loading")}</p>;
  if (cast.isError) return <ErrorState error={cast.error} onRetry={() => cast.refetch()} />;
  if (!script) return <p>{t(park.kind === "group" ? "preview.noMembers" : "preview.nobody")}</p>;
  const names = script.parkers.map((p) => p.name);
  const result = played.data;
  return (
    <div className="sim-preview-body">
      <p>
        {park.kind === "group"
          ? t("preview.groupScript", { count: names.length, names: listFormat(i18n.resolvedLanguage ?? i18n.language).format(names) })
          : t("preview.directScript", { name: names[0], extension: script.extension })}{" "}
        {t(unsaved ? "preview.unsaved" : "preview.saved")}
      </p>
      {webex && <p className="muted">{t("webex.notice")}</p>}
      {overrides === undefined ? (
        <p>{t("preview.invalid")}</p>
      ) : played.isError ? (
        <p className="field-error" role="alert">
          {t("preview.refused", { message: errorMessage(t, played.error) })}
        </p>
      ) : null}
      <p className="visually-hidden" role="status">
        {result && !played.isError && overrides !== undefined
          ? t("timeline.summary", { calls: t("timeline.calls", { count: lanesOf(result).length }), until: result.until })
          : ""}
      </p>
      {result && (
        <div className={played.isError || overrides === undefined || played.isPlaceholderData ? "sim-preview-stale" : undefined} aria-busy={played.isFetching || undefined}>
          <TimelineChart result={result} />
          <TimelineList result={result} level={5} />
        </div>
      )}
    </div>
  );
}

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "@/lib/use-translation";
import { useSearchParams } from "react-router";
import { z } from "zod";
import { type FieldIssue, toFieldIssues } from "@domain/schemas/issues";
import { needsHuntGroup, RECALL_OPTIONS, type RecallOption } from "@domain/rules/recall";
import {
  SIMULATION_DEFAULT_SECONDS,
  type SimulationRequest,
  simulationRequestSchema,
  type SimulationResult,
} from "@domain/schemas/simulation";
import { ErrorState, LoadingState } from "@/components/states";
import { ApiError } from "@/lib/api-client";
import { Icon } from "@/components/icon";
import { locationQueries } from "@/lib/location-queries";
import { useGatewayStatus } from "@/lib/session";
import { simulationQueries, usePlaySimulation } from "@/features/simulation/api/queries";
import { ScriptEditor } from "./script-editor";
import { checkLineAppearances, checkSteps, lineAppearancesOf, type LineRow, presetRows, type ScriptRow, stepsOf } from "./script-model";
import { ParkedCallsBoard } from "@/features/simulation/board/parked-calls-board";
import { TimelineChart } from "./timeline-chart";
import { lanesOf } from "./timeline-model";
import { TimelineList } from "./timeline-list";
import type { WhatIf } from "./what-if-fields";
import { WhatIfFields } from "./what-if-fields";
import "./simulation.css";

/** A location's Simulator tab: the script, Play, and the timeline as a picture and as a list. */
export function SimulatorTab({ locationId }: { locationId: string }) {
  const { t } = useTranslation("simulation");
  const cast = useQuery(simulationQueries.cast(locationId));
  const webex = useGatewayStatus()?.mode === "webex";
  return (
    <div className="tab-content sim">
      <h2>{t("title")}</h2>
      <p className="page-description">{t("description")}</p>
      {/* In Webex mode the configuration played is the mirror's: said, so that nobody takes it for a live view. */}
      {webex && (
        <div className="banner" role="note">
          <Icon name="phone" size={20} />
          <p>{t("webex.notice")}</p>
        </div>
      )}
      {cast.isPending ? (
        <LoadingState />
      ) : cast.isError ? (
        <ErrorState error={cast.error} onRetry={() => cast.refetch()} />
      ) : (
        <Simulator locationId={locationId} cast={cast.data} />
      )}
    </div>
  );
}

const countCalls = (result: SimulationResult) => lanesOf(result).length;

const seconds = (value: string | null) => (value && /^\d+$/.test(value) ? value : undefined);

function Simulator({ locationId, cast }: { locationId: string; cast: SimulationResult }) {
  const { t } = useTranslation("simulation");
  const [search] = useSearchParams();
  const group = search.get("group") ?? undefined;
  const saved = useQuery(locationQueries.callParkSettings(locationId)).data;
  // A link from a group starts on its members parking together; a link from the settings
  // form brings its unsaved values as "what if".
  const [rows, setRows] = useState<ScriptRow[]>(() => (group ? presetRows(cast.participants, group) : []));
  const [lines, setLines] = useState<LineRow[]>([]);
  const [until, setUntil] = useState(String(SIMULATION_DEFAULT_SECONDS));
  const linkedOption = search.get("recallOption");
  const fromForm = Boolean(linkedOption || search.get("recallTime") || search.get("huntWaitTime"));
  const [whatIf, setWhatIf] = useState<WhatIf | null>(null);
  const currentWhatIf: WhatIf = whatIf ?? {
    use: fromForm,
    option: (RECALL_OPTIONS as readonly string[]).includes(linkedOption ?? "")
      ? (linkedOption as RecallOption)
      : (saved?.callParkRecall.option ?? "ALERT_PARKING_USER_ONLY"),
    groupOption: "",
    huntGroupId: search.get("huntGroupId") ?? saved?.callParkRecall.huntGroupId ?? "",
    recallTime: seconds(search.get("recallTime")) ?? String(saved?.callParkSettings.recallTime ?? cast.recallTime),
    huntWaitTime: seconds(search.get("huntWaitTime")) ?? String(saved?.callParkSettings.huntWaitTime ?? cast.huntWaitTime),
  };
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const play = usePlaySimulation(locationId);
  // What the board plays live: the script of the last run the server accepted, and which run it is.
  const [played, setPlayed] = useState<{ body: SimulationRequest; key: number } | null>(null);
  const [fromGroup] = useState(() => Boolean(group) && rows.length > 0);

  const onPlay = () => {
    const steps = stepsOf(rows);
    // The contract's own checks first, so a wrong row is marked without a round trip.
    const untilIssues = toFieldIssues(
      simulationRequestSchema.shape.until.safeParse(until.trim() === "" ? undefined : Number(until)).error ?? new z.ZodError([]),
    ).map((issue) => ({ ...issue, path: ["until"] }));
    const local = [...checkSteps(steps), ...checkLineAppearances(lines), ...untilIssues];
    setIssues(local);
    if (local.length > 0) return;
    const lineAppearances = lineAppearancesOf(lines);
    const body: SimulationRequest = { steps, until: until.trim() === "" ? undefined : Number(until), ...(lineAppearances && { lineAppearances }) };
    if (currentWhatIf.use) {
      const { groupOption, huntGroupId } = currentWhatIf;
      // Every group of the location recalls as chosen, as each group's own PUT would set it.
      const groups = [...new Set(cast.participants.flatMap((p) => (p.callParkId ? [p.callParkId] : [])))];
      const groupRecall =
        groupOption === "" ? undefined : { option: groupOption, ...(needsHuntGroup(groupOption) && huntGroupId ? { huntGroupId } : {}) };
      body.overrides = {
        ...(groupRecall && groups.length > 0 ? { callParks: groups.map((id) => ({ id, recall: groupRecall })) } : {}),
        callParkSettings: {
          callParkRecall: {
            option: currentWhatIf.option,
            ...(needsHuntGroup(currentWhatIf.option) && currentWhatIf.huntGroupId ? { huntGroupId: currentWhatIf.huntGroupId } : {}),
          },
          callParkSettings: { recallTime: Number(currentWhatIf.recallTime), huntWaitTime: Number(currentWhatIf.huntWaitTime) },
        },
      };
    }
    play.mutate(body, {
      onSuccess: () => setPlayed((before) => ({ body, key: (before?.key ?? 0) + 1 })),
      onError: (error) => {
        if (error instanceof ApiError) setIssues(error.issues);
      },
    });
  };

  return (
    <>
      <ScriptEditor
        cast={cast}
        rows={rows}
        onRowsChange={setRows}
        lines={lines}
        onLinesChange={setLines}
        until={until}
        onUntilChange={setUntil}
        issues={issues}
        onPreset={() => setRows(presetRows(cast.participants))}
        onPlay={onPlay}
        playing={play.isPending}
        note={fromGroup ? t("script.presetFromGroup") : undefined}
      />
      <WhatIfFields
        value={currentWhatIf}
        onChange={setWhatIf}
        fromForm={fromForm}
        huntGroups={cast.participants.filter((p) => p.type === "HUNT_GROUP")}
      />
      <section className="sim-result" aria-labelledby="sim-result-title" aria-busy={play.isPending || undefined}>
        <h3 id="sim-result-title">{t("timeline.heading")}</h3>
        {/* Said once a run answers, so a screen reader hears that Play did something. */}
        <p className="visually-hidden" role="status">
          {play.data ? t("timeline.summary", { calls: t("timeline.calls", { count: countCalls(play.data) }), until: play.data.until }) : ""}
        </p>
        {play.data && (
          <>
            <TimelineChart result={play.data} />
            <TimelineList result={play.data} />
          </>
        )}
      </section>
      {played && <ParkedCallsBoard locationId={locationId} script={played.body} playing={played.key} timeline={play.data?.events} />}
    </>
  );
}

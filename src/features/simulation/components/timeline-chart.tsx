import type { ReactNode } from "react";
import { useTranslation } from "@/lib/use-translation";
import type { SimulationEventKind, SimulationResult } from "@domain/schemas/simulation";
import { callNumber, type Lane, lanesOf, namer, ticksOf } from "./timeline-model";

// The timeline as a picture: one lane per call, its time parked as a bar, a mark for each
// thing that happens to it. The picture is a summary for the eye; the list beside it is
// the full account, for everyone and for screen readers.

const WIDTH = 720;
const MARGIN = 24;
const LANE = 56;
const AXIS = 40;

/** The kinds drawn on a lane, in the legend's order (an announcement coincides with its park). */
export const MARKED_KINDS = ["PARKED", "RECALLED_TO_PARKER", "ALERTED_HUNT_GROUP", "RETRIEVED", "ANSWERED", "PARK_FAILED"] as const;
type MarkedKind = (typeof MARKED_KINDS)[number];
const isMarked = (kind: SimulationEventKind): kind is MarkedKind => (MARKED_KINDS as readonly string[]).includes(kind);

/** Each kind's shape, centred on (0, 0): told apart by shape as well as colour. */
function shape(kind: MarkedKind): ReactNode {
  switch (kind) {
    case "PARKED":
      return <circle r={7} />;
    case "RECALLED_TO_PARKER":
      return <path d="M0 -8 L8 6 L-8 6 Z" />;
    case "ALERTED_HUNT_GROUP":
      return <rect x={-7} y={-7} width={14} height={14} />;
    case "RETRIEVED":
      return <path d="M0 -9 L9 0 L0 9 L-9 0 Z" />;
    case "ANSWERED":
      return <circle r={6} className="sim-ring" />;
    case "PARK_FAILED":
      return <path d="M-7 -7 L7 7 M7 -7 L-7 7" className="sim-cross" />;
  }
}

export function MarkShape({ kind }: { kind: MarkedKind }) {
  return (
    <svg className={`sim-mark sim-mark-${kind}`} width={20} height={20} viewBox="-10 -10 20 20" aria-hidden="true" focusable="false">
      {shape(kind)}
    </svg>
  );
}

export function TimelineChart({ result }: { result: SimulationResult }) {
  const { t } = useTranslation("simulation");
  const lanes = lanesOf(result);
  const name = namer(result.participants);
  const until = Math.max(result.until, 1);
  const x = (second: number) => MARGIN + (Math.min(second, until) / until) * (WIDTH - 2 * MARGIN);
  const height = lanes.length * LANE + AXIS;
  const laneLabel = (lane: Lane) =>
    lane.extension
      ? t("timeline.lane", { call: callNumber(lane.callId), name: name(lane.parkerId), extension: lane.extension })
      : t("timeline.laneNotParked", { call: callNumber(lane.callId), name: name(lane.parkerId) });
  return (
    <figure className="sim-figure">
      {/* Wider than a phone: it scrolls in its own box, which the keyboard can reach. */}
      <div className="sim-scroll" tabIndex={0} role="region" aria-label={t("timeline.scrollRegion")}>
        <svg
          className="sim-chart"
          viewBox={`0 0 ${WIDTH} ${height}`}
          width={WIDTH}
          height={height}
          role="img"
          aria-label={t("timeline.summary", { calls: t("timeline.calls", { count: lanes.length }), until: result.until })}
        >
          {lanes.map((lane, i) => {
            const top = i * LANE;
            const barY = top + 34;
            return (
              <g key={lane.callId}>
                <text x={MARGIN - 8} y={top + 16} className="sim-lane-label">
                  {laneLabel(lane)}
                </text>
                {!lane.failed && <rect x={x(lane.from)} y={barY - 3} width={Math.max(x(lane.to) - x(lane.from), 1)} height={6} rx={3} className="sim-bar" />}
                {lane.events.map((event, j) =>
                  isMarked(event.kind) ? (
                    <g key={j} transform={`translate(${x(event.at)} ${barY})`} className={`sim-mark sim-mark-${event.kind}`}>
                      {shape(event.kind)}
                    </g>
                  ) : null,
                )}
              </g>
            );
          })}
          <g className="sim-axis" transform={`translate(0 ${lanes.length * LANE + 8})`}>
            <line x1={MARGIN} x2={WIDTH - MARGIN} y1={0} y2={0} />
            {ticksOf(result.until).map((second) => (
              <g key={second} transform={`translate(${x(second)} 0)`}>
                <line y1={0} y2={5} />
                <text y={20} textAnchor="middle">
                  {t("timeline.seconds", { value: second })}
                </text>
              </g>
            ))}
          </g>
        </svg>
      </div>
      <figcaption>
        <span className="visually-hidden">{t("timeline.axis")}</span>
        <span className="sim-legend-title">{t("timeline.legend")}</span>
        <ul className="sim-legend">
          {MARKED_KINDS.map((kind) => (
            <li key={kind}>
              <MarkShape kind={kind} />
              {t(`timeline.marks.${kind}`)}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

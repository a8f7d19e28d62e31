import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "@/lib/use-translation";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/addresses";
import type { SimulationEvent, SimulationRequest } from "@domain/schemas/simulation";
import {
  encodeSimulationScript,
  SIMULATION_SPEEDS,
  SIMULATION_STREAM_EVENTS,
  type SimulationStreamStart,
} from "@domain/schemas/simulation-stream";
import { boardState, callNumber, type HeldCall, nextRecall } from "./board-state";
import "./parked-calls-board.css";

export interface ParkedCallsBoardProps {
  locationId: string;
  /** The request body the Play button sends. */
  script: SimulationRequest;
  /** Changes on every Play: the board starts the simulation again. */
  playing: string | number;
  /** Called once the simulation's clock has reached its end. */
  onDone?: () => void;
  /** The whole timeline of the same script (Play's answer): each call's countdown reads its next recall there. */
  timeline?: readonly SimulationEvent[];
}

type Phase = "connecting" | "playing" | "ended" | "interrupted";

/** The clock's refresh: often enough for the seconds at 60×, without re-rendering on every frame. */
const TICK_MS = 100;

/**
 * The Parked calls board: every destination of the location, free or holding a call, live
 * while the simulation plays through the server's event stream (at 1×, 10× or 60×). The
 * clock runs here from the `start` event at the chosen speed, and never behind the last
 * event received, so the countdowns follow the simulation's seconds.
 */
export function ParkedCallsBoard({ locationId, script, playing, onDone, timeline }: ParkedCallsBoardProps) {
  const { t } = useTranslation("simulation");
  const [speed, setSpeed] = useState<number>(SIMULATION_SPEEDS[0]);
  const [start, setStart] = useState<SimulationStreamStart | null>(null);
  const [events, setEvents] = useState<SimulationEvent[]>([]);
  const [phase, setPhase] = useState<Phase>("connecting");
  const [clock, setClock] = useState(0);
  const [announcement, setAnnouncement] = useState("");
  const onDoneRef = useRef(onDone);
  onDoneRef.current = onDone;
  const scriptKey = JSON.stringify(script);

  useEffect(() => {
    const url = urlOf(api.callParks.simulateStream, { locationId }, { script: encodeSimulationScript(JSON.parse(scriptKey) as SimulationRequest), speed: String(speed) });
    const source = new EventSource(url, { withCredentials: true });
    let startedAt = 0;
    let until = 0;
    let lastAt = 0;
    let ended = false;
    let tick: ReturnType<typeof setInterval> | undefined;
    setStart(null);
    setEvents([]);
    setClock(0);
    setPhase("connecting");
    setAnnouncement("");

    const advance = () => {
      const now = Math.min(until, Math.max(lastAt, Math.floor(((performance.now() - startedAt) * speed) / 1000)));
      setClock(now);
      if (ended && now >= until) {
        clearInterval(tick);
        tick = undefined;
        onDoneRef.current?.();
      }
    };
    source.addEventListener(SIMULATION_STREAM_EVENTS.start, (message) => {
      const data = JSON.parse((message as MessageEvent<string>).data) as SimulationStreamStart;
      startedAt = performance.now();
      until = data.until;
      setStart(data);
      setPhase("playing");
      tick = setInterval(advance, TICK_MS);
    });
    source.addEventListener(SIMULATION_STREAM_EVENTS.event, (message) => {
      const event = JSON.parse((message as MessageEvent<string>).data) as SimulationEvent;
      lastAt = Math.max(lastAt, event.at);
      setEvents((previous) => [...previous, event]);
      advance();
    });
    source.addEventListener(SIMULATION_STREAM_EVENTS.end, () => {
      // The server has said everything: close before EventSource reconnects on its own.
      ended = true;
      source.close();
      setPhase("ended");
      advance();
    });
    source.addEventListener("error", () => {
      if (ended) return;
      source.close();
      clearInterval(tick);
      setPhase("interrupted");
    });
    return () => {
      source.close();
      clearInterval(tick);
    };
  }, [locationId, scriptKey, speed, playing]);

  const names = useMemo(() => new Map((start?.participants ?? []).map((p) => [p.id, p.name])), [start]);
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? id) : "");
  const slots = useMemo(() => (start ? boardState(start.destinations, events, start.recallTime) : []), [start, events]);
  const parked = slots.filter((s) => s.held).length;
  /** A held call's countdown: to its next recall as the timeline has it, else (no timeline) to its first. */
  const countdown = (held: HeldCall) => {
    if (!timeline) return held.ringingSince === null ? t("board.recallIn", { count: Math.max(0, held.recallAt - clock) }) : null;
    const next = nextRecall(timeline, held.callId, clock);
    if (!next) return null;
    const count = Math.max(0, next.at - clock);
    if (next.to === "HUNT_GROUP") return t("board.huntGroupIn", { count });
    return held.ringingSince === null ? t("board.recallIn", { count }) : t("board.recallAgainIn", { count });
  };

  // Parks and frees are announced politely, one at a time; the clock's ticks never are.
  const announced = useRef(0);
  useEffect(() => {
    if (events.length < announced.current) announced.current = 0;
    const fresh = events.slice(announced.current);
    announced.current = events.length;
    const texts = fresh.flatMap((e) =>
      e.callId && e.extension && (e.kind === "PARKED" || e.kind === "RETRIEVED" || e.kind === "ANSWERED" || e.kind === "ALERTED_HUNT_GROUP")
        ? [t(`board.announce.${e.kind}`, { call: callNumber(e.callId), extension: e.extension, parker: nameOf(e.by), by: nameOf(e.by) })]
        : [],
    );
    if (texts.length) setAnnouncement(texts.join(" "));
    // nameOf reads `names`, which changes with `start` only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [events, t]);

  return (
    <section className="board" aria-labelledby="board-heading">
      <div className="board-header">
        <h3 id="board-heading">{t("board.heading")}</h3>
        <fieldset className="radio-group board-speed">
          <legend>{t("board.speed")}</legend>
          {SIMULATION_SPEEDS.map((s) => (
            <label key={s} className="radio-option">
              <input type="radio" name="board-speed" value={s} checked={speed === s} onChange={() => setSpeed(s)} />
              {t("board.speedOption", { speed: s })}
            </label>
          ))}
        </fieldset>
      </div>
      <p className="board-status">
        {phase === "connecting" ? t("board.connecting") : null}
        {start && phase !== "connecting" ? <span className="board-clock">{t("board.clock", { now: clock, until: start.until })}</span> : null}
        {start ? <span>{t("board.parkedCount", { count: parked })}</span> : null}
        {phase === "ended" && start && clock >= start.until ? <span>{t("board.ended")}</span> : null}
      </p>
      {phase === "interrupted" ? (
        <p className="banner banner-error" role="alert">
          {t("board.interrupted")}
        </p>
      ) : null}
      <div role="status" aria-live="polite" aria-atomic="true" className="visually-hidden">
        {announcement}
      </div>
      {start ? (
        <ul className="board-slots" aria-label={t("board.destinations")}>
          {slots.map(({ destination, held }) => (
            <li key={destination.extension} className={held ? "board-slot board-slot-held" : "board-slot"}>
              <span className="board-slot-name">{t("board.destination", { extension: destination.extension, name: destination.name })}</span>
              <span className="board-slot-kind">{t(`board.kinds.${destination.kind}`)}</span>
              <span className="board-slot-state">
                {held
                  ? [
                      t("board.holding", { call: callNumber(held.callId), parker: nameOf(held.parker), since: held.since }),
                      held.ringingSince !== null ? t("board.ringing", { parker: nameOf(held.parker), at: held.ringingSince }) : null,
                      countdown(held),
                    ]
                      .filter(Boolean)
                      .join(" — ")
                  : t("board.free")}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

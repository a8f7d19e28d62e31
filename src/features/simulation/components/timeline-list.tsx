import { useId } from "react";
import { useTranslation } from "@/lib/use-translation";
import type { SimulationEvent, SimulationResult } from "@domain/schemas/simulation";
import { listFormat } from "@/lib/list-format";
import { callNumber, namer } from "./timeline-model";

/** The timeline told in words, in time order: the accessible version of the picture, and the full account. */
export function TimelineList({ result, level = 3 }: { result: SimulationResult; level?: 3 | 5 }) {
  const { t, i18n } = useTranslation("simulation");
  const list = listFormat(i18n.resolvedLanguage ?? i18n.language);
  const id = useId();
  const Heading = level === 3 ? "h3" : "h5";
  const name = namer(result.participants);
  // Stable: events of the same second keep the order the simulation gave them.
  const events = [...result.events].sort((a, b) => a.at - b.at);
  const sentence = (event: SimulationEvent) => {
    const text = said(event);
    const notified = event.notified ?? [];
    return notified.length ? t("events.alsoShownOn", { text, count: notified.length, names: list.format(notified.map(name)) }) : text;
  };
  const said = (event: SimulationEvent) =>
    t(`events.${event.kind}`, {
      by: name(event.by),
      call: event.callId ? callNumber(event.callId) : "",
      extension: event.extension ?? "",
      alerted: event.alerted.map(name).join(", "),
      ring: event.ringPattern ? t(`ringPatterns.${event.ringPattern}`) : "",
      reason: event.reason ? t(`reasons.${event.reason}`) : "",
    });
  return (
    <section className="sim-events" aria-labelledby={`${id}-title`}>
      <Heading id={`${id}-title`}>{t("timeline.listHeading")}</Heading>
      {events.length === 0 ? (
        <p>{t("timeline.noEvents", { until: result.until })}</p>
      ) : (
        <ol>
          {events.map((event, i) => (
            <li key={i} className={event.reason && event.kind.endsWith("FAILED") ? "sim-event-failed" : undefined}>
              {t("events.item", { at: event.at, text: sentence(event) })}
            </li>
          ))}
        </ol>
      )}
      <p className="muted">{t("timeline.ranWith", { recallTime: result.recallTime, huntWaitTime: result.huntWaitTime })}</p>
    </section>
  );
}

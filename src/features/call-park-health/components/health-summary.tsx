import { useTranslation } from "@/lib/use-translation";
import { HEALTH_KINDS, HEALTH_SEVERITY, type HealthKind } from "@domain/rules/call-park-health";

/**
 * How many findings of each kind (of the location chosen, every kind): each a toggle that
 * filters the list to its kind, pressed while it does.
 */
export function HealthSummary({
  counts,
  kind,
  onKind,
}: {
  counts: Record<HealthKind, number>;
  kind: HealthKind | "";
  onKind: (kind: HealthKind | "") => void;
}) {
  const { t } = useTranslation("callParkHealth");
  return (
    <section className="health-summary" aria-labelledby="health-summary-title">
      <h2 id="health-summary-title" className="visually-hidden">
        {t("summary.title")}
      </h2>
      <ul className="health-counts">
        {HEALTH_KINDS.map((k) => (
          <li key={k}>
            <button
              type="button"
              className={`health-count health-count-${HEALTH_SEVERITY[k].toLowerCase()}`}
              aria-pressed={kind === k}
              onClick={() => onKind(kind === k ? "" : k)}
            >
              <span className="health-count-number">{t("summary.count", { count: counts[k] })}</span>{" "}
              <span className="health-count-label">{t(`kinds.${k}`)}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

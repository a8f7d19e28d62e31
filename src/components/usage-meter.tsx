import { useTranslation } from "@/lib/use-translation";
import { MAX_CALL_PARK_EXTENSIONS_PER_LOCATION } from "@domain/rules/limits";
import "./usage-meter.css";

/**
 * A location's call park extensions against its limit: "6 of 100" in words, and a meter
 * named for what it measures (a screen reader hears "Call park extensions in London, 6 of 100").
 */
export function CallParkExtensionUsage({ used, label }: { used: number; label: string }) {
  const { t } = useTranslation();
  const max = MAX_CALL_PARK_EXTENSIONS_PER_LOCATION;
  const text = t("usage.of", { used, max });
  return (
    <span className="usage">
      <span className="usage-text">{text}</span>
      <meter
        className="usage-meter"
        min={0}
        max={max}
        // Near the limit the meter turns to its warning colour, at it to its full one.
        low={max * 0.8}
        high={max * 0.95}
        optimum={0}
        value={used}
        aria-label={label}
        aria-valuetext={text}
      />
    </span>
  );
}

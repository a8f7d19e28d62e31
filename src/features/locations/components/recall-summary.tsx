import { useTranslation } from "@/lib/use-translation";
import { recallSummary, type RecallSummaryInput } from "@domain/rules/recall-summary";

/**
 * The plain-language outcome of the settings on screen, from the same rules the server
 * applies (domain/rules). `input` is undefined while a timer on screen is not valid.
 */
export function RecallSummary({ input }: { input?: RecallSummaryInput }) {
  const { t } = useTranslation("locations");
  const sentences = input ? recallSummary(input) : [];
  return (
    <section className="recall-summary" aria-labelledby="recall-summary-title">
      <h4 id="recall-summary-title">{t("callParkSettings.summaryTitle")}</h4>
      <p aria-live="polite" data-testid="recall-summary">
        {input
          ? sentences
              .map(({ key, params }) =>
                t(`callParkSettings.summary.${key}`, {
                  ...params,
                  ringPattern: t(`callParkSettings.ringPatterns.${params.ringPattern}`),
                }),
              )
              .join(" ")
          : t("callParkSettings.summaryInvalid")}
      </p>
    </section>
  );
}

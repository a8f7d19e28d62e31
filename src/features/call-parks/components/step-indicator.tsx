import { useTranslation } from "@/lib/use-translation";
import { type Step, STEPS } from "./wizard-steps";

/** Where the admin is in the wizard: done, current and coming steps, numbered. */
export function StepIndicator({ current }: { current: Step }) {
  const { t } = useTranslation("callParkGroups");
  const at = STEPS.indexOf(current);
  return (
    <nav aria-label={t("wizard.progress")}>
      <ol className="steps">
        {STEPS.map((step, index) => (
          <li
            key={step}
            className={`step ${index < at ? "step-done" : index === at ? "step-current" : ""}`}
            aria-current={index === at ? "step" : undefined}
          >
            <span className="step-number" aria-hidden="true">
              {index + 1}
            </span>
            <span>
              <span className="visually-hidden">{t("wizard.stepOf", { step: index + 1, total: STEPS.length })} </span>
              {t(`wizard.steps.${step}`)}
            </span>
          </li>
        ))}
      </ol>
    </nav>
  );
}

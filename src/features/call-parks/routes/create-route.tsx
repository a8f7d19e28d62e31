import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "@/lib/use-translation";
import { useNavigate, useSearchParams } from "react-router";
import { PageHeader } from "@/components/page-header";
import { ReadOnlyNotice } from "@/components/read-only-notice";
import { locationQueries } from "@/lib/location-queries";
import { useAbility } from "@/lib/session";
import { CallParkWizard } from "@/features/call-parks/components/call-park-wizard";
import { ChooseLocationDialog } from "@/features/call-parks/components/choose-location-dialog";
import { OffPeakBanner } from "@/features/call-parks/components/off-peak-banner";
import { StepIndicator } from "@/features/call-parks/components/step-indicator";
import { type Step, STEPS } from "@/features/call-parks/components/wizard-steps";
import { CALL_PARKS_PATH, callParkPath } from "@/lib/paths";

/** Add New: the location first, then the wizard, its step in the URL (`?location=…&step=…`). */
export default function CreateCallParkRoute() {
  const { t } = useTranslation(["callParkGroups", "common"]);
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const locationId = params.get("location") ?? "";
  const rawStep = params.get("step") as Step | null;
  const step: Step = rawStep && STEPS.includes(rawStep) ? rawStep : "name";
  const location = useQuery({ ...locationQueries.detail(locationId), enabled: Boolean(locationId) });
  const { canWrite } = useAbility();

  // Reached by its address alone: an administrator who may not add is told so, with the way back.
  if (!canWrite(locationId || undefined)) {
    return (
      <>
        <PageHeader title={t("wizard.title")} back={{ to: CALL_PARKS_PATH, label: t("list.title") }} />
        <ReadOnlyNotice message={t("readOnly")} />
      </>
    );
  }

  if (!locationId) {
    return (
      <ChooseLocationDialog
        onChoose={(id) => setParams({ location: id, step: "name" })}
        onCancel={() => navigate(CALL_PARKS_PATH)}
      />
    );
  }

  return (
    <>
      <PageHeader
        title={t("wizard.title")}
        description={location.data ? t("wizard.inLocation", { location: location.data.name }) : undefined}
        back={{ to: CALL_PARKS_PATH, label: t("list.title") }}
      />
      <OffPeakBanner />
      <StepIndicator current={step} />
      <CallParkWizard
        // Each location has its own draft.
        key={locationId}
        locationId={locationId}
        locationName={location.data?.name}
        step={step}
        goTo={(next, replace = false) => setParams({ location: locationId, step: next }, { replace })}
        onCreated={(id) => navigate(callParkPath(locationId, id))}
        onCancel={() => navigate(CALL_PARKS_PATH)}
      />
    </>
  );
}

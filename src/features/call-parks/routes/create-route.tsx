import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { PageHeader } from "@/components/page-header";
import { ReadOnlyNotice } from "@/components/read-only-notice";
import { ApiError } from "@/lib/api-client";
import { encodeFieldIssue } from "@/lib/form";
import { locationQueries } from "@/lib/location-queries";
import { queryClient } from "@/lib/query-client";
import { useAbility } from "@/lib/session";
import { callParkQueries, useCreateCallPark } from "@/features/call-parks/api/queries";
import { ChooseLocationDialog } from "@/features/call-parks/components/choose-location-dialog";
import { DestinationsEditor } from "@/features/call-parks/components/destinations-editor";
import { CallParkNameField } from "@/features/call-parks/components/call-park-name-field";
import { checkName, checkRecall } from "@/features/call-parks/components/draft-checks";
import { CallParkReview } from "@/features/call-parks/components/call-park-review";
import { MembersEditor } from "@/features/call-parks/components/members-editor";
import { OffPeakBanner } from "@/features/call-parks/components/off-peak-banner";
import { RecallEditor } from "@/features/call-parks/components/recall-editor";
import { ServerIssues, stepOfIssue } from "@/features/call-parks/components/server-issues";
import { type Step, STEPS, StepIndicator } from "@/features/call-parks/components/step-indicator";
import { useCallParkDraft } from "@/features/call-parks/components/use-call-park-draft";
import { CALL_PARKS_PATH, callParkPath } from "./paths";

export default function CreateCallParkRoute() {
  const { t } = useTranslation(["callParkGroups", "common"]);
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const locationId = params.get("location") ?? "";
  const rawStep = params.get("step") as Step | null;
  const step: Step = rawStep && STEPS.includes(rawStep) ? rawStep : "name";
  const location = useQuery({ ...locationQueries.detail(locationId), enabled: Boolean(locationId) });
  const { draft, setDraft, discard } = useCallParkDraft(locationId);
  const [nameError, setNameError] = useState<string>();
  const [huntGroupError, setHuntGroupError] = useState<string>();
  const [serverError, setServerError] = useState<ApiError>();
  const create = useCreateCallPark();
  const heading = useRef<HTMLHeadingElement>(null);
  const { canWrite } = useAbility();

  const goTo = (next: Step, replace = false) => setParams({ location: locationId, step: next }, { replace });

  // A step is reachable only when the steps before it hold: a reload or a pasted
  // link lands on the first step that still needs an answer.
  useEffect(() => {
    if (!locationId) return;
    const index = STEPS.indexOf(step);
    if (index > 0 && checkName(draft.name)) goTo("name", true);
    else if (index > STEPS.indexOf("recall") && checkRecall(draft.recall)) goTo("recall", true);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [step, locationId]);

  useEffect(() => heading.current?.focus(), [step]);

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

  const validateStep = async (): Promise<boolean> => {
    if (step === "name") {
      const local = checkName(draft.name);
      if (local) {
        setNameError(encodeFieldIssue(local));
        return false;
      }
      const sameName = await queryClient
        .fetchQuery({ ...callParkQueries.namesLike(locationId, draft.name.trim()), staleTime: 0 })
        .catch(() => []);
      const taken = checkName(draft.name, sameName);
      setNameError(taken ? encodeFieldIssue(taken) : undefined);
      return !taken;
    }
    if (step === "recall") {
      const issue = checkRecall(draft.recall);
      setHuntGroupError(issue ? encodeFieldIssue(issue) : undefined);
      return !issue;
    }
    return true;
  };

  const next = async () => {
    if (!(await validateStep())) return;
    goTo(STEPS[STEPS.indexOf(step) + 1]);
  };

  const submit = async () => {
    setServerError(undefined);
    try {
      const { id } = await create.mutateAsync({ locationId, draft });
      discard();
      navigate(callParkPath(locationId, id));
    } catch (error) {
      if (!(error instanceof ApiError)) return;
      setServerError(error);
      const first = error.issues[0];
      if (first) {
        if (first.path[0] === "name") setNameError(encodeFieldIssue(first));
        goTo(stepOfIssue(first));
      }
    }
  };

  const cancel = () => {
    discard();
    navigate(CALL_PARKS_PATH);
  };

  return (
    <>
      <PageHeader
        title={t("wizard.title")}
        description={location.data ? t("wizard.inLocation", { location: location.data.name }) : undefined}
        back={{ to: CALL_PARKS_PATH, label: t("list.title") }}
      />
      <OffPeakBanner />
      <StepIndicator current={step} />
      <form
        className="form-card wizard-card"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void (step === "review" ? submit() : next());
        }}
      >
        <h2 ref={heading} tabIndex={-1} className="wizard-step-title">
          {t(`wizard.steps.${step}`)}
        </h2>
        {serverError && <ServerIssues error={serverError} />}
        {step === "name" && (
          <>
            <div className="field">
              <span className="field-label">{t("common:location.label")}</span>
              <p className="field-readonly">{location.data?.name ?? "…"}</p>
            </div>
            <CallParkNameField
              id="group-name"
              value={draft.name}
              error={nameError}
              onChange={(name, error) => {
                setDraft({ ...draft, name });
                setNameError(error);
              }}
            />
          </>
        )}
        {step === "members" && (
          <>
            <p className="field-description">{t("members.help")}</p>
            <MembersEditor
              idPrefix="wizard"
              locationId={locationId}
              value={draft.agents}
              onChange={(agents) => setDraft({ ...draft, agents })}
            />
          </>
        )}
        {step === "destinations" && (
          <DestinationsEditor
            idPrefix="wizard"
            locationId={locationId}
            value={draft.callParkExtensions}
            onChange={(callParkExtensions) => setDraft({ ...draft, callParkExtensions })}
            parkOnAgents={draft.parkOnAgentsEnabled}
            onParkOnAgentsChange={(parkOnAgentsEnabled) =>
              setDraft({ ...draft, parkOnAgentsEnabled, callParkExtensions: parkOnAgentsEnabled ? [] : draft.callParkExtensions })
            }
          />
        )}
        {step === "recall" && (
          <RecallEditor
            idPrefix="wizard"
            locationId={locationId}
            value={draft.recall}
            huntGroupError={huntGroupError}
            onChange={(recall) => {
              setDraft({ ...draft, recall });
              setHuntGroupError(undefined);
            }}
          />
        )}
        {step === "review" && (
          <CallParkReview
            draft={draft}
            locationName={location.data?.name ?? ""}
            locationId={locationId}
            editLink={(target) => `?${new URLSearchParams({ location: locationId, step: target })}`}
          />
        )}
        <div className="form-actions wizard-actions">
          <button type="button" className="btn btn-secondary" onClick={cancel}>
            {t("common:actions.cancel")}
          </button>
          <span className="spacer" />
          {step !== "name" && (
            <button type="button" className="btn btn-secondary" onClick={() => goTo(STEPS[STEPS.indexOf(step) - 1])}>
              {t("wizard.back")}
            </button>
          )}
          <button type="submit" className="btn btn-primary" disabled={create.isPending}>
            {step === "review" ? t("wizard.create") : t("wizard.next")}
          </button>
        </div>
      </form>
    </>
  );
}

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { useTranslation } from "@/lib/use-translation";
import { searchKey } from "@domain/rules/text";
import { callParkFormSchema } from "@domain/schemas/call-park";
import { ApiError } from "@/lib/api-client";
import { applyServerIssues, contractResolver, encodeFieldIssue } from "@/lib/form";
import { callParkQueries, useCreateCallPark } from "@/features/call-parks/api/queries";
import type { CallParkForm } from "@/features/call-parks/api/types";
import { DestinationsField, MembersField, NameField, RecallField } from "./call-park-fields";
import { CallParkReview } from "./call-park-review";
import { useEmptyGroupConfirm } from "./empty-group-confirm";
import { ServerIssues } from "./server-issues";
import { loadDraft, useDraftStorage } from "./use-call-park-draft";
import { FORM_FIELDS, firstStepOf, STEP_FIELDS, type Step, STEPS, stepOfPath } from "./wizard-steps";

/**
 * Add New's five steps over one group form: Next checks the step's fields with the
 * domain schema (and the name against the location's groups), Create sends them all.
 */
export function CallParkWizard({
  locationId,
  locationName,
  step,
  goTo,
  onCreated,
  onCancel,
}: {
  locationId: string;
  locationName?: string;
  step: Step;
  goTo: (step: Step, replace?: boolean) => void;
  onCreated: (callParkId: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation(["callParkGroups", "common"]);
  const queryClient = useQueryClient();
  const form = useForm<CallParkForm>({
    resolver: contractResolver(callParkFormSchema),
    defaultValues: loadDraft(locationId),
    mode: "onChange",
  });
  const { control, getValues, handleSubmit, setError, trigger, watch } = form;
  const draft = useWatch({ control }) as CallParkForm;
  const { discard } = useDraftStorage(locationId, watch);
  const [serverError, setServerError] = useState<ApiError>();
  const create = useCreateCallPark();
  const heading = useRef<HTMLHeadingElement>(null);
  const emptyGroup = useEmptyGroupConfirm("create");

  // A step is reachable only when the steps before it hold: a reload or a pasted
  // link lands on the first step that still needs an answer.
  useEffect(() => {
    const result = callParkFormSchema.safeParse(getValues());
    const first = result.success ? undefined : firstStepOf(result.error.issues.map((issue) => issue.path));
    if (first && STEPS.indexOf(first) < STEPS.indexOf(step)) goTo(first, true);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [step]);

  useEffect(() => heading.current?.focus(), [step]);

  /** Whether no group of the location has this name (regardless of case and accents); the server checks again on Create. */
  const nameIsFree = async () => {
    const name = getValues("name").trim();
    const sameName = await queryClient
      .fetchQuery({ ...callParkQueries.namesLike(locationId, name), staleTime: 0 })
      .catch(() => []);
    const holder = sameName.find((group) => searchKey(group.name) === searchKey(name));
    if (holder) {
      const message = encodeFieldIssue({ code: "nameTaken", params: { name: holder.name } });
      setError("name", { type: "nameTaken", message }, { shouldFocus: true });
    }
    return !holder;
  };

  const next = async () => {
    if (!(await trigger(STEP_FIELDS[step], { shouldFocus: true }))) return;
    if (step === "name" && !(await nameIsFree())) return;
    goTo(STEPS[STEPS.indexOf(step) + 1]);
  };

  const createGroup = async (values: CallParkForm) => {
    setServerError(undefined);
    try {
      const { id } = await create.mutateAsync({ locationId, draft: values });
      discard();
      onCreated(id);
    } catch (error) {
      if (!(error instanceof ApiError)) return;
      setServerError(error);
      applyServerIssues(error.issues, setError, FORM_FIELDS);
      if (error.issues[0]) goTo(stepOfPath(error.issues[0].path));
    }
  };

  const submit = handleSubmit(
    // A group that cannot park anything is created only once the administrator has been told so.
    (values) => emptyGroup.confirm(values, () => void createGroup(values)),
    // Only a draft changed elsewhere gets here: back to the first step it fails.
    (errors) => goTo(firstStepOf(Object.keys(errors).map((field) => [field])) ?? "name"),
  );

  return (
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
            <p className="field-readonly">{locationName ?? "…"}</p>
          </div>
          <NameField form={form} id="group-name" />
        </>
      )}
      {step === "members" && (
        <>
          <p className="field-description">{t("members.help")}</p>
          <MembersField form={form} idPrefix="wizard" />
        </>
      )}
      {step === "destinations" && <DestinationsField form={form} idPrefix="wizard" />}
      {step === "recall" && <RecallField form={form} idPrefix="wizard" />}
      {step === "review" && (
        <CallParkReview
          draft={draft}
          locationName={locationName ?? ""}
          locationId={locationId}
          editLink={(target) => `?${new URLSearchParams({ location: locationId, step: target })}`}
        />
      )}
      <div className="form-actions wizard-actions">
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => {
            discard();
            onCancel();
          }}
        >
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
      {emptyGroup.dialog}
    </form>
  );
}

import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { callParkFormSchema } from "@domain/schemas/call-park";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { ApiError } from "@/lib/api-client";
import { applyServerIssues, contractResolver } from "@/lib/form";
import { useUpdateCallPark } from "@/features/call-parks/api/queries";
import { type CallPark, type CallParkForm, draftOf } from "@/features/call-parks/api/types";
import { DestinationsField, MembersField, NameField, RecallField, takeMembersAsDestinations } from "./call-park-fields";
import { OffPeakBanner } from "./off-peak-banner";
import { ServerIssues } from "./server-issues";
import { FORM_FIELDS } from "./wizard-steps";

/** The side panel's form: every part of a group, checked by the domain schema and saved together. */
export function CallParkEditor({ locationId, group, onSaved }: { locationId: string; group: CallPark; onSaved: () => void }) {
  const { t } = useTranslation(["callParkGroups", "common"]);
  const form = useForm<CallParkForm>({
    resolver: contractResolver(callParkFormSchema),
    defaultValues: { locationId, ...draftOf(group) },
    mode: "onChange",
  });
  const { control, handleSubmit, setError, reset, formState } = form;
  const extensionCount = useWatch({ control, name: "callParkExtensions" }).length;
  const [confirmParkOnAgents, setConfirmParkOnAgents] = useState(false);
  const [serverError, setServerError] = useState<ApiError>();
  const update = useUpdateCallPark();

  const save = handleSubmit(async (values) => {
    setServerError(undefined);
    try {
      await update.mutateAsync({ locationId, id: group.id, draft: values });
      onSaved();
    } catch (error) {
      if (!(error instanceof ApiError)) return;
      setServerError(error);
      applyServerIssues(error.issues, setError, FORM_FIELDS);
    }
  });

  return (
    <form className="panel-form" noValidate onSubmit={save}>
      <OffPeakBanner />
      {serverError && <ServerIssues error={serverError} />}
      <section className="panel-section" aria-labelledby="panel-name">
        <h3 id="panel-name">{t("wizard.steps.name")}</h3>
        <NameField form={form} id="panel-group-name" />
      </section>
      <section className="panel-section" aria-labelledby="panel-members">
        <h3 id="panel-members">{t("wizard.steps.members")}</h3>
        <MembersField form={form} idPrefix="panel" callParkId={group.id} />
      </section>
      <section className="panel-section" aria-labelledby="panel-destinations">
        <h3 id="panel-destinations">{t("wizard.steps.destinations")}</h3>
        {/* Ticking "Use members as park destinations" drops the call park extensions: that is asked first. */}
        <DestinationsField
          form={form}
          idPrefix="panel"
          callParkId={group.id}
          askFirst={() => setConfirmParkOnAgents(true)}
        />
      </section>
      <section className="panel-section" aria-labelledby="panel-recall">
        <h3 id="panel-recall">{t("wizard.steps.recall")}</h3>
        <RecallField form={form} idPrefix="panel" />
      </section>
      <div className="form-actions panel-actions">
        <button type="button" className="btn btn-secondary" disabled={!formState.isDirty} onClick={() => reset()}>
          {t("panel.discard")}
        </button>
        <button type="submit" className="btn btn-primary" disabled={!formState.isDirty || update.isPending}>
          {update.isPending ? t("common:actions.saving") : t("common:actions.save")}
        </button>
      </div>
      <ConfirmDialog
        isOpen={confirmParkOnAgents}
        tone="primary"
        title={t("parkOnAgentsConfirm.title")}
        confirmLabel={t("parkOnAgentsConfirm.yes")}
        cancelLabel={t("parkOnAgentsConfirm.no")}
        onCancel={() => setConfirmParkOnAgents(false)}
        onConfirm={() => {
          takeMembersAsDestinations(form);
          setConfirmParkOnAgents(false);
        }}
      >
        <p>{t("parkOnAgentsConfirm.body", { count: extensionCount })}</p>
      </ConfirmDialog>
    </form>
  );
}

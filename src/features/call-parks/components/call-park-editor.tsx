import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { ApiError } from "@/lib/api-client";
import { encodeFieldIssue } from "@/lib/form";
import { useUpdateCallPark } from "@/features/call-parks/api/queries";
import { type CallPark, draftOf } from "@/features/call-parks/api/types";
import { DestinationsEditor } from "./destinations-editor";
import { CallParkNameField } from "./call-park-name-field";
import { checkName, checkRecall } from "./draft-checks";
import { MembersEditor } from "./members-editor";
import { OffPeakBanner } from "./off-peak-banner";
import { RecallEditor } from "./recall-editor";
import { ServerIssues } from "./server-issues";

/** The side panel's form: every part of a group, saved together. */
export function CallParkEditor({ locationId, group, onSaved }: { locationId: string; group: CallPark; onSaved: () => void }) {
  const { t } = useTranslation(["callParkGroups", "common"]);
  const original = draftOf(group);
  const [draft, setDraft] = useState(original);
  const [confirmParkOnAgents, setConfirmParkOnAgents] = useState(false);
  const [nameError, setNameError] = useState<string>();
  const [huntGroupError, setHuntGroupError] = useState<string>();
  const [serverError, setServerError] = useState<ApiError>();
  const update = useUpdateCallPark();
  const dirty = JSON.stringify(draft) !== JSON.stringify(original);

  const save = async () => {
    const nameIssue = checkName(draft.name);
    const recallIssue = checkRecall(draft.recall);
    setNameError(nameIssue ? encodeFieldIssue(nameIssue) : undefined);
    setHuntGroupError(recallIssue ? encodeFieldIssue(recallIssue) : undefined);
    if (nameIssue || recallIssue) return;
    setServerError(undefined);
    try {
      await update.mutateAsync({ locationId, id: group.id, draft });
      onSaved();
    } catch (error) {
      if (!(error instanceof ApiError)) return;
      setServerError(error);
      const nameProblem = error.issues.find((i) => i.path[0] === "name");
      if (nameProblem) setNameError(encodeFieldIssue(nameProblem));
    }
  };

  return (
    <form
      className="panel-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <OffPeakBanner />
      {serverError && <ServerIssues error={serverError} />}
      <section className="panel-section" aria-labelledby="panel-name">
        <h3 id="panel-name">{t("wizard.steps.name")}</h3>
        <CallParkNameField
          id="panel-group-name"
          value={draft.name}
          error={nameError}
          onChange={(name, error) => {
            setDraft({ ...draft, name });
            setNameError(error);
          }}
        />
      </section>
      <section className="panel-section" aria-labelledby="panel-members">
        <h3 id="panel-members">{t("wizard.steps.members")}</h3>
        <MembersEditor
          idPrefix="panel"
          locationId={locationId}
          callParkId={group.id}
          value={draft.agents}
          onChange={(agents) => setDraft({ ...draft, agents })}
        />
      </section>
      <section className="panel-section" aria-labelledby="panel-destinations">
        <h3 id="panel-destinations">{t("wizard.steps.destinations")}</h3>
        <DestinationsEditor
          idPrefix="panel"
          locationId={locationId}
          callParkId={group.id}
          value={draft.callParkExtensions}
          onChange={(callParkExtensions) => setDraft({ ...draft, callParkExtensions })}
          parkOnAgents={draft.parkOnAgentsEnabled}
          onParkOnAgentsChange={(next) => {
            // Ticking it drops the call park extensions: that is asked first.
            if (next && draft.callParkExtensions.length > 0) setConfirmParkOnAgents(true);
            else setDraft({ ...draft, parkOnAgentsEnabled: next });
          }}
        />
      </section>
      <section className="panel-section" aria-labelledby="panel-recall">
        <h3 id="panel-recall">{t("wizard.steps.recall")}</h3>
        <RecallEditor
          idPrefix="panel"
          locationId={locationId}
          value={draft.recall}
          huntGroupError={huntGroupError}
          onChange={(recall) => {
            setDraft({ ...draft, recall });
            setHuntGroupError(undefined);
          }}
        />
      </section>
      <div className="form-actions panel-actions">
        <button type="button" className="btn btn-secondary" disabled={!dirty} onClick={() => setDraft(original)}>
          {t("panel.discard")}
        </button>
        <button type="submit" className="btn btn-primary" disabled={!dirty || update.isPending}>
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
          setDraft({ ...draft, parkOnAgentsEnabled: true, callParkExtensions: [] });
          setConfirmParkOnAgents(false);
        }}
      >
        <p>{t("parkOnAgentsConfirm.body", { count: draft.callParkExtensions.length })}</p>
      </ConfirmDialog>
    </form>
  );
}

import { useQueryClient } from "@tanstack/react-query";
import { type RefObject, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { useTranslation } from "@/lib/use-translation";
import { DisclosureGroup } from "react-aria-components";
import { needsHuntGroup } from "@domain/rules/recall";
import { callParkFormSchema } from "@domain/schemas/call-park";
import { type Conflict, ConflictDialog } from "@/components/conflict-dialog";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { UnsavedChangesGuard } from "@/components/unsaved-changes-guard";
import { ApiError, type Versioned } from "@/lib/api-client";
import { errorMessage, trackingIdOf } from "@/lib/error-message";
import { applyServerIssues, contractResolver } from "@/lib/form";
import { locationQueries } from "@/lib/location-queries";
import { SimulationPreviewSlot } from "@/lib/simulation-preview-slot";
import { showToast } from "@/lib/toast";
import { latestCallPark, useUpdateCallPark } from "@/features/call-parks/api/queries";
import { type CallPark, type CallParkDraft, type CallParkForm, draftOf, updateBody } from "@/features/call-parks/api/types";
import { conflictFields } from "./call-park-conflict";
import { DestinationsField, MembersField, NameField, RecallField, takeMembersAsDestinations } from "./call-park-fields";
import { useEmptyGroupConfirm } from "./empty-group-confirm";
import { RenameNote } from "./rename-note";
import { OffPeakBanner } from "./off-peak-banner";
import { LocationPart, PanelPart, partsOf, usePartSummaries } from "./panel-parts";
import { ServerIssues } from "./server-issues";
import { type OpenParts, partsWithErrors, useExpandedParts } from "./use-expanded-parts";
import { FORM_FIELDS } from "./wizard-steps";

/** A save refused because someone changed the group meanwhile: what they made of it, and what this administrator wanted. */
interface Refused extends Conflict {
  theirs: Versioned<CallPark>;
  mine: CallParkDraft;
}

/**
 * The side panel's form: every part of a group, checked by the domain schema, each part
 * collapsed to its summary until the administrator opens it. It saves
 * only the parts changed from `group`, the version the panel opened, on that version
 * (If-Match); when someone changed the group meanwhile it shows what changed and lets the
 * administrator keep editing, take their version (`onReload`) or apply their changes on top.
 */
export function CallParkEditor({
  locationId,
  group,
  onSaved,
  onReload,
  leaving,
  openParts,
}: {
  locationId: string;
  group: Versioned<CallPark>;
  onSaved: () => void;
  /** Their version becomes the one the panel opened: the form shows it and the next save is made on it. */
  onReload: (theirs: Versioned<CallPark>) => void;
  /** Set when the panel closes on purpose (saved, deleted): no question about unsaved changes then. */
  leaving: RefObject<boolean>;
  /** The parts the administrator opened, kept by the panel so that reloading their version leaves them open. */
  openParts?: OpenParts;
}) {
  const { t } = useTranslation(["callParkGroups", "common"]);
  const client = useQueryClient();
  const form = useForm<CallParkForm>({
    resolver: contractResolver(callParkFormSchema),
    defaultValues: { locationId, ...draftOf(group) },
    mode: "onChange",
  });
  const { control, handleSubmit, setError, reset, formState } = form;
  const extensionCount = useWatch({ control, name: "callParkExtensions" }).length;
  const [confirmParkOnAgents, setConfirmParkOnAgents] = useState(false);
  const [serverError, setServerError] = useState<ApiError>();
  const [refused, setRefused] = useState<Refused | null>(null);
  const update = useUpdateCallPark();
  const parts = useExpandedParts(form, openParts);
  const values = useWatch({ control }) as CallParkDraft;
  // The group as the form holds it now (every part, edited or not).
  const edited = { ...draftOf(group), ...values };
  const summaries = usePartSummaries(locationId, edited, {
    id: group.recall.huntGroupId,
    name: group.recall.huntGroupName,
  });
  // The group as its save would leave it, played before Save (nothing while a value is refused).
  const previewed = formState.isValid ? { callParks: [{ id: group.id, ...updateBody(edited, draftOf(group)) }] } : undefined;

  /** The name of the hunt group this administrator chose (to show it in the conflict dialog). */
  const huntGroupName = async (recall: CallParkDraft["recall"], theirs: CallPark) => {
    if (!needsHuntGroup(recall.option) || !recall.huntGroupId) return undefined;
    const known = [group.recall, theirs.recall].find((r) => r.huntGroupId === recall.huntGroupId)?.huntGroupName;
    if (known) return known;
    const huntGroups = await client.ensureQueryData(locationQueries.recallHuntGroups(locationId)).catch(() => []);
    return huntGroups.find((h) => h.id === recall.huntGroupId)?.name;
  };

  /** Refused as changed meanwhile: the group as it is now, set against the version opened and this administrator's changes. */
  const showConflict = async (error: ApiError, mine: CallParkDraft) => {
    const theirs = await latestCallPark(locationId, group.id).catch((failure: unknown) => {
      showToast({ tone: "error", title: errorMessage(t, failure), trackingId: trackingIdOf(failure) });
      return undefined;
    });
    if (!theirs) return setRefused(null);
    const fields = conflictFields(t, group, theirs, mine, await huntGroupName(mine.recall, theirs));
    setRefused({ error, theirs, mine, fields });
  };

  /** Saves what changed from the version opened, on the version `ifMatch`; a 412 opens the conflict dialog instead. */
  const send = async (mine: CallParkDraft, ifMatch: string | undefined) => {
    setServerError(undefined);
    const body = updateBody(mine, draftOf(group));
    try {
      if (Object.keys(body).length) await update.mutateAsync({ locationId, id: group.id, ifMatch, body });
      setRefused(null);
      leaving.current = true;
      onSaved();
    } catch (error) {
      if (!(error instanceof ApiError)) return;
      if (error.code === "changedMeanwhile") return showConflict(error, mine);
      setRefused(null);
      setServerError(error);
      // Open the parts the server found fault with first, so its message is seen and focus can land on the field.
      parts.open(partsOf(error.issues.map((issue) => issue.path)));
      applyServerIssues(error.issues, setError, FORM_FIELDS);
    }
  };
  // A group left unable to park anything is saved only once the administrator has been told so.
  const emptyGroup = useEmptyGroupConfirm("save");
  const save = handleSubmit(
    (values) => emptyGroup.confirm(values, () => void send(values, group.etag)),
    // Before react-hook-form moves focus to the first wrong field, which must be showing by then.
    (errors) => parts.open(partsWithErrors(errors)),
  );

  return (
    <form className="panel-form" noValidate onSubmit={save}>
      <OffPeakBanner />
      {serverError && <ServerIssues error={serverError} />}
      <LocationPart locationId={locationId} />
      <DisclosureGroup
        className="panel-parts"
        allowsMultipleExpanded
        expandedKeys={parts.expanded}
        onExpandedChange={parts.onExpandedChange}
      >
        <PanelPart id="name" title={t("panel.parts.name")} summary={summaries.name}>
          <NameField form={form} id="panel-group-name" />
          <RenameNote from={group.name} to={edited.name} members={edited.agents} />
        </PanelPart>
        <PanelPart id="members" title={t("panel.parts.members")} summary={summaries.members}>
          <MembersField form={form} idPrefix="panel" callParkId={group.id} />
        </PanelPart>
        <PanelPart id="destinations" title={t("panel.parts.destinations")} summary={summaries.destinations}>
          {/* Ticking "Use members as park destinations" drops the call park extensions: that is asked first. */}
          <DestinationsField
            form={form}
            idPrefix="panel"
            callParkId={group.id}
            askFirst={() => setConfirmParkOnAgents(true)}
          />
        </PanelPart>
        <PanelPart id="recall" title={t("panel.parts.recall")} summary={summaries.recall}>
          <RecallField form={form} idPrefix="panel" />
        </PanelPart>
      </DisclosureGroup>
      {/* Where the group's members' calls would park and come back, with this form's values. */}
      <SimulationPreviewSlot
        locationId={locationId}
        park={{ kind: "group", callParkId: group.id, memberIds: edited.agents.map((a) => a.id) }}
        overrides={previewed}
        unsaved={formState.isDirty}
      />
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
      {emptyGroup.dialog}
      <ConflictDialog
        conflict={refused}
        isPending={update.isPending}
        onCancel={() => setRefused(null)}
        onReload={() => {
          if (!refused) return;
          setRefused(null);
          onReload(refused.theirs);
        }}
        onReapply={() => refused && send(refused.mine, refused.theirs.etag)}
      />
      {/* Closing the panel (its button, Escape, a click outside) navigates: with unsaved edits, that asks first. */}
      <UnsavedChangesGuard
        when={formState.isDirty}
        leaving={leaving}
        messages={{
          title: t("panel.unsaved.title"),
          body: t("panel.unsaved.body"),
          leave: t("panel.unsaved.leave"),
          stay: t("panel.unsaved.stay"),
        }}
      />
    </form>
  );
}

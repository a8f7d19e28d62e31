import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Controller, type FieldNamesMarkedBoolean, useForm, useWatch } from "react-hook-form";
import { useTranslation } from "@/lib/use-translation";
import { Link } from "react-router";
import {
  needsHuntGroup,
  RECALL_OPTIONS,
  RECALL_TIME_MAX,
  RECALL_TIME_MIN,
  huntWaitTimeInUse,
  type RecallOption,
  RING_PATTERNS,
  usesHuntWaitTime,
} from "@domain/rules/recall";
import {
  type CallParkSettings,
  type CallParkSettingsForm as FormValues,
  type CallParkSettingsUpdate,
  callParkSettingsFormSchema,
  recallSecondsSchema,
  toSettingsForm,
} from "@domain/schemas/call-park-settings";
import { type Conflict, ConflictDialog } from "@/components/conflict-dialog";
import { Icon } from "@/components/icon";
import { ReadOnlyNotice } from "@/components/read-only-notice";
import { UnsavedChangesGuard } from "@/components/unsaved-changes-guard";
import { TextInputField } from "@/components/text-input-field";
import { ApiError, type Versioned } from "@/lib/api-client";
import { errorMessage, trackingIdOf } from "@/lib/error-message";
import { showToast } from "@/lib/toast";
import { useOpenedVersion } from "@/lib/use-opened-version";
import { SimulationPreviewSlot } from "@/lib/simulation-preview-slot";
import { auditLogPath, simulatorPath } from "@/lib/paths";
import { applyServerIssues, contractResolver } from "@/lib/form";
import {
  latestCallParkSettings,
  locationPageQueries,
  type RecallHuntGroup,
  useUpdateCallParkSettings,
} from "@/features/locations/api/queries";
import { RecallSummary } from "./recall-summary";
import { SettingsSelect } from "./settings-select";

const FIELDS = [
  "callParkRecall.option",
  "callParkRecall.huntGroupId",
  "callParkSettings.ringPattern",
  "callParkSettings.recallTime",
  "callParkSettings.huntWaitTime",
] as const;

/** Only what the admin changed goes in the PUT, so a change made meanwhile elsewhere is kept. */
function changedBody(values: FormValues, dirty: Partial<FieldNamesMarkedBoolean<FormValues>>): CallParkSettingsUpdate {
  const body: CallParkSettingsUpdate = {};
  const { option, huntGroupId } = values.callParkRecall;
  if (dirty.callParkRecall?.option || dirty.callParkRecall?.huntGroupId) {
    body.callParkRecall = { option, ...(needsHuntGroup(option) ? { huntGroupId } : {}) };
  }
  const settings = Object.fromEntries(
    Object.entries(values.callParkSettings).filter(([field]) => dirty.callParkSettings?.[field as keyof FormValues["callParkSettings"]]),
  );
  if (Object.keys(settings).length) body.callParkSettings = settings;
  return body;
}

/** A save refused because someone changed the settings meanwhile: their version, and what this administrator sent. */
interface Refused extends Conflict {
  theirs: Versioned<CallParkSettings>;
  body: CallParkSettingsUpdate;
}

/** Management > Locations > a location > Calling > Call Park Settings; shown without Save to who may not change them. */
export function CallParkSettingsForm({
  locationId,
  settings,
  huntGroups,
  groupsUsingHuntWaitTime,
  readOnly = false,
}: {
  locationId: string;
  settings: Versioned<CallParkSettings>;
  /** The location's hunt groups; undefined while they load. */
  huntGroups?: RecallHuntGroup[];
  /** Call park groups of the location that alert the parking user first, then a hunt group. */
  groupsUsingHuntWaitTime: number;
  /** The administrator may see the settings but not change them. */
  readOnly?: boolean;
}) {
  const { t } = useTranslation(["locations", "common"]);
  const update = useUpdateCallParkSettings(locationId);
  const queryClient = useQueryClient();
  // The version the form was opened on: its ETag goes with the save, whatever a refresh brought since.
  const [opened = settings, setOpened] = useOpenedVersion(locationId, settings);
  const [refused, setRefused] = useState<Refused | null>(null);
  const { control, register, handleSubmit, setError, reset, formState } = useForm<FormValues>({
    resolver: contractResolver(callParkSettingsFormSchema),
    defaultValues: toSettingsForm(settings),
    mode: "onChange",
  });
  const values = useWatch({ control }) as FormValues;
  const { option, huntGroupId } = values.callParkRecall;
  const { recallTime, huntWaitTime, ringPattern } = values.callParkSettings;
  const errors = formState.errors;

  /** Makes `version` the one on screen and the one the next save is made on. */
  const take = (version: Versioned<CallParkSettings>) => {
    setOpened(version);
    reset(toSettingsForm(version));
  };

  /** What the conflict dialog lists: each setting as opened, now, and as this administrator wants it. */
  const conflictFields = (theirs: CallParkSettings, mine: FormValues) => {
    const huntGroupOf = (s: { callParkRecall: { option: RecallOption; huntGroupId?: string } }, name?: string) =>
      needsHuntGroup(s.callParkRecall.option) ? (name ?? huntGroups?.find((h) => h.id === s.callParkRecall.huntGroupId)?.name ?? "") : "";
    const shown = (s: FormValues | CallParkSettings, huntGroupName?: string) => ({
      option: t(`callParkSettings.recallOptions.${s.callParkRecall.option}`),
      huntGroup: huntGroupOf(s, huntGroupName),
      ringPattern: t(`callParkSettings.ringPatterns.${s.callParkSettings.ringPattern}`),
      recallTime: String(s.callParkSettings.recallTime),
      huntWaitTime: String(s.callParkSettings.huntWaitTime),
    });
    const [base, now, wanted] = [shown(opened, opened.callParkRecall.huntGroupName), shown(theirs, theirs.callParkRecall.huntGroupName), shown(mine)];
    const labels = {
      option: t("callParkSettings.recallOption"),
      huntGroup: t("callParkSettings.huntGroup"),
      ringPattern: t("callParkSettings.ringPattern"),
      recallTime: t("callParkSettings.recallTime"),
      huntWaitTime: t("callParkSettings.huntWaitTime"),
    };
    return (Object.keys(labels) as (keyof typeof labels)[]).map((key) => ({ label: labels[key], base: base[key], theirs: now[key], mine: wanted[key] }));
  };

  /** Saves `body` on the version `ifMatch`; a 412 opens the conflict dialog instead. */
  const save = async (body: CallParkSettingsUpdate, mine: FormValues, ifMatch: string | undefined) => {
    try {
      await update.mutateAsync({ body, ifMatch });
      setRefused(null);
      // The page's settings are fresh again by now: the next save is made on the version just saved.
      const saved = queryClient.getQueryData(locationPageQueries.callParkSettings(locationId).queryKey);
      if (saved) take(saved);
      else reset(mine);
    } catch (error) {
      if (!(error instanceof ApiError)) return;
      if (error.code !== "changedMeanwhile") return applyServerIssues(error.issues, setError, FIELDS);
      const theirs = await latestCallParkSettings(locationId).catch((failure: unknown) => {
        showToast({ tone: "error", title: errorMessage(t, failure), trackingId: trackingIdOf(failure) });
        return undefined;
      });
      if (theirs) setRefused({ error, theirs, body, fields: conflictFields(theirs, mine) });
    }
  };

  const submit = handleSubmit((valid) => save(changedBody(valid, formState.dirtyFields), valid, opened.etag));

  const huntWaitUsedHere = usesHuntWaitTime(option);
  const huntWaitInUse = huntWaitTimeInUse(option, groupsUsingHuntWaitTime);
  const huntWaitStatus = huntWaitUsedHere
    ? t("callParkSettings.huntWaitTimeUsedHere")
    : groupsUsingHuntWaitTime > 0
      ? t("callParkSettings.huntWaitTimeUsedByGroups", { count: groupsUsingHuntWaitTime })
      : t("callParkSettings.huntWaitTimeUnused");
  const timersValid = recallSecondsSchema.safeParse(recallTime).success && recallSecondsSchema.safeParse(huntWaitTime).success;
  const huntGroupName = huntGroups?.find((h) => h.id === huntGroupId)?.name;
  // The form's values as its save would leave the settings, played before Save (none while one is refused).
  const previewed =
    timersValid && (!needsHuntGroup(option) || huntGroupId)
      ? {
          callParkSettings: {
            callParkRecall: { option, ...(needsHuntGroup(option) ? { huntGroupId } : {}) },
            callParkSettings: { ringPattern, recallTime, huntWaitTime },
          },
        }
      : undefined;
  const range = { min: RECALL_TIME_MIN, max: RECALL_TIME_MAX };

  return (
    <form
      className="form-card settings-form"
      onSubmit={readOnly ? (e) => e.preventDefault() : submit}
      noValidate
      aria-labelledby="call-park-settings-title"
    >
      <div>
        <h3 id="call-park-settings-title">{t("callParkSettings.title")}</h3>
        <p className="page-description">{t("callParkSettings.description")}</p>
        {/* The settings' audit entries carry the location's id; every role may read them. */}
        <p>
          <Link
            to={auditLogPath({ objectId: locationId, objectType: "callParkSettings" })}
            aria-label={t("callParkSettings.historyOf")}
          >
            {t("callParkSettings.history")}
          </Link>
          {" · "}
          {/* Unsaved values go along, so the simulator shows their effect before Save. */}
          <Link
            to={simulatorPath(
              locationId,
              formState.isDirty && timersValid ? { recallOption: option, huntGroupId, recallTime, huntWaitTime } : {},
            )}
            aria-label={t("callParkSettings.tryItOf")}
          >
            {t("callParkSettings.tryIt")}
          </Link>
        </p>
      </div>
      {readOnly ? (
        <ReadOnlyNotice message={t("callParkSettings.readOnly")} />
      ) : (
        <div className="banner banner-warning" role="note">
          <Icon name="warning" size={20} />
          <p>{t("callParkSettings.offPeak")}</p>
        </div>
      )}
      <Controller
        control={control}
        name="callParkRecall.option"
        render={({ field }) => (
          <SettingsSelect
            id="cps-recall-option"
            label={t("callParkSettings.recallOption")}
            description={t("callParkSettings.recallOptionHelp")}
            options={RECALL_OPTIONS.map((id) => ({ id, label: t(`callParkSettings.recallOptions.${id}`) }))}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            buttonRef={field.ref}
            isDisabled={readOnly}
          />
        )}
      />
      {needsHuntGroup(option) && (
        <Controller
          control={control}
          name="callParkRecall.huntGroupId"
          render={({ field, fieldState }) => (
            <SettingsSelect
              id="cps-hunt-group"
              label={t("callParkSettings.huntGroup")}
              description={
                huntGroups?.length === 0 ? t("callParkSettings.noHuntGroups") : t("callParkSettings.huntGroupHelp")
              }
              placeholder={t("callParkSettings.huntGroupPlaceholder")}
              options={(huntGroups ?? []).map((h) => ({ id: h.id, label: h.name }))}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={fieldState.error?.message}
              buttonRef={field.ref}
              isDisabled={readOnly || huntGroups === undefined}
            />
          )}
        />
      )}
      <Controller
        control={control}
        name="callParkSettings.ringPattern"
        render={({ field }) => (
          <SettingsSelect
            id="cps-ring-pattern"
            label={t("callParkSettings.ringPattern")}
            description={t("callParkSettings.ringPatternHelp")}
            options={RING_PATTERNS.map((id) => ({ id, label: t(`callParkSettings.ringPatterns.${id}`) }))}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            buttonRef={field.ref}
            isDisabled={readOnly}
          />
        )}
      />
      <TextInputField
        id="cps-recall-time"
        label={t("callParkSettings.recallTime")}
        description={t("callParkSettings.recallTimeHelp", range)}
        type="number"
        inputMode="numeric"
        min={RECALL_TIME_MIN}
        max={RECALL_TIME_MAX}
        step={1}
        error={errors.callParkSettings?.recallTime?.message}
        readOnly={readOnly}
        {...register("callParkSettings.recallTime", { valueAsNumber: true })}
      />
      <div className={huntWaitInUse ? "seconds-field" : "seconds-field seconds-field-unused"}>
        <span className="badge" aria-hidden="true">
          {huntWaitInUse ? t("callParkSettings.huntWaitTimeInUse") : t("callParkSettings.huntWaitTimeNotInUse")}
        </span>
        <TextInputField
          id="cps-hunt-wait-time"
          label={t("callParkSettings.huntWaitTime")}
          description={
            <>
              {t("callParkSettings.huntWaitTimeHelp", range)} <strong>{huntWaitStatus}</strong>
            </>
          }
          type="number"
          inputMode="numeric"
          min={RECALL_TIME_MIN}
          max={RECALL_TIME_MAX}
          step={1}
          error={errors.callParkSettings?.huntWaitTime?.message}
          readOnly={readOnly}
          {...register("callParkSettings.huntWaitTime", { valueAsNumber: true })}
        />
      </div>
      <RecallSummary
        input={timersValid ? { option, ringPattern, recallTime, huntWaitTime, huntGroupName } : undefined}
      />
      <SimulationPreviewSlot locationId={locationId} park={{ kind: "direct" }} overrides={previewed} unsaved={formState.isDirty} />
      {!readOnly && (
        <div className="form-actions">
          <button
            type="button"
            className="btn btn-secondary"
            disabled={!formState.isDirty || formState.isSubmitting}
            onClick={() => reset()}
          >
            {t("common:actions.cancel")}
          </button>
          <button type="submit" className="btn btn-primary" disabled={!formState.isDirty || formState.isSubmitting}>
            {formState.isSubmitting ? t("common:actions.saving") : t("common:actions.save")}
          </button>
        </div>
      )}
      <UnsavedChangesGuard
        when={formState.isDirty}
        messages={{
          title: t("callParkSettings.unsaved.title"),
          body: t("callParkSettings.unsaved.body"),
          leave: t("callParkSettings.unsaved.leave"),
          stay: t("callParkSettings.unsaved.stay"),
        }}
      />
      <ConflictDialog
        conflict={refused}
        isPending={update.isPending}
        onCancel={() => setRefused(null)}
        onReload={() => {
          if (!refused) return;
          queryClient.setQueryData(locationPageQueries.callParkSettings(locationId).queryKey, refused.theirs);
          take(refused.theirs);
          setRefused(null);
        }}
        onReapply={() => refused && save(refused.body, values, refused.theirs.etag)}
      />
    </form>
  );
}

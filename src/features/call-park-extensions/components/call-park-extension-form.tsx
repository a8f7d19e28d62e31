import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { Controller, useForm } from "react-hook-form";
import { useTranslation } from "@/lib/use-translation";
import { Link } from "react-router";
import {
  CALL_PARK_EXTENSION_NAME_MAX,
  type CallParkExtensionForm as FormValues,
  callParkExtensionFormSchema,
} from "@domain/schemas/call-park-extension";
import { MAX_CALL_PARK_EXTENSIONS_PER_LOCATION } from "@domain/rules/limits";
import { EXTENSION_MAX_LENGTH, EXTENSION_MIN_LENGTH } from "@domain/rules/numbering-plan";
import { isLocationFull, LocationPicker } from "@/components/location-picker";
import { TextInputField } from "@/components/text-input-field";
import { ApiError } from "@/lib/api-client";
import { applyServerIssues, contractResolver, encodeFieldIssue } from "@/lib/form";
import { locationQueries } from "@/lib/location-queries";
import { checkExtension } from "@/features/call-park-extensions/api/queries";
import { ExtensionSuggestions } from "./extension-suggestions";
import { isTakenFor, useExtensionAvailability } from "./use-extension-availability";

const FIELDS = ["locationId", "name", "extension"] as const;

function takenIssue(extension: string, owner?: { type: string; name: string }) {
  return encodeFieldIssue({
    code: "extensionTaken",
    params: { extension, ownerName: owner?.name ?? "", context: owner?.type ?? "UNKNOWN" },
  });
}

/** Add New and Edit: location, name and extension, checked as typed and against the server. */
export function CallParkExtensionForm({
  defaultValues,
  ownId,
  lockedLocationName,
  cancelTo,
  submitLabel,
  onSubmit,
}: {
  defaultValues: Partial<FormValues>;
  /** Editing: the extension's own ID (its number is not a conflict with itself). */
  ownId?: string;
  /** Editing: a call park extension stays in its location. */
  lockedLocationName?: string;
  cancelTo: string;
  submitLabel: string;
  onSubmit: (values: FormValues) => Promise<unknown>;
}) {
  const { t } = useTranslation(["callParkExtensions", "common"]);
  const form = useForm<FormValues>({
    resolver: contractResolver(callParkExtensionFormSchema),
    defaultValues: { locationId: "", name: "", extension: "", ...defaultValues },
    mode: "onChange",
  });
  const { register, control, handleSubmit, setError, clearErrors, setFocus, setValue, watch, formState } = form;
  const locationId = watch("locationId");
  const extension = watch("extension");
  const availability = useExtensionAvailability(locationId, extension, ownId);
  // Adding to a location already at its limit would only fail on Save: the form says so as soon as it is chosen.
  const adding = lockedLocationName === undefined;
  const chosenLocation = useQuery({ ...locationQueries.named(locationId), enabled: adding && Boolean(locationId) });
  const full = adding && isLocationFull(chosenLocation.data);
  const fullIssue = full ? encodeFieldIssue({ code: "locationFull", params: { max: MAX_CALL_PARK_EXTENSIONS_PER_LOCATION } }) : undefined;

  useEffect(() => {
    if (availability.state === "taken") {
      setError("extension", { type: "extensionTaken", message: takenIssue(extension.trim(), availability.owner) });
    } else if (formState.errors.extension?.type === "extensionTaken") {
      clearErrors("extension");
    }
    // Only a change of availability should move the error.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [availability]);

  const submit = handleSubmit(async (values) => {
    if (fullIssue) {
      // Not focused: focus opens the location list over the message.
      setError("locationId", { type: "locationFull", message: fullIssue });
      return;
    }
    // The form's own check knows nothing of the numbering plan and has just cleared a taken
    // extension's message: it stays said while the server is asked again.
    if (availability.state === "taken") {
      setError("extension", { type: "extensionTaken", message: takenIssue(values.extension, availability.owner) });
    }
    // Checked once more just before saving: someone may have taken it (or freed it) meanwhile.
    const status = await checkExtension(values.locationId, values.extension).catch(() => undefined);
    if (status && isTakenFor(status, ownId)) {
      setError("extension", { type: "extensionTaken", message: takenIssue(values.extension, status.owner) }, { shouldFocus: true });
      return;
    }
    if (availability.state === "taken") clearErrors("extension");
    try {
      await onSubmit(values);
    } catch (error) {
      if (error instanceof ApiError) applyServerIssues(error.issues, setError, FIELDS);
    }
  });

  // Taken, with the free extensions nearest to it: the field's message offers them, one click each.
  const extensionError = formState.errors.extension;
  const suggestions =
    availability.state === "taken" && extensionError?.type === "extensionTaken" && extensionError.message ? availability.suggestions : undefined;
  const pickSuggestion = (free: string) => {
    setValue("extension", free, { shouldValidate: true, shouldDirty: true, shouldTouch: true });
    // The buttons go with the message: the field keeps the focus, its new value read out.
    setFocus("extension");
  };

  const statusText =
    availability.state === "checking"
      ? t("form.checking")
      : availability.state === "available" && !formState.errors.extension && !full
        ? t("form.available")
        : undefined;

  return (
    <form className="form-card" onSubmit={submit} noValidate aria-label={submitLabel}>
      {lockedLocationName !== undefined ? (
        <div className="field">
          <span className="field-label" id="cpe-location-label">
            {t("common:location.label")}
          </span>
          <p className="field-readonly" aria-labelledby="cpe-location-label">
            {lockedLocationName}
          </p>
        </div>
      ) : (
        <Controller
          control={control}
          name="locationId"
          render={({ field, fieldState }) => (
            <LocationPicker
              id="cpe-location"
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={fieldState.error?.message ?? fullIssue}
              description={t("form.locationHelp")}
              markFull
            />
          )}
        />
      )}
      <TextInputField
        id="cpe-name"
        label={t("form.name")}
        description={t("form.nameHelp", { max: CALL_PARK_EXTENSION_NAME_MAX })}
        autoComplete="off"
        error={formState.errors.name?.message}
        {...register("name")}
      />
      <div className="field">
        <TextInputField
          id="cpe-extension"
          label={t("form.extension")}
          description={t("form.extensionHelp", { min: EXTENSION_MIN_LENGTH, max: EXTENSION_MAX_LENGTH })}
          inputMode="numeric"
          autoComplete="off"
          error={suggestions ? undefined : extensionError?.message}
          status={statusText}
          {...register("extension")}
          // The message with its buttons is drawn below, in place of the field's own: the field still points to it.
          {...(suggestions ? { "aria-invalid": true, "aria-describedby": "cpe-extension-description cpe-extension-error" } : {})}
        />
        {suggestions && extensionError?.message && (
          <ExtensionSuggestions id="cpe-extension-error" takenMessage={extensionError.message} suggestions={suggestions} onPick={pickSuggestion} />
        )}
      </div>
      <div className="form-actions">
        <Link className="btn btn-secondary" to={cancelTo}>
          {t("common:actions.cancel")}
        </Link>
        <button type="submit" className="btn btn-primary" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? t("common:actions.saving") : t("common:actions.save")}
        </button>
      </div>
    </form>
  );
}

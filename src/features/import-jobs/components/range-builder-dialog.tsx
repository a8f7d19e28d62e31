import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { useTranslation } from "@/lib/use-translation";
import { toCallParkExtensionCsv } from "@domain/csv/call-park-extension-csv";
import { RANGE_EXTENSION, RANGE_POSITION } from "@domain/rules/extension-range";
import { type ExtensionRangeForm, extensionRangeFormSchema, RANGE_ENDS, rangeFormRows } from "@domain/schemas/extension-range";
import type { ImportMode } from "@domain/schemas/import-job";
import { LocationPicker } from "@/components/location-picker";
import { ReadOnlyNotice } from "@/components/read-only-notice";
import { TextInputField } from "@/components/text-input-field";
import { contractResolver, encodeFieldIssue } from "@/lib/form";
import { locationQueries } from "@/lib/location-queries";
import { useAbility } from "@/lib/session";
import type { ChosenFile, TaskJob } from "@/features/import-jobs/api/queries";
import { ImportCheckView, ImportDialogFrame, ImportSubmitActions, useImportCheck } from "./import-dialog-parts";
import { ImportStarted } from "./import-started";

/**
 * Call Park Extension → Add a range: a location, a first extension and a last one (or a
 * count), a name pattern. Check makes the rows and puts them through the bulk import's own
 * dry run (each one shown as created, taken and by whom, or over the location's 100), and
 * Create sends them as an import task, followed on Tasks: one way to check and apply many.
 */
export function RangeBuilderDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation(["rangeBuilder", "bulkManage", "common"]);
  const queryClient = useQueryClient();
  const { canImport } = useAbility();
  const [chosen, setChosen] = useState<ChosenFile | null>(null);
  const [mode, setMode] = useState<ImportMode>("partial");
  const [started, setStarted] = useState<TaskJob | null>(null);
  const checks = useRef(0);
  const importCheck = useImportCheck("callParkExtensions", chosen, mode);
  const { start } = importCheck;
  const form = useForm<ExtensionRangeForm>({
    resolver: contractResolver(extensionRangeFormSchema),
    defaultValues: { locationId: "", first: "", end: "last", last: "", count: "", pattern: t("defaultPattern") },
    mode: "onTouched",
  });
  const { control, register, handleSubmit, setError, formState } = form;
  const values = useWatch({ control }) as ExtensionRangeForm;
  const parsed = extensionRangeFormSchema.safeParse(values);
  const planned = parsed.success ? rangeFormRows(parsed.data).rows : [];

  // A change after Check asks for a new check: the preview shown is always the form's.
  const changed = () => {
    if (chosen) setChosen(null);
    start.reset();
  };
  const check = handleSubmit(async (valid) => {
    const { rows, nameIssue } = rangeFormRows(valid);
    if (nameIssue) return setError("pattern", { message: encodeFieldIssue({ code: nameIssue as "tooLong" }) });
    const location = await queryClient.ensureQueryData(locationQueries.named(valid.locationId)).catch(() => null);
    if (!location) return setError("locationId", { message: encodeFieldIssue({ code: "locationNotFound" }) });
    const csv = toCallParkExtensionCsv(rows.map((row) => ({ location: location.name, ...row, action: "ADD" })));
    const fileName = `${t("fileName", { first: rows[0].extension, last: rows.at(-1)!.extension })}.csv`;
    setChosen({ id: ++checks.current, file: new File([csv], fileName, { type: "text/csv" }) });
  });
  const end = values.end;

  return (
    <ImportDialogFrame title={t("title")} busy={importCheck.busy} dismissable={!chosen} onClose={onClose}>
      {!canImport ? (
        <ReadOnlyNotice message={t("readOnly")} />
      ) : started ? (
        <ImportStarted
          kind="callParkExtensions"
          job={started}
          onAnother={() => {
            setStarted(null);
            setChosen(null);
            start.reset();
          }}
          onClose={onClose}
          anotherLabel={t("another")}
        />
      ) : (
        <form noValidate onSubmit={check} onChange={changed} aria-labelledby="range-form-title">
          <p className="muted" id="range-form-title">
            {t("intro")}
          </p>
          <Controller
            control={control}
            name="locationId"
            render={({ field, fieldState }) => (
              <LocationPicker
                id="range-location"
                value={field.value}
                onChange={(locationId) => {
                  field.onChange(locationId);
                  changed();
                }}
                onBlur={field.onBlur}
                error={fieldState.error?.message}
                description={t("locationHelp")}
                markFull
              />
            )}
          />
          <TextInputField
            id="range-first"
            label={t("first")}
            inputMode="numeric"
            autoComplete="off"
            error={formState.errors.first?.message}
            {...register("first")}
          />
          <fieldset className="radio-group">
            <legend>{t("endLegend")}</legend>
            {RANGE_ENDS.map((choice) => (
              <label key={choice} className="radio-option">
                <input type="radio" value={choice} {...register("end")} />
                <span>{t(`end.${choice}`)}</span>
              </label>
            ))}
          </fieldset>
          {end === "last" ? (
            <TextInputField
              id="range-last"
              label={t("last")}
              inputMode="numeric"
              autoComplete="off"
              error={formState.errors.last?.message}
              {...register("last")}
            />
          ) : (
            <TextInputField
              id="range-count"
              label={t("count")}
              type="number"
              inputMode="numeric"
              min={1}
              max={100}
              error={formState.errors.count?.message}
              {...register("count")}
            />
          )}
          <TextInputField
            id="range-pattern"
            label={t("pattern")}
            description={t("patternHelp", { position: RANGE_POSITION, extension: RANGE_EXTENSION })}
            autoComplete="off"
            error={formState.errors.pattern?.message}
            {...register("pattern")}
          />
          <p className="field-status" aria-live="polite">
            {planned.length > 0
              ? t("summary", {
                  count: planned.length,
                  firstName: planned[0].name,
                  firstExtension: planned[0].extension,
                  lastName: planned.at(-1)!.name,
                  lastExtension: planned.at(-1)!.extension,
                })
              : ""}
          </p>
          <div className="dialog-actions">
            <button type="submit" className="btn btn-secondary" disabled={importCheck.busy}>
              {t("check")}
            </button>
          </div>
        </form>
      )}
      {canImport && !started && (
        <>
          <div className="bulk-section" hidden={!chosen}>
            <ImportCheckView
              check={importCheck}
              chosen={chosen}
              mode={mode}
              onModeChange={setMode}
              title={<h3>{t("previewTitle")}</h3>}
            />
          </div>
          <ImportSubmitActions check={importCheck} chosen={chosen} mode={mode} onClose={onClose} onStarted={setStarted} submitLabel={t("create")} />
        </>
      )}
    </ImportDialogFrame>
  );
}

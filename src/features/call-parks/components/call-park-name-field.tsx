import { forwardRef } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { useTranslation } from "@/lib/use-translation";
import { CALL_PARK_NAME_MAX } from "@domain/rules/call-park";
import { TextInputField } from "@/components/text-input-field";

/** The group's name, as `register("name")` of the group form wires it; checked by the form as the admin types. */
export const CallParkNameField = forwardRef<
  HTMLInputElement,
  Omit<UseFormRegisterReturn<"name">, "ref"> & { id: string; /** An encoded field issue. */ error?: string }
>(function CallParkNameField({ id, error, ...field }, ref) {
  const { t } = useTranslation("callParkGroups");
  return (
    <TextInputField
      ref={ref}
      id={id}
      label={t("fields.name")}
      description={t("fields.nameHelp", { max: CALL_PARK_NAME_MAX })}
      autoComplete="off"
      error={error}
      {...field}
    />
  );
});

import { useTranslation } from "react-i18next";
import { CALL_PARK_NAME_MAX } from "@domain/rules/call-park";
import { TextInputField } from "@/components/text-input-field";
import { encodeFieldIssue } from "@/lib/form";
import { checkName } from "./draft-checks";

/** The group's name, checked against the contract as the admin types. */
export function CallParkNameField({
  id,
  value,
  error,
  onChange,
}: {
  id: string;
  value: string;
  error?: string;
  /** The new name and its problem, encoded, if any. */
  onChange: (name: string, error: string | undefined) => void;
}) {
  const { t } = useTranslation("callParkGroups");
  return (
    <TextInputField
      id={id}
      label={t("fields.name")}
      description={t("fields.nameHelp", { max: CALL_PARK_NAME_MAX })}
      value={value}
      autoComplete="off"
      error={error}
      onChange={(e) => {
        const issue = checkName(e.target.value);
        onChange(e.target.value, issue ? encodeFieldIssue(issue) : undefined);
      }}
    />
  );
}

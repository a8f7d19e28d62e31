import { useTranslation } from "@/lib/use-translation";
import { decodeFieldError } from "@/lib/form";
import { issueMessage } from "@/lib/error-message";

/** A form field's error, worded from its { code, params } in the user's language. */
export function FieldErrorText({ id, message }: { id: string; message?: string }) {
  const { t } = useTranslation();
  const issue = decodeFieldError(message);
  if (!issue) return null;
  return (
    <p id={id} className="field-error">
      {issueMessage(t, issue)}
    </p>
  );
}

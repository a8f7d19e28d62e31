import { forwardRef, type InputHTMLAttributes, type ReactNode } from "react";
import { FieldErrorText } from "./field-error";

type Props = InputHTMLAttributes<HTMLInputElement> & {
  id: string;
  label: string;
  description?: ReactNode;
  error?: string;
  /** A line under the field that is not an error (e.g. "Checking…", "Available"). */
  status?: ReactNode;
};

/** Label, input, help and error wired together for assistive technology. */
export const TextInputField = forwardRef<HTMLInputElement, Props>(function TextInputField(
  { id, label, description, error, status, ...input },
  ref,
) {
  const describedBy = [description && `${id}-description`, error && `${id}-error`, status && `${id}-status`]
    .filter(Boolean)
    .join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        ref={ref}
        id={id}
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...input}
      />
      {description && (
        <p id={`${id}-description`} className="field-description">
          {description}
        </p>
      )}
      <FieldErrorText id={`${id}-error`} message={error} />
      {status && !error && (
        <p id={`${id}-status`} className="field-status" aria-live="polite">
          {status}
        </p>
      )}
    </div>
  );
});

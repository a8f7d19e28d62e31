import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "@/lib/use-translation";
import { api } from "@domain/api/addresses";
import type { SignInInput } from "@domain/schemas/auth";
import { type FieldIssue, toFieldIssues } from "@domain/schemas/issues";
import { Icon } from "@/components/icon";
import { TextInputField } from "@/components/text-input-field";
import { ApiError, callApi } from "@/lib/api-client";
import { errorMessage } from "@/lib/error-message";
import { encodeFieldIssue } from "@/lib/form";
import { adoptSession } from "@/lib/signed-in";

const FIELDS = ["email", "password"] as const;
type Field = (typeof FIELDS)[number];
type FieldErrors = Partial<Record<Field, string>>;

/**
 * The sign-in contract (domain/schemas/auth, as the server checks it), with zod: not part of
 * the page's first paint. It loads once the administrator starts typing, or at the latest
 * when they submit.
 */
const loadContract = () => import("@domain/schemas/auth");

/** Each field's first issue, in the form FieldErrorText words. */
function fieldErrors(issues: FieldIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = FIELDS.find((f) => issue.path.length === 1 && issue.path[0] === f);
    if (field && !errors[field]) errors[field] = encodeFieldIssue(issue);
  }
  return errors;
}

/** Email and password; a refusal (wrong password, too many attempts) shows above the fields. */
export function SignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation(["auth", "errors"]);
  const inputs = { email: useRef<HTMLInputElement>(null), password: useRef<HTMLInputElement>(null) };
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string>();
  const [submitting, setSubmitting] = useState(false);
  const submitted = useRef(false);

  const values = (): SignInInput => ({ email: inputs.email.current?.value ?? "", password: inputs.password.current?.value ?? "" });
  const check = async () => {
    const { signInSchema } = await loadContract();
    const input = values();
    return { input, result: signInSchema.safeParse(input) };
  };
  const showFieldErrors = (next: FieldErrors) => {
    setErrors(next);
    const first = FIELDS.find((f) => next[f]);
    if (first) inputs[first].current?.focus();
  };

  // After a first submit, each change checks again, so an error goes once it is fixed.
  const onChange = () => {
    void loadContract();
    if (!submitted.current) return;
    void check().then(({ input, result }) => setErrors(result.success ? {} : fieldErrors(toFieldIssues(result.error, input))));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (submitting) return;
    submitted.current = true;
    setAlert(undefined);
    setSubmitting(true);
    try {
      const { input, result } = await check();
      if (!result.success) return showFieldErrors(fieldErrors(toFieldIssues(result.error, input)));
      setErrors({});
      try {
        // With the API client alone: the sign-in page has no query cache (src/sign-in.tsx).
        adoptSession((await callApi(api.session.signIn, { body: result.data })).data);
        onSignedIn();
      } catch (error) {
        const onFields = error instanceof ApiError ? fieldErrors(error.issues) : {};
        if (Object.keys(onFields).length > 0) return showFieldErrors(onFields);
        setAlert(errorMessage(t, error));
        // The alert is announced; the password is where the next try starts.
        inputs.password.current?.focus();
        inputs.password.current?.select();
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <form className="sign-in-form" onSubmit={submit} noValidate aria-label={t("signIn.title")}>
      {alert && (
        <div className="banner banner-error sign-in-alert" role="alert">
          <p className="sign-in-alert-title">
            <Icon name="warning" />
            {t("signIn.failed")}
          </p>
          <p>{alert}</p>
        </div>
      )}
      <TextInputField
        ref={inputs.email}
        id="sign-in-email"
        name="email"
        label={t("signIn.email")}
        type="email"
        autoComplete="username"
        // The page is for this one task: the first field is where it starts.
        autoFocus
        spellCheck={false}
        autoCapitalize="none"
        error={errors.email}
        onChange={onChange}
      />
      <TextInputField
        ref={inputs.password}
        id="sign-in-password"
        name="password"
        label={t("signIn.password")}
        type="password"
        autoComplete="current-password"
        error={errors.password}
        onChange={onChange}
      />
      <button type="submit" className="btn btn-primary sign-in-submit" disabled={submitting}>
        {submitting ? t("signIn.submitting") : t("signIn.submit")}
      </button>
    </form>
  );
}

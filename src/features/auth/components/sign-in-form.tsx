import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { type SignInInput, signInSchema } from "@domain/schemas/auth";
import { Icon } from "@/components/icon";
import { TextInputField } from "@/components/text-input-field";
import { ApiError } from "@/lib/api-client";
import { errorMessage } from "@/lib/error-message";
import { applyServerIssues, contractResolver } from "@/lib/form";
import { useSignIn } from "@/features/auth/api/queries";

const FIELDS = ["email", "password"] as const;

/** Email and password; a refusal (wrong password, too many attempts) shows above the fields. */
export function SignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation(["auth", "errors"]);
  const signIn = useSignIn();
  const { register, handleSubmit, setError, setFocus, formState } = useForm<SignInInput>({
    resolver: contractResolver(signInSchema),
    defaultValues: { email: "", password: "" },
  });
  const alert = formState.errors.root?.server?.message;

  const submit = handleSubmit(async (values) => {
    try {
      await signIn.mutateAsync(values);
      onSignedIn();
    } catch (error) {
      if (error instanceof ApiError && applyServerIssues(error.issues, setError, FIELDS)) return;
      setError("root.server", { type: error instanceof ApiError ? error.code : "internal", message: errorMessage(t, error) });
      // The alert is announced; the password is where the next try starts.
      setFocus("password", { shouldSelect: true });
    }
  });

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
        id="sign-in-email"
        label={t("signIn.email")}
        type="email"
        autoComplete="username"
        // The page is for this one task: the first field is where it starts.
        autoFocus
        spellCheck={false}
        autoCapitalize="none"
        error={formState.errors.email?.message}
        {...register("email")}
      />
      <TextInputField
        id="sign-in-password"
        label={t("signIn.password")}
        type="password"
        autoComplete="current-password"
        error={formState.errors.password?.message}
        {...register("password")}
      />
      <button type="submit" className="btn btn-primary sign-in-submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? t("signIn.submitting") : t("signIn.submit")}
      </button>
    </form>
  );
}

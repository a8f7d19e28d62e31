import { useEffect } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "@/lib/use-translation";
import { Heading } from "react-aria-components";
import {
  ACCESS_TOKEN_NAME_MAX,
  type AccessTokenCreate,
  type AccessTokenCreated,
  accessTokenCreateSchema,
} from "@domain/schemas/auth";
import { TextInputField } from "@/components/text-input-field";
import { ApiError } from "@/lib/api-client";
import { applyServerIssues, contractResolver } from "@/lib/form";
import { useCreateAccessToken } from "@/features/auth/api/queries";

/** The token's name; other refusals (too many tokens) come as a toast from the mutation cache. */
export function CreateTokenForm({
  onCreated,
  onCancel,
}: {
  onCreated: (created: AccessTokenCreated) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation(["auth", "common"]);
  const create = useCreateAccessToken();
  const { register, handleSubmit, setError, setFocus, formState } = useForm<AccessTokenCreate>({
    resolver: contractResolver(accessTokenCreateSchema),
    defaultValues: { name: "" },
  });

  useEffect(() => setFocus("name"), [setFocus]);

  const submit = handleSubmit(async (values) => {
    try {
      onCreated(await create.mutateAsync(values));
    } catch (error) {
      if (error instanceof ApiError) applyServerIssues(error.issues, setError, ["name"]);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Heading slot="title" className="dialog-title">
        {t("tokens.createTitle")}
      </Heading>
      <TextInputField
        id="token-name"
        label={t("tokens.nameLabel")}
        description={t("tokens.nameHelp", { max: ACCESS_TOKEN_NAME_MAX })}
        autoComplete="off"
        error={formState.errors.name?.message}
        {...register("name")}
      />
      <div className="dialog-actions">
        <button type="button" className="btn btn-secondary" onClick={onCancel} disabled={formState.isSubmitting}>
          {t("common:actions.cancel")}
        </button>
        <button type="submit" className="btn btn-primary" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? t("tokens.creating") : t("tokens.create")}
        </button>
      </div>
    </form>
  );
}

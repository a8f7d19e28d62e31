import { useTranslation } from "@/lib/use-translation";
import type { AccessToken } from "@domain/schemas/auth";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { useRevokeAccessToken } from "@/features/auth/api/queries";

/** The confirmation before a token stops working for good. */
export function RevokeTokenDialog({ target, onClose }: { target: AccessToken | null; onClose: () => void }) {
  const { t } = useTranslation(["auth", "common"]);
  const revoke = useRevokeAccessToken();
  return (
    <ConfirmDialog
      isOpen={target !== null}
      title={t("tokens.revokeTitle")}
      confirmLabel={t("tokens.revoke")}
      cancelLabel={t("common:actions.cancel")}
      isPending={revoke.isPending}
      onCancel={onClose}
      onConfirm={() => {
        if (target) revoke.mutate(target, { onSettled: onClose });
      }}
    >
      <p>{t("tokens.revokeBody", { name: target?.name ?? "" })}</p>
    </ConfirmDialog>
  );
}

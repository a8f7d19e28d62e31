import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { useDeleteCallParkExtension } from "@/features/call-park-extensions/api/queries";

export interface DeleteTarget {
  locationId: string;
  id: string;
  name: string;
  extension: string;
}

/** The confirmation before a call park extension is deleted. */
export function DeleteCallParkExtensionDialog({
  target,
  onClose,
  onDeleted,
}: {
  target: DeleteTarget | null;
  onClose: () => void;
  onDeleted?: () => void;
}) {
  const { t } = useTranslation(["callParkExtensions", "common"]);
  const remove = useDeleteCallParkExtension();
  return (
    <ConfirmDialog
      isOpen={target !== null}
      title={t("delete.title")}
      confirmLabel={t("delete.confirm")}
      cancelLabel={t("common:actions.cancel")}
      isPending={remove.isPending}
      onCancel={onClose}
      onConfirm={() => {
        if (!target) return;
        remove.mutate(target, {
          onSuccess: () => {
            onClose();
            onDeleted?.();
          },
          onError: onClose,
        });
      }}
    >
      <p>{t("delete.body", { name: target?.name ?? "", extension: target?.extension ?? "" })}</p>
    </ConfirmDialog>
  );
}

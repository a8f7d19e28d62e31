import { useQueries } from "@tanstack/react-query";
import type { TFunction } from "@/lib/i18n";
import { useTranslation } from "@/lib/use-translation";
import { BulkDeleteDialog } from "@/components/bulk-delete-dialog";
import { ConfirmDialog } from "@/components/confirm-dialog";
import {
  callParkExtensionQueries,
  deleteCallParkExtension,
  useDeleteCallParkExtension,
  useInvalidateAll,
} from "@/features/call-park-extensions/api/queries";
import { ExtensionUseNote } from "./where-used";

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
      {target && <ExtensionUseNote locationId={target.locationId} id={target.id} change={{ kind: "delete" }} />}
    </ConfirmDialog>
  );
}

/** What a bulk delete knows of each call park extension it deletes. */
export interface BulkDeleteTarget extends DeleteTarget {
  locationName: string;
}

/**
 * The one confirmation before several call park extensions are deleted: it names them,
 * and each that a group parks on, with the group and its position in the group's hunting
 * order (the server's where-used, asked once per location); then each goes through the
 * public DELETE.
 */
export function BulkDeleteCallParkExtensionsDialog({
  targets,
  onClose,
  onDone,
}: {
  targets: BulkDeleteTarget[];
  onClose: () => void;
  onDone: (deleted: BulkDeleteTarget[]) => void;
}) {
  const { t } = useTranslation(["callParkExtensions", "common"]);
  const refresh = useInvalidateAll();
  const locationIds = [...new Set(targets.map((target) => target.locationId))];
  const uses = useQueries({
    queries: locationIds.map((locationId) =>
      callParkExtensionQueries.whereUsed(locationId, targets.filter((target) => target.locationId === locationId).map((target) => target.id)),
    ),
  });
  const items = targets.map((target) => ({ ...target, label: itemLabel(t, target) }));
  // Each extension a group parks on, in the order they were picked, with the group and its position.
  const used = items.flatMap((item) =>
    (uses[locationIds.indexOf(item.locationId)]?.data?.get(item.id) ?? []).map((use) => ({ item, use })),
  );
  const details = uses.some((q) => q.isPending) ? (
    <p role="status">{t("bulkDelete.checking")}</p>
  ) : uses.some((q) => q.isError) ? (
    <p role="status">{t("bulkDelete.failed")}</p>
  ) : (
    <div role="status">
      <p>{t("bulkDelete.usedBy", { count: used.length })}</p>
      {used.length > 0 && (
        <ul className="bulk-delete-list">
          {used.map(({ item, use }) => (
            <li key={item.id}>{t("whereUsed.item", { item: item.label, group: use.name, position: use.position, of: use.of })}</li>
          ))}
        </ul>
      )}
    </div>
  );
  return (
    <BulkDeleteDialog
      items={items}
      title={t("bulkDelete.title", { count: targets.length })}
      intro={t("bulkDelete.intro", { count: targets.length })}
      details={details}
      remove={deleteCallParkExtension}
      onClose={onClose}
      onDone={(deleted) => {
        void refresh();
        onDone(deleted);
      }}
    />
  );
}

/** How a row is named in a bulk delete: name, extension and location, as the same name can be in two locations. */
export function itemLabel(t: TFunction, target: BulkDeleteTarget) {
  return t("callParkExtensions:bulkDelete.item", { name: target.name, extension: target.extension, location: target.locationName });
}

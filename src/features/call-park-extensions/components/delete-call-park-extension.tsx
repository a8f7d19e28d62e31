import { useQueries } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { BulkDeleteDialog } from "@/components/bulk-delete-dialog";
import { ConfirmDialog } from "@/components/confirm-dialog";
import {
  callParkExtensionQueries,
  deleteCallParkExtension,
  useDeleteCallParkExtension,
  useInvalidateAll,
} from "@/features/call-park-extensions/api/queries";

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

/** What a bulk delete knows of each call park extension it deletes. */
export interface BulkDeleteTarget extends DeleteTarget {
  locationName: string;
}

/**
 * The one confirmation before several call park extensions are deleted: it names them,
 * and the groups that lose a park destination with them (as the server says each
 * location's groups use them); then each goes through the public DELETE.
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
  const groups = useQueries({
    queries: locationIds.map((locationId) => callParkExtensionQueries.groupsUsing(locationId)),
  });
  // Group name → the extensions it loses, in the order they were picked.
  const losing = new Map<string, string[]>();
  for (const target of targets) {
    const group = groups[locationIds.indexOf(target.locationId)]?.data?.get(target.id);
    if (group) losing.set(group, [...(losing.get(group) ?? []), `${target.name} (${target.extension})`]);
  }
  const items = targets.map((target) => ({ ...target, label: itemLabel(t, target) }));
  return (
    <BulkDeleteDialog
      items={items}
      title={t("bulkDelete.title", { count: targets.length })}
      intro={t("bulkDelete.intro", { count: targets.length })}
      details={
        losing.size > 0 && (
          <>
            <p>{t("bulkDelete.groupsLose", { count: losing.size })}</p>
            <ul className="bulk-delete-list">
              {[...losing].map(([group, extensions]) => (
                <li key={group}>{t("bulkDelete.groupLoses", { group, extensions: extensions.join(", ") })}</li>
              ))}
            </ul>
          </>
        )
      }
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

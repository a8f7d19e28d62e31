import { useTranslation } from "react-i18next";
import type { CallParkListItem } from "@domain/schemas/call-park";
import { BulkDeleteDialog } from "@/components/bulk-delete-dialog";
import { deleteCallPark, useInvalidateCallParks } from "@/features/call-parks/api/queries";

/**
 * The one confirmation before several call park groups are deleted: it names them (with
 * their location, as two locations can hold the same name), then each goes through the
 * public DELETE; their call park extensions stay, free for other groups.
 */
export function BulkDeleteCallParksDialog({
  targets,
  onClose,
  onDone,
}: {
  targets: CallParkListItem[];
  onClose: () => void;
  onDone: (deleted: CallParkListItem[]) => void;
}) {
  const { t } = useTranslation(["callParkGroups", "common"]);
  const refresh = useInvalidateCallParks();
  const items = targets.map((group) => ({ ...group, label: t("bulkDelete.item", { name: group.name, location: group.locationName }) }));
  return (
    <BulkDeleteDialog
      items={items}
      title={t("bulkDelete.title", { count: targets.length })}
      intro={t("bulkDelete.intro", { count: targets.length })}
      remove={deleteCallPark}
      onClose={onClose}
      onDone={(deleted) => {
        void refresh();
        onDone(deleted);
      }}
    />
  );
}

import { useQueries } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "@/lib/use-translation";
import type { CallParkListItem } from "@domain/schemas/call-park";
import { BulkDeleteDialog } from "@/components/bulk-delete-dialog";
import { callParkQueries, deleteCallPark, useInvalidateCallParks } from "@/features/call-parks/api/queries";
import { membersInline } from "./group-members";
import "./group-members.css";

/**
 * The one confirmation before several call park groups are deleted: it names them (with
 * their location, as two locations can hold the same name) and who their members are (each
 * group as its side panel reads it), then each goes through the public DELETE; their call
 * park extensions stay, free for other groups.
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
  // Read while the question is asked; not once the deletes have begun, when a refresh would fetch the deleted into a 404.
  const [deleting, setDeleting] = useState(false);
  const details = useQueries({
    queries: targets.map((group) => ({ ...callParkQueries.detail(group.locationId, group.id), enabled: !deleting })),
  });
  const items = targets.map((group) => ({ ...group, label: t("bulkDelete.item", { name: group.name, location: group.locationName }) }));
  const members = details.some((q) => q.isPending) ? (
    <p role="status">{t("whereUsed.loading")}</p>
  ) : details.some((q) => q.isError) ? (
    <p role="status">{t("whereUsed.failed")}</p>
  ) : (
    <div role="status">
      <p>{t("whereUsed.bulkIntro")}</p>
      <ul className="group-members-list">
        {items.map((item, index) => (
          <li key={item.id}>{t("whereUsed.groupMembers", { group: item.label, members: membersInline(t, details[index].data?.agents ?? []) })}</li>
        ))}
      </ul>
    </div>
  );
  return (
    <BulkDeleteDialog
      items={items}
      title={t("bulkDelete.title", { count: targets.length })}
      intro={t("bulkDelete.intro", { count: targets.length })}
      details={members}
      remove={(group) => {
        setDeleting(true);
        return deleteCallPark(group);
      }}
      onClose={() => {
        setDeleting(false);
        onClose();
      }}
      onDone={(deleted) => {
        void refresh();
        onDone(deleted);
      }}
    />
  );
}

import { useTranslation } from "@/lib/use-translation";
import { GroupMembers, type Member } from "./group-members";

/**
 * While the side panel's name differs from the group's (spaces around it aside): before the
 * rename is saved, who its members are, who park calls in it with #58. Nothing otherwise.
 */
export function RenameNote({ from, to, members }: { from: string; to: string; members: readonly Member[] }) {
  const { t } = useTranslation("callParkGroups");
  if (to.trim() === "" || to.trim() === from.trim()) return null;
  return (
    <div className="banner rename-note" role="note">
      <div>
        <p>{t("renameNote", { from, to: to.trim() })}</p>
        <GroupMembers agents={members} />
      </div>
    </div>
  );
}

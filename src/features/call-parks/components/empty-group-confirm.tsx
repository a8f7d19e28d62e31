import { useRef, useState } from "react";
import { useTranslation } from "@/lib/use-translation";
import { ConfirmDialog } from "@/components/confirm-dialog";
import type { CallParkDraft } from "@/features/call-parks/api/types";

type Lack = "noMembers" | "noDestinations";

/**
 * What keeps a group from parking anything: no members (nobody parks), or no park
 * destinations (with "use members as destinations", the members are the destinations).
 */
export function whatGroupLacks(draft: Pick<CallParkDraft, "agents" | "parkOnAgentsEnabled" | "callParkExtensions">): Lack[] {
  const lacks: Lack[] = [];
  if (draft.agents.length === 0) lacks.push("noMembers");
  const destinations = draft.parkOnAgentsEnabled ? draft.agents.length : draft.callParkExtensions.length;
  if (destinations === 0) lacks.push("noDestinations");
  return lacks;
}

/**
 * The server accepts a group that cannot park anything (Webex does too), but such a group
 * is almost always a mistake: Create or Save asks first. `confirm(draft, go)` runs `go`
 * at once when the group can park, else after the administrator says so; `dialog` is the question.
 */
export function useEmptyGroupConfirm(mode: "create" | "save") {
  const { t } = useTranslation("callParkGroups");
  const [lacks, setLacks] = useState<Lack[]>([]);
  const proceed = useRef<() => void>(undefined);
  const confirm = (draft: Parameters<typeof whatGroupLacks>[0], go: () => void) => {
    const found = whatGroupLacks(draft);
    if (found.length === 0) return go();
    proceed.current = go;
    setLacks(found);
  };
  const dialog = (
    <ConfirmDialog
      isOpen={lacks.length > 0}
      tone="primary"
      title={t("emptyGroupConfirm.title")}
      confirmLabel={t(`emptyGroupConfirm.${mode}`)}
      cancelLabel={t("emptyGroupConfirm.back")}
      onCancel={() => setLacks([])}
      onConfirm={() => {
        setLacks([]);
        proceed.current?.();
      }}
    >
      {lacks.map((lack) => (
        <p key={lack}>{t(`emptyGroupConfirm.${lack}`)}</p>
      ))}
      {mode === "create" && <p>{t("emptyGroupConfirm.later")}</p>}
    </ConfirmDialog>
  );
  return { confirm, dialog };
}

import type { TFunction } from "@/lib/i18n";
import { needsHuntGroup } from "@domain/rules/recall";
import type { ConflictField } from "@/components/conflict-dialog";
import { type CallPark, type CallParkDraft, draftOf } from "@/features/call-parks/api/types";

/** A group's parts as text, as the side panel shows them. */
function partsOf(t: TFunction, draft: CallParkDraft, huntGroupName: string | undefined) {
  // As saved: members as destinations leave no call park extensions (see toRequestBody).
  const destinations = draft.parkOnAgentsEnabled ? [] : draft.callParkExtensions;
  const huntGroup = needsHuntGroup(draft.recall.option) && huntGroupName ? ` — ${huntGroupName}` : "";
  return {
    name: draft.name.trim(),
    members: draft.agents.map((a) => a.displayName).join(", "),
    parkOnAgents: t(draft.parkOnAgentsEnabled ? "callParkGroups:values.yes" : "callParkGroups:values.no"),
    destinations: destinations.map((c) => `${c.name} (${c.extension})`).join(", "),
    recall: `${t(`callParkGroups:recall.option.${draft.recall.option}`)}${huntGroup}`,
  };
}

/**
 * Every part of a group for the conflict dialog: as the panel opened it (`base`), as it is
 * now (`theirs`), and as this administrator wants it (`mine`, whose chosen hunt group is
 * named by `mineHuntGroupName`).
 */
export function conflictFields(
  t: TFunction,
  base: CallPark,
  theirs: CallPark,
  mine: CallParkDraft,
  mineHuntGroupName: string | undefined,
): ConflictField[] {
  const was = partsOf(t, draftOf(base), base.recall.huntGroupName);
  const now = partsOf(t, draftOf(theirs), theirs.recall.huntGroupName);
  const wanted = partsOf(t, mine, mineHuntGroupName);
  const field = (label: string, part: keyof typeof was): ConflictField => ({
    label,
    base: was[part],
    theirs: now[part],
    mine: wanted[part],
  });
  return [
    field(t("callParkGroups:fields.name"), "name"),
    field(t("callParkGroups:wizard.steps.members"), "members"),
    field(t("callParkGroups:destinations.parkOnAgents"), "parkOnAgents"),
    field(t("callParkGroups:wizard.steps.destinations"), "destinations"),
    field(t("callParkGroups:recall.recallTo"), "recall"),
  ];
}

import { recallHuntGroupId } from "@domain/rules/call-park";
import type {
  AvailableUser,
  CallPark,
  CallParkCreate,
  CallParkDestination,
  CallParkForm,
  CallParkUpdate,
} from "@domain/schemas/call-park";
import { changedFields } from "@/lib/changed-fields";

export type { CallPark, CallParkForm, CallParkListItem } from "@domain/schemas/call-park";

// The SPA reads and writes the domain contracts. The group form (domain's
// callParkFormSchema) holds whole members and destinations, to show them; the API takes IDs.
export type Agent = AvailableUser;
export type ParkExtension = CallParkDestination;

/** A group as the wizard and the side panel hold it: the domain's form, without its location. */
export type CallParkDraft = Omit<CallParkForm, "locationId">;

/** A saved group as a draft: what the side panel edits and shows. */
export function draftOf(group: CallPark): CallParkDraft {
  return {
    name: group.name,
    agents: group.agents ?? [],
    parkOnAgentsEnabled: group.parkOnAgentsEnabled,
    callParkExtensions: group.callParkExtensions ?? [],
    recall: { option: group.recall.option, huntGroupId: group.recall.huntGroupId },
  };
}

export function toRequestBody(draft: CallParkDraft): CallParkCreate {
  const huntGroupId = recallHuntGroupId(draft.recall);
  return {
    name: draft.name.trim(),
    agents: draft.agents.map((a) => a.id),
    parkOnAgentsEnabled: draft.parkOnAgentsEnabled,
    callParkExtensions: draft.parkOnAgentsEnabled ? [] : draft.callParkExtensions.map((c) => c.id),
    recall: { option: draft.recall.option, ...(huntGroupId ? { huntGroupId } : {}) },
  };
}

/**
 * The side panel's save: only what the administrator changed from the version they opened,
 * so a change someone made meanwhile to another part stays. Turning "Use members as park
 * destinations" on or off sends the destinations with it (none, when on): the two exclude
 * each other, and the server refuses members as destinations while the group still lists
 * call park extensions.
 */
export function updateBody(edited: CallParkDraft, opened: CallParkDraft): CallParkUpdate {
  const mine = toRequestBody(edited);
  const body: CallParkUpdate = changedFields(mine, toRequestBody(opened));
  if (body.parkOnAgentsEnabled !== undefined) body.callParkExtensions = mine.callParkExtensions;
  return body;
}

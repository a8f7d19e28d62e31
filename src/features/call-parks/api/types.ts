import type { z } from "zod";
import { recallHuntGroupId } from "@domain/rules/call-park";
import type {
  AvailableUser,
  CallPark,
  CallParkCreate,
  CallParkDestination,
  availableRecallHuntGroupSchema,
} from "@domain/schemas/call-park";

export type { CallPark, CallParkListItem } from "@domain/schemas/call-park";

// The SPA reads and writes the domain contracts; only the draft is its own: the
// wizard and the side panel hold whole members and destinations, the API takes IDs.
export type Agent = AvailableUser;
export type ParkExtension = CallParkDestination;
export type HuntGroup = z.output<typeof availableRecallHuntGroupSchema>;

export interface CallParkDraft {
  name: string;
  agents: Agent[];
  parkOnAgentsEnabled: boolean;
  callParkExtensions: ParkExtension[];
  recall: { option: CallPark["recall"]["option"]; huntGroupId?: string };
}

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

import type { RecallOption } from "../../../../domain/rules/recall";

// The Webex call park shapes as the SPA reads them.

export type AgentType = "PEOPLE" | "PLACE" | "VIRTUAL_LINE";

export interface Agent {
  id: string;
  firstName: string;
  lastName: string;
  displayName: string;
  type: AgentType;
  email: string;
  numbers?: { external?: string; extension?: string }[];
}

export interface ParkExtension {
  id: string;
  name: string;
  extension: string;
}

export interface CallParkGroup {
  id: string;
  name: string;
  recall: { option: RecallOption; huntGroupId?: string; huntGroupName?: string };
  agents?: Agent[];
  parkOnAgentsEnabled: boolean;
  callParkExtensions?: ParkExtension[];
}

export interface CallParkGroupListItem {
  id: string;
  name: string;
  locationId: string;
  locationName: string;
}

export interface HuntGroup {
  id: string;
  name: string;
}

/** What the wizard and the side panel edit, and POST/PUT send (IDs only). */
export interface GroupDraft {
  name: string;
  agents: Agent[];
  parkOnAgentsEnabled: boolean;
  callParkExtensions: ParkExtension[];
  recall: { option: RecallOption; huntGroupId?: string };
}

export function toRequestBody(draft: GroupDraft) {
  return {
    name: draft.name.trim(),
    agents: draft.agents.map((a) => a.id),
    parkOnAgentsEnabled: draft.parkOnAgentsEnabled,
    callParkExtensions: draft.parkOnAgentsEnabled ? [] : draft.callParkExtensions.map((c) => c.id),
    recall: {
      option: draft.recall.option,
      ...(draft.recall.option !== "ALERT_PARKING_USER_ONLY" && draft.recall.huntGroupId
        ? { huntGroupId: draft.recall.huntGroupId }
        : {}),
    },
  };
}

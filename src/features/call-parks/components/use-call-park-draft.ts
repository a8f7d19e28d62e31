import { useEffect, useState } from "react";
import { DEFAULT_CALL_PARK_SETTINGS } from "@domain/rules/recall";
import type { CallParkDraft } from "@/features/call-parks/api/types";

export const emptyDraft = (): CallParkDraft => ({
  name: "",
  agents: [],
  parkOnAgentsEnabled: false,
  callParkExtensions: [],
  recall: { option: DEFAULT_CALL_PARK_SETTINGS.recallOption },
});

const storageKey = (locationId: string) => `callParkAdmin.groupDraft.${locationId}`;

function load(locationId: string): CallParkDraft {
  try {
    const saved = sessionStorage.getItem(storageKey(locationId));
    return saved ? { ...emptyDraft(), ...JSON.parse(saved) } : emptyDraft();
  } catch {
    return emptyDraft();
  }
}

/**
 * The wizard's draft, kept in this tab's session storage so that a reload on any
 * step finds the group as it was being built.
 */
export function useCallParkDraft(locationId: string) {
  const [draft, setDraft] = useState<CallParkDraft>(() => load(locationId));
  useEffect(() => setDraft(load(locationId)), [locationId]);
  useEffect(() => {
    if (locationId) sessionStorage.setItem(storageKey(locationId), JSON.stringify(draft));
  }, [locationId, draft]);
  const discard = () => sessionStorage.removeItem(storageKey(locationId));
  return { draft, setDraft, discard };
}

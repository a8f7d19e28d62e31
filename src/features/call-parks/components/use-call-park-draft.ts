import { useEffect } from "react";
import type { UseFormWatch } from "react-hook-form";
import { DEFAULT_CALL_PARK_SETTINGS } from "@domain/rules/recall";
import type { CallParkForm } from "@/features/call-parks/api/types";

// The wizard's draft is kept in this tab's session storage, so that a reload on any
// step finds the group as it was being built.

const storageKey = (locationId: string) => `callParkAdmin.groupDraft.${locationId}`;

export const emptyDraft = (locationId: string): CallParkForm => ({
  locationId,
  name: "",
  agents: [],
  parkOnAgentsEnabled: false,
  callParkExtensions: [],
  recall: { option: DEFAULT_CALL_PARK_SETTINGS.recallOption },
});

/** The saved draft of a location, or an empty one: only the form's own fields, of their own kind. */
export function loadDraft(locationId: string): CallParkForm {
  const draft: Record<string, unknown> = emptyDraft(locationId);
  try {
    const saved = JSON.parse(sessionStorage.getItem(storageKey(locationId)) ?? "{}");
    for (const [field, empty] of Object.entries(draft)) {
      const value = saved[field];
      if (field !== "locationId" && typeof value === typeof empty && Array.isArray(value) === Array.isArray(empty)) {
        draft[field] = value;
      }
    }
  } catch {
    // An unreadable draft is no draft.
  }
  return draft as CallParkForm;
}

/** Saves the form on every change; `discard` forgets it once the group is created or abandoned. */
export function useDraftStorage(locationId: string, watch: UseFormWatch<CallParkForm>) {
  useEffect(() => {
    const { unsubscribe } = watch((values) => sessionStorage.setItem(storageKey(locationId), JSON.stringify(values)));
    return unsubscribe;
  }, [locationId, watch]);
  return { discard: () => sessionStorage.removeItem(storageKey(locationId)) };
}

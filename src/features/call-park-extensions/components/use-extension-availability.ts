import { useEffect, useState } from "react";
import type { NumberOwner } from "@domain/rules/numbering-plan";
import { isValidExtension } from "@domain/rules/numbering-plan";
import { checkExtension } from "@/features/call-park-extensions/api/queries";

export type Availability =
  | { state: "idle" }
  | { state: "checking" }
  | { state: "available" }
  | { state: "taken"; owner?: NumberOwner }
  | { state: "unknown" };

/**
 * Asks the server, as the admin types, whether an extension is free in the chosen
 * location. `ownId` is the call park extension being edited: its own number is free to it.
 */
export function useExtensionAvailability(locationId: string, extension: string, ownId?: string): Availability {
  const [availability, setAvailability] = useState<Availability>({ state: "idle" });
  const candidate = extension.trim();
  useEffect(() => {
    if (!locationId || !isValidExtension(candidate)) {
      setAvailability({ state: "idle" });
      return;
    }
    const controller = new AbortController();
    setAvailability({ state: "checking" });
    const timer = setTimeout(() => {
      checkExtension(locationId, candidate, controller.signal)
        .then((status) => {
          if (status.state === "DUPLICATE" && status.owner?.id !== ownId) {
            setAvailability({ state: "taken", owner: status.owner });
          } else {
            setAvailability({ state: status.state === "INVALID" ? "unknown" : "available" });
          }
        })
        .catch((error: Error) => {
          if (error.name !== "AbortError") setAvailability({ state: "unknown" });
        });
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [locationId, candidate, ownId]);
  return availability;
}

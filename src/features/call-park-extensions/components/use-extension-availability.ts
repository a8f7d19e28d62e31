import { useEffect, useState } from "react";
import type { NumberOwner } from "@domain/rules/numbering-plan";
import { isValidExtension } from "@domain/rules/numbering-plan";
import { SUGGEST_EXTENSIONS_DEFAULT } from "@domain/schemas/extension-suggestions";
import { checkExtension, suggestExtensions } from "@/features/call-park-extensions/api/queries";

export type Availability =
  | { state: "idle" }
  | { state: "checking" }
  | { state: "available" }
  /** `suggestions`: the free extensions nearest to it (none found: empty; not known: absent). */
  | { state: "taken"; owner?: NumberOwner; suggestions?: string[] }
  | { state: "unknown" };

/**
 * Whether validateExtensions' answer means taken for this form. `ownId`: the call park
 * extension being edited, whose own number is not taken for it. An answer that does not
 * say who holds the number (Webex's does not) is taken, unless editing (then it may be
 * the extension's own, which the server will refuse on Save if it is not).
 */
export function isTakenFor(status: { state: string; owner?: { id: string } }, ownId?: string): boolean {
  if (status.state !== "DUPLICATE") return false;
  return status.owner ? status.owner.id !== ownId : ownId === undefined;
}

/**
 * Asks the server, as the admin types, whether an extension is free in the chosen
 * location, and when it is taken, which free ones are nearest (said together, so the
 * message appears once). `ownId` is the call park extension being edited: its own number
 * is free to it.
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
        .then(async (status) => {
          if (isTakenFor(status, ownId)) {
            // Without suggestions (the server could not give them) it is still taken.
            const suggestions = await suggestExtensions(locationId, candidate, SUGGEST_EXTENSIONS_DEFAULT, controller.signal).catch(
              (error: Error) => {
                if (error.name === "AbortError") throw error;
                return undefined;
              },
            );
            // The extension changed while the suggestions were on their way: this answer is of no use.
            if (!controller.signal.aborted) setAvailability({ state: "taken", owner: status.owner, suggestions });
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

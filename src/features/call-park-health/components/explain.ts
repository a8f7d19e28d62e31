import type { TFunction } from "@/lib/i18n";
import type { CallParkHealthFindingOutput as Finding } from "@domain/schemas/call-park-health";
import { callParkExtensionListPath, callParkPath, locationPath } from "@/lib/paths";

export type { Finding };

type Named = { name: string; extension: string };

/** The call park extensions a finding names: "Park 1 (5001), Park 2 (5002) and Park 3 (5003)", or "…, Park 5 (5005) and 7 more" past them. */
export function listExtensions(t: TFunction, named: readonly Named[], count: number): string {
  const items = named.map((e) => t("explain.extensionItem", { name: e.name, extension: e.extension }));
  const more = count - items.length;
  if (more > 0) return t("explain.andMore", { text: items.join(", "), count: more });
  if (items.length < 2) return items.join("");
  return t("explain.andLast", { text: items.slice(0, -1).join(", "), last: items.at(-1) });
}

/** A finding's explanation in plain words, in the administrator's language. */
export function explainFinding(t: TFunction, finding: Finding): string {
  const name = finding.objectName;
  switch (finding.kind) {
    case "GROUP_CANNOT_PARK":
      return t("explain.GROUP_CANNOT_PARK", { name, count: finding.members });
    case "FEWER_DESTINATIONS_THAN_MEMBERS":
      return t("explain.FEWER_DESTINATIONS_THAN_MEMBERS", {
        name,
        destinations: t("counts.destinations", { count: finding.destinations }),
        members: t("counts.members", { count: finding.members }),
      });
    case "RECALL_WITHOUT_HUNT_GROUP": {
      const option = t(`recallOptions.${finding.recallOption}`);
      if (finding.reason === "MISSING") return t(`explain.recallMissing.${finding.objectType}`, { name, option });
      // The hunt group of a location the administrator may not see is not named.
      const named = finding.huntGroupName !== undefined;
      return t(`explain.${named ? "recallOtherLocation" : "recallOtherLocationUnnamed"}.${finding.objectType}`, { name, huntGroup: finding.huntGroupName });
    }
    case "HUNT_GROUP_WITHOUT_AGENTS": {
      const named = finding.huntGroupName !== undefined;
      return t(`explain.${named ? "huntGroupWithoutAgents" : "huntGroupWithoutAgentsUnnamed"}.${finding.objectType}`, { name, huntGroup: finding.huntGroupName });
    }
    case "HUNT_WAIT_UNUSED":
      return t("explain.HUNT_WAIT_UNUSED", { seconds: finding.huntWaitTime });
    case "LOCATION_NEAR_LIMIT":
      return finding.count >= finding.limit
        ? t("explain.locationFull", { location: finding.locationName, used: finding.count })
        : t("explain.locationNearLimit", {
            location: finding.locationName,
            used: finding.count,
            limit: finding.limit,
            room: t("counts.room", { count: finding.limit - finding.count }),
          });
    case "EXTENSION_IN_NO_GROUP":
      return t("explain.EXTENSION_IN_NO_GROUP", { count: finding.count, text: listExtensions(t, finding.extensions, finding.count) });
  }
}

/** Where a finding is fixed, and what the link says (a key of `fix`). */
export function fixOf(finding: Finding): { to: string; action: "editGroup" | "settings" | "extensions" } {
  switch (finding.objectType) {
    // A group's side panel: its park destinations and its recall are edited there.
    case "CALL_PARK":
      return { to: callParkPath(finding.locationId, finding.objectId), action: "editGroup" };
    case "LOCATION":
      // Too many call park extensions, or ones in no group, are reviewed in the location's list of them;
      // everything else of a location is its Call Park Settings.
      return finding.kind === "LOCATION_NEAR_LIMIT" || finding.kind === "EXTENSION_IN_NO_GROUP"
        ? { to: callParkExtensionListPath(finding.locationId), action: "extensions" }
        : { to: locationPath(finding.locationId, "calling"), action: "settings" };
  }
}

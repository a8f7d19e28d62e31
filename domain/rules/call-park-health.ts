// The organisation's call park health check: what is wrong or risky in a configuration,
// found from a plain description of it (each location's Call Park Settings, groups and call
// park extensions, and the hunt groups recalls go to). Pure: the server reads the
// configuration, this decides what is a finding.
import { MAX_CALL_PARK_EXTENSIONS_PER_LOCATION } from "./limits";
import { huntWaitTimeInUse, huntWaitTimeSet, needsHuntGroup, type RecallOption, usesHuntWaitTime } from "./recall";
import { searchKey } from "./text";

/** The kinds of finding, in the order a location's findings are listed. */
export const HEALTH_KINDS = [
  "GROUP_CANNOT_PARK",
  "RECALL_WITHOUT_HUNT_GROUP",
  "HUNT_GROUP_WITHOUT_AGENTS",
  "FEWER_DESTINATIONS_THAN_MEMBERS",
  "HUNT_WAIT_UNUSED",
  "LOCATION_NEAR_LIMIT",
  "EXTENSION_IN_NO_GROUP",
] as const;
export type HealthKind = (typeof HEALTH_KINDS)[number];

/** Most urgent first. */
export const HEALTH_SEVERITIES = ["ERROR", "WARNING", "INFO"] as const;
export type HealthSeverity = (typeof HEALTH_SEVERITIES)[number];

export const HEALTH_OBJECT_TYPES = ["LOCATION", "CALL_PARK"] as const;
export type HealthObjectType = (typeof HEALTH_OBJECT_TYPES)[number];

/**
 * How bad each kind is. ERROR: calls can be lost or a group cannot work. WARNING: it works,
 * but not as an administrator is likely to expect (some members cannot park when all park at
 * once, a setting that does nothing, no room left to grow). INFO: worth knowing.
 */
export const HEALTH_SEVERITY: Record<HealthKind, HealthSeverity> = {
  GROUP_CANNOT_PARK: "ERROR",
  RECALL_WITHOUT_HUNT_GROUP: "ERROR",
  HUNT_GROUP_WITHOUT_AGENTS: "ERROR",
  FEWER_DESTINATIONS_THAN_MEMBERS: "WARNING",
  HUNT_WAIT_UNUSED: "WARNING",
  LOCATION_NEAR_LIMIT: "WARNING",
  EXTENSION_IN_NO_GROUP: "INFO",
};

/** A location holding this many call park extensions or more is near the cap (90% of 100). */
export const NEAR_LIMIT_FROM = Math.ceil(MAX_CALL_PARK_EXTENSIONS_PER_LOCATION * 0.9);

/**
 * How many of a location's call park extensions in no group its finding names (the first, in
 * extension order); the rest it only counts. One finding per location, not per call park
 * extension: an organisation of 1,000 full locations with no groups is 1,000 findings, not 100,000.
 */
export const EXTENSIONS_NAMED = 5;

/** A call park extension a finding names. */
export interface HealthExtension {
  id: string;
  name: string;
  extension: string;
}

/** Where a recall goes when it reaches a hunt group. */
export interface HealthRecall {
  option: RecallOption;
  huntGroupId: string | null;
}

/** A hunt group a recall names. `name` null: the viewer may not see its location (another location's). */
export interface HealthHuntGroup {
  id: string;
  name: string | null;
  locationId: string;
  /** How many agents it has; null when not known (the Webex API of call park does not say). */
  agentCount: number | null;
}

export interface HealthCallPark {
  id: string;
  name: string;
  recall: HealthRecall;
  /** How many members it has. */
  members: number;
  /** How many call park extensions it parks on. */
  callParkExtensions: number;
  parkOnAgentsEnabled: boolean;
}

export interface HealthLocation {
  id: string;
  name: string;
  /** Call Park Settings: the recall of Call Park Direct, and the wait time both kinds use. */
  settings: { recall: HealthRecall; huntWaitTime: number };
  callParkExtensionCount: number;
  /** The location's call park extensions no group parks on, in any order. */
  extensionsInNoGroup: HealthExtension[];
  callParks: HealthCallPark[];
}

export interface HealthInput {
  locations: HealthLocation[];
  /** The hunt groups the recalls name (those not here do not exist). */
  huntGroups: HealthHuntGroup[];
}

interface FindingBase<K extends HealthKind, T extends HealthObjectType> {
  kind: K;
  severity: HealthSeverity;
  locationId: string;
  locationName: string;
  objectType: T;
  objectId: string;
  objectName: string;
}

/** What a recall finding says of the hunt group. */
interface HuntGroupDetails {
  recallOption: RecallOption;
  huntGroupId?: string;
  huntGroupName?: string;
}

export type CallParkHealthFinding =
  | (FindingBase<"GROUP_CANNOT_PARK", "CALL_PARK"> & { members: number })
  | (FindingBase<"FEWER_DESTINATIONS_THAN_MEMBERS", "CALL_PARK"> & { members: number; destinations: number })
  | (FindingBase<"RECALL_WITHOUT_HUNT_GROUP", "LOCATION" | "CALL_PARK"> &
      HuntGroupDetails & { reason: "MISSING" | "OTHER_LOCATION" })
  | (FindingBase<"HUNT_GROUP_WITHOUT_AGENTS", "LOCATION" | "CALL_PARK"> & HuntGroupDetails & { huntGroupId: string })
  | (FindingBase<"HUNT_WAIT_UNUSED", "LOCATION"> & { huntWaitTime: number; recallOption: RecallOption })
  | (FindingBase<"LOCATION_NEAR_LIMIT", "LOCATION"> & { count: number; limit: number })
  | (FindingBase<"EXTENSION_IN_NO_GROUP", "LOCATION"> & { count: number; extensions: HealthExtension[] });

/** Where a recall is set: a location's Call Park Settings, or a group's Recall To. */
type RecallWhere = Pick<FindingBase<HealthKind, "LOCATION" | "CALL_PARK">, "locationId" | "locationName" | "objectType" | "objectId" | "objectName">;

/** The findings about one recall (a location's Call Park Direct, or a group's Recall To). */
function recallFindings(recall: HealthRecall, where: RecallWhere, location: HealthLocation, huntGroups: Map<string, HealthHuntGroup>) {
  const findings: CallParkHealthFinding[] = [];
  if (!needsHuntGroup(recall.option)) return findings;
  const huntGroup = recall.huntGroupId ? huntGroups.get(recall.huntGroupId) : undefined;
  const missing = { kind: "RECALL_WITHOUT_HUNT_GROUP", severity: HEALTH_SEVERITY.RECALL_WITHOUT_HUNT_GROUP, ...where } as const;
  if (!huntGroup) {
    findings.push({ ...missing, recallOption: recall.option, reason: "MISSING" });
    return findings;
  }
  const details = { recallOption: recall.option, huntGroupId: huntGroup.id, ...(huntGroup.name === null ? {} : { huntGroupName: huntGroup.name }) };
  if (huntGroup.locationId !== location.id) findings.push({ ...missing, ...details, reason: "OTHER_LOCATION" });
  if (huntGroup.agentCount === 0) {
    findings.push({ kind: "HUNT_GROUP_WITHOUT_AGENTS", severity: HEALTH_SEVERITY.HUNT_GROUP_WITHOUT_AGENTS, ...where, ...details });
  }
  return findings;
}

function groupFindings(group: HealthCallPark, location: HealthLocation, huntGroups: Map<string, HealthHuntGroup>): CallParkHealthFinding[] {
  const where = { locationId: location.id, locationName: location.name, objectType: "CALL_PARK", objectId: group.id, objectName: group.name } as const;
  const findings: CallParkHealthFinding[] = [];
  // #58 parks on the group's call park extensions, or on its members' own lines when they are its destinations.
  if (!group.parkOnAgentsEnabled && group.callParkExtensions === 0) {
    findings.push({ kind: "GROUP_CANNOT_PARK", severity: HEALTH_SEVERITY.GROUP_CANNOT_PARK, ...where, members: group.members });
  } else if (!group.parkOnAgentsEnabled && group.callParkExtensions < group.members) {
    findings.push({
      kind: "FEWER_DESTINATIONS_THAN_MEMBERS",
      severity: HEALTH_SEVERITY.FEWER_DESTINATIONS_THAN_MEMBERS,
      ...where,
      members: group.members,
      destinations: group.callParkExtensions,
    });
  }
  findings.push(...recallFindings(group.recall, where, location, huntGroups));
  return findings;
}

function locationFindings(location: HealthLocation, huntGroups: Map<string, HealthHuntGroup>): CallParkHealthFinding[] {
  const where = { locationId: location.id, locationName: location.name, objectType: "LOCATION", objectId: location.id, objectName: location.name } as const;
  const { settings } = location;
  const findings: CallParkHealthFinding[] = [...recallFindings(settings.recall, where, location, huntGroups)];
  const groupsUsingWait = location.callParks.filter((g) => usesHuntWaitTime(g.recall.option)).length;
  // As the Call Park Settings form says it: set to a value of its own, and "not in use".
  if (huntWaitTimeSet(settings.huntWaitTime) && !huntWaitTimeInUse(settings.recall.option, groupsUsingWait)) {
    findings.push({
      kind: "HUNT_WAIT_UNUSED",
      severity: HEALTH_SEVERITY.HUNT_WAIT_UNUSED,
      ...where,
      huntWaitTime: settings.huntWaitTime,
      recallOption: settings.recall.option,
    });
  }
  if (location.callParkExtensionCount >= NEAR_LIMIT_FROM) {
    findings.push({
      kind: "LOCATION_NEAR_LIMIT",
      severity: HEALTH_SEVERITY.LOCATION_NEAR_LIMIT,
      ...where,
      count: location.callParkExtensionCount,
      limit: MAX_CALL_PARK_EXTENSIONS_PER_LOCATION,
    });
  }
  for (const group of location.callParks) findings.push(...groupFindings(group, location, huntGroups));
  const inNoGroup = location.extensionsInNoGroup;
  if (inNoGroup.length > 0) {
    findings.push({
      kind: "EXTENSION_IN_NO_GROUP",
      severity: HEALTH_SEVERITY.EXTENSION_IN_NO_GROUP,
      ...where,
      count: inNoGroup.length,
      extensions: [...inNoGroup]
        .sort((a, b) => byCodeUnits(a.extension, b.extension) || byCodeUnits(a.id, b.id))
        .slice(0, EXTENSIONS_NAMED)
        .map(({ id, name, extension }) => ({ id, name, extension })),
    });
  }
  return findings;
}

/** Extension order, as the call park extension list sorts them (the column's own order). */
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const rank = <T>(list: readonly T[], value: T) => list.indexOf(value);
const byText = (a: string, b: string) => {
  const [ka, kb] = [searchKey(a), searchKey(b)];
  return ka < kb ? -1 : ka > kb ? 1 : a < b ? -1 : a > b ? 1 : 0;
};

/** The order findings are listed in: most severe first, then by location, kind, the location before its objects, and name. */
export function compareFindings(a: CallParkHealthFinding, b: CallParkHealthFinding): number {
  return (
    rank(HEALTH_SEVERITIES, a.severity) - rank(HEALTH_SEVERITIES, b.severity) ||
    byText(a.locationName, b.locationName) ||
    byText(a.locationId, b.locationId) ||
    rank(HEALTH_KINDS, a.kind) - rank(HEALTH_KINDS, b.kind) ||
    rank(HEALTH_OBJECT_TYPES, a.objectType) - rank(HEALTH_OBJECT_TYPES, b.objectType) ||
    byText(a.objectName, b.objectName) ||
    byText(a.objectId, b.objectId)
  );
}

/** Every finding of the configuration, in the order of compareFindings. */
export function callParkHealthFindings(input: HealthInput): CallParkHealthFinding[] {
  const huntGroups = new Map(input.huntGroups.map((h) => [h.id, h]));
  return input.locations.flatMap((location) => locationFindings(location, huntGroups)).sort(compareFindings);
}

/** How many findings of each kind (every kind present, zero where none). */
export function countByKind(findings: readonly Pick<CallParkHealthFinding, "kind">[]): Record<HealthKind, number> {
  const counts = Object.fromEntries(HEALTH_KINDS.map((kind) => [kind, 0])) as Record<HealthKind, number>;
  for (const finding of findings) counts[finding.kind] += 1;
  return counts;
}

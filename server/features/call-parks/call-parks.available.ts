import { searchKey } from "@domain/rules/text";
import type { AvailableCallParkExtension, AvailableUser, AvailableUserSortField } from "@domain/schemas/call-park";
import type { OrderKey } from "@domain/schemas/sort-order";
import type { Db } from "@server/db/database";
import { HttpError } from "@server/http/errors";
import { requireLocation } from "@server/features/locations/locations.service";
import * as repo from "./call-parks.repository";

// What the wizard may pick from. Members and hunt groups are filtered and sorted here
// rather than in SQL: a location holds few of them, and the name search is accent-
// and case-insensitive (searchKey), which neither SQLite nor PostgreSQL does portably
// on columns that store no search key.

const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

/** Ascending by text, with missing values last whichever the direction. */
function compareText(a: string | null, b: string | null, direction: "asc" | "desc") {
  if (!a || !b) return a === b ? 0 : a ? -1 : 1;
  return direction === "asc" ? collator.compare(a, b) : collator.compare(b, a);
}

function page<T>(items: T[], start: number, max: number) {
  return { items: items.slice(start, start + max), total: items.length };
}

/** The group whose own members (or call park extensions) count as available: the one being edited. */
async function ownGroup(db: Db, locationId: string, callParkId: string | undefined) {
  if (callParkId === undefined) return undefined;
  if (!(await repo.findCallPark(db, locationId, callParkId))) throw new HttpError("callParkNotFound", { id: callParkId });
  return callParkId;
}

export interface AvailableUsersOptions {
  name?: string;
  phoneNumber?: string;
  order?: OrderKey<AvailableUserSortField>[];
  callParkName?: string;
  callParkId?: string;
  includeAssigned?: boolean;
  start: number;
  max: number;
}

type MemberRow = Awaited<ReturnType<typeof repo.membersIn>>[number];

const SORT_VALUE: Record<AvailableUserSortField, (m: MemberRow) => string | null> = {
  fname: (m) => m.first_name,
  lname: (m) => m.last_name,
  number: (m) => m.phone_number,
  extension: (m) => m.extension,
};

/** A phone number containing the digits typed, or an extension starting with them. */
function matchesNumber(m: MemberRow, typed: string) {
  const digits = typed.replace(/\D/g, "");
  if (!digits) return false;
  return (m.phone_number ?? "").replace(/\D/g, "").includes(digits) || (m.extension ?? "").startsWith(digits);
}

export async function availableUsers(db: Db, locationId: string, o: AvailableUsersOptions) {
  await requireLocation(db, locationId);
  const own = await ownGroup(db, locationId, o.callParkId);
  const ownNameKey = o.callParkName ? searchKey(o.callParkName) : undefined;
  const isOwn = (m: MemberRow) =>
    m.call_park_id !== null && (m.call_park_id === own || searchKey(m.call_park_name ?? "") === ownNameKey);
  const nameKey = o.name ? searchKey(o.name) : undefined;

  const members = (await repo.membersIn(db, locationId)).filter(
    (m) =>
      (m.call_park_id === null || isOwn(m) || o.includeAssigned) &&
      (!nameKey || searchKey(`${m.first_name} ${m.last_name} ${m.display_name}`).includes(nameKey)) &&
      (!o.phoneNumber || matchesNumber(m, o.phoneNumber)),
  );
  const order = o.order?.length ? o.order : undefined;
  members.sort((a, b) => {
    for (const { field, direction } of order ?? []) {
      const result = compareText(SORT_VALUE[field](a), SORT_VALUE[field](b), direction);
      if (result) return result;
    }
    return compareText(a.display_name, b.display_name, "asc") || compareText(a.id, b.id, "asc");
  });
  const { items, total } = page(members, o.start, o.max);
  const agents: AvailableUser[] = items.map((m) => ({
    ...repo.toAgent(m),
    ...(m.call_park_id && !isOwn(m) ? { callParkId: m.call_park_id, callParkName: m.call_park_name ?? "" } : {}),
  }));
  return { agents, total };
}

export async function availableRecallHuntGroups(
  db: Db,
  locationId: string,
  o: { name?: string; order?: OrderKey<"name">[]; start: number; max: number },
) {
  await requireLocation(db, locationId);
  const nameKey = o.name ? searchKey(o.name) : undefined;
  const direction = o.order?.[0]?.direction ?? "asc";
  const groups = (await repo.huntGroupsIn(db, locationId))
    .filter((h) => !nameKey || searchKey(h.name).includes(nameKey))
    .sort((a, b) => compareText(a.name, b.name, direction) || compareText(a.id, b.id, "asc"));
  const { items, total } = page(groups, o.start, o.max);
  return { huntGroups: items, total };
}

export async function availableCallParkExtensions(
  db: Db,
  locationId: string,
  filter: repo.ExtensionFilter,
  start: number,
  max: number,
) {
  await requireLocation(db, locationId);
  const own = await ownGroup(db, locationId, filter.callParkId);
  const { rows, total } = await repo.callParkExtensionsIn(db, locationId, { ...filter, callParkId: own }, start, max);
  const callParkExtensions: AvailableCallParkExtension[] = rows.map((c) => ({
    id: c.id,
    extension: c.extension,
    name: c.name,
    ...(c.call_park_id && c.call_park_id !== own ? { callParkId: c.call_park_id, callParkName: c.call_park_name ?? "" } : {}),
  }));
  return { callParkExtensions, total };
}

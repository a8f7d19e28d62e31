import { z } from "zod";
import { AUDIT_OBJECT_TYPES, AUDIT_ORIGINS, AUDIT_SORT_FIELDS } from "@domain/schemas/audit-event";
import { sortParam } from "@/lib/sort-param";
import { defineListScreen, type ListState } from "@/lib/use-list-state";
import type { AuditEventListParams } from "@/features/audit-events/api/queries";

export const PAGE_SIZE = 100;

/**
 * The filters, sort and page as they live in the URL: one object's history (`objectId`, its
 * exact id), where the change was made (`origin`, Webex mode: in this app or outside it), days
 * as the user picked them (YYYY-MM-DD, their own calendar), the sort (`sort=actorName-asc`,
 * newest first by default; the server sorts), Webex's row offset.
 */
const schema = z.object({
  objectType: z.union([z.enum(AUDIT_OBJECT_TYPES), z.literal("")]).default(""),
  objectId: z.string().default(""),
  actorId: z.string().default(""),
  origin: z.union([z.enum(AUDIT_ORIGINS), z.literal("")]).default(""),
  from: z.string().default(""),
  to: z.string().default(""),
  sort: sortParam(AUDIT_SORT_FIELDS, "time-desc"),
  start: z.coerce.number().int().min(0).default(0),
});

/** What the filter bar sets: the sort belongs to the table's headers, the start to paging. */
export type AuditFilters = Omit<ListState<typeof schema.shape>, "start" | "sort">;

export const auditEventList = defineListScreen({
  schema,
  paging: { param: "start", size: PAGE_SIZE, counts: "rows" },
  toQuery: (state, start): AuditEventListParams => ({
    objectType: state.objectType || undefined,
    objectId: state.objectId || undefined,
    actorId: state.actorId || undefined,
    origin: state.origin || undefined,
    from: localDayBound(state.from, "start"),
    to: localDayBound(state.to, "end"),
    order: state.sort,
    start,
    max: PAGE_SIZE,
  }),
});

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A day of the user's calendar as the exact instant it begins or ends where they are,
 * so "today" means their today, not UTC's. Anything else goes as typed: the server
 * then says what is wrong with it.
 */
function localDayBound(day: string, edge: "start" | "end"): string | undefined {
  if (!day) return undefined;
  const match = DAY.exec(day);
  if (!match) return day;
  const [year, month, date] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  const instant =
    edge === "start" ? new Date(year, month, date, 0, 0, 0, 0) : new Date(year, month, date, 23, 59, 59, 999);
  return Number.isNaN(instant.getTime()) ? day : instant.toISOString();
}

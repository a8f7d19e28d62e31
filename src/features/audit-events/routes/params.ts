import { AUDIT_OBJECT_TYPES, type AuditObjectType } from "@domain/schemas/audit-event";
import type { AuditEventListParams } from "@/features/audit-events/api/queries";

export const PAGE_SIZE = 100;

/** The filters as they live in the URL: days as the user picked them (YYYY-MM-DD, their own calendar). */
export interface AuditFilters {
  objectType: AuditObjectType | "";
  /** One object's history: the exact id of the changed object. */
  objectId: string;
  actorId: string;
  from: string;
  to: string;
}

export const FILTER_KEYS = ["objectType", "objectId", "actorId", "from", "to"] as const;

export function filtersOf(search: URLSearchParams): AuditFilters {
  const objectType = search.get("objectType") ?? "";
  return {
    objectType: (AUDIT_OBJECT_TYPES as readonly string[]).includes(objectType) ? (objectType as AuditObjectType) : "",
    objectId: search.get("objectId") ?? "",
    actorId: search.get("actorId") ?? "",
    from: search.get("from") ?? "",
    to: search.get("to") ?? "",
  };
}

export function startOf(search: URLSearchParams): number {
  const start = Math.floor(Number(search.get("start") ?? 0));
  return Number.isFinite(start) && start > 0 ? start : 0;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A day of the user's calendar as the exact instant it begins or ends where they are,
 * so "today" means their today, not UTC's. Anything else goes as typed: the server
 * then says what is wrong with it.
 */
export function localDayBound(day: string, edge: "start" | "end"): string | undefined {
  if (!day) return undefined;
  const match = DAY.exec(day);
  if (!match) return day;
  const [year, month, date] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  const instant =
    edge === "start" ? new Date(year, month, date, 0, 0, 0, 0) : new Date(year, month, date, 23, 59, 59, 999);
  return Number.isNaN(instant.getTime()) ? day : instant.toISOString();
}

/** The API query for what the URL says. */
export function listParamsOf(search: URLSearchParams): AuditEventListParams {
  const filters = filtersOf(search);
  return {
    objectType: filters.objectType || undefined,
    objectId: filters.objectId || undefined,
    actorId: filters.actorId || undefined,
    from: localDayBound(filters.from, "start"),
    to: localDayBound(filters.to, "end"),
    start: startOf(search),
    max: PAGE_SIZE,
  };
}

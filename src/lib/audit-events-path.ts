/** The audit log's address; features link to it without importing the audit-log feature. */
export const AUDIT_LOG_PATH = "/audit-log";

/** The audit log filtered to one object's history (or one object type), as a link's target. */
export function auditLogPath(filters: { objectId?: string; objectType?: string } = {}): string {
  const search = new URLSearchParams();
  if (filters.objectId) search.set("objectId", filters.objectId);
  if (filters.objectType) search.set("objectType", filters.objectType);
  const query = search.toString();
  return query ? `${AUDIT_LOG_PATH}?${query}` : AUDIT_LOG_PATH;
}

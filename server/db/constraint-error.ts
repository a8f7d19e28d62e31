// Recognises the database's own refusals (unique keys, CHECK constraints), so a
// race that slips past the service's checks still ends in a clear 409, not a 500.
// SQLite reports them as SQLITE_CONSTRAINT_*, PostgreSQL as SQLSTATE 23505/23514.

export type ConstraintKind = "unique" | "check" | "foreignKey";

export interface ConstraintViolation {
  kind: ConstraintKind;
  /** The constraint's name or the columns involved, as the database said it. */
  detail: string;
}

export function constraintViolation(error: unknown): ConstraintViolation | undefined {
  if (!error || typeof error !== "object") return undefined;
  const { code, message = "", constraint } = error as { code?: string; message?: string; constraint?: string };
  if (code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY" || code === "23505") {
    return { kind: "unique", detail: constraint ?? message };
  }
  if (code === "SQLITE_CONSTRAINT_CHECK" || code === "23514") return { kind: "check", detail: constraint ?? message };
  if (code === "SQLITE_CONSTRAINT_FOREIGNKEY" || code === "23503") {
    return { kind: "foreignKey", detail: constraint ?? message };
  }
  return undefined;
}

/**
 * A refusal PostgreSQL makes of the data itself (SQLSTATE class 22: a NUL character, a
 * malformed value) or of a transaction still conflicting after its retries (40001, 40P01):
 * the request's fault or a race, never the server's. SQLite stores what it is given.
 */
export function databaseRefusal(error: unknown): "invalidEncoding" | "badRequest" | "conflict" | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== "string" || !/^[0-9A-Z]{5}$/.test(code)) return undefined;
  if (code === "22021" || code === "22P05") return "invalidEncoding";
  if (code.startsWith("22")) return "badRequest";
  if (code === "40001" || code === "40P01") return "conflict";
  return undefined;
}

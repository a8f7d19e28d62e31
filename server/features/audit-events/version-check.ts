import type { Kysely } from "kysely";
import type { Database } from "@server/db/schema";
import { HttpError } from "@server/http/errors";
import { etagOf, type IfMatch, matchesStrongly } from "@server/http/versions";
import { lastChangeOf } from "./audit-events.repository";

/**
 * A write sent with `If-Match` goes ahead only on the version the caller read: `current`
 * is the object as its GET answers it now. Otherwise 412, naming who changed it last and
 * when, from the audit log (a change with no entry of its own — a call park extension
 * deleted from a group — is told without a name). Without `If-Match`, as Webex, no check.
 */
export async function assertVersion(db: Kysely<Database>, ifMatch: IfMatch | undefined, current: unknown, objectId: string) {
  if (ifMatch === undefined || matchesStrongly(etagOf(current), ifMatch)) return;
  const last = await lastChangeOf(db, objectId);
  throw new HttpError("changedMeanwhile", last ? { context: "known", name: last.actor_name, at: last.occurred_at } : {});
}

import { extensionsNear, takeBatch } from "@domain/rules/numbering-plan";
import type { SuggestExtensionsResult } from "@domain/schemas/extension-suggestions";
import type { Db } from "@server/db/database";
import { validateExtensions } from "./call-park-extensions.service";

/** Candidates asked about at once: Webex's validateExtensions takes at most 500 a call. */
export const SUGGEST_BATCH = 500;
/**
 * Candidates asked about at most, per request: the whole range of a four-digit plan, 20
 * batches (in Webex mode, 20 calls to Webex). Past it the answer has what was found, which
 * may be fewer than asked for, or none, where the numbers around `near` are all held.
 */
export const SUGGEST_SCAN_MAX = 10_000;

/**
 * The `count` extensions nearest to `near`, of its length, free in the location's numbering
 * plan. Each batch of candidates is checked by validateExtensions itself, so "free" means
 * here what it means there, in standalone mode (the local plan) and in Webex mode (Webex's
 * own answer, which knows numbers the mirror does not); it stops at `count` found. Those in
 * `exclude` (what a bulk import's other rows are about to create) are left out unasked,
 * though they count among the candidates scanned.
 */
export async function suggestExtensions(
  db: Db,
  locationId: string,
  near: string,
  count: number,
  {
    batchSize = SUGGEST_BATCH,
    scanMax = SUGGEST_SCAN_MAX,
    exclude = [],
  }: { batchSize?: number; scanMax?: number; exclude?: readonly string[] } = {},
): Promise<SuggestExtensionsResult> {
  const candidates = extensionsNear(near);
  const excluded = new Set(exclude);
  const found: string[] = [];
  let scanned = 0;
  while (found.length < count && scanned < scanMax) {
    const next = takeBatch(candidates, Math.min(batchSize, scanMax - scanned));
    if (next.length === 0) break;
    scanned += next.length;
    const batch = next.filter((e) => !excluded.has(e));
    if (batch.length === 0) continue;
    const { extensionStatus } = await validateExtensions(db, locationId, batch);
    // Matched by number, not position: the nearest-first order is ours to keep.
    const free = new Set(extensionStatus.filter((s) => s.state === "VALID").map((s) => s.extension));
    found.push(...batch.filter((e) => free.has(e)).slice(0, count - found.length));
  }
  return { extensions: found };
}

import { z } from "zod";

/** Webex's `orgId` query parameter: the organisation a call acts on (a partner's customer). */
export const orgIdSchema = z.string().max(500).optional();

/** The query of an operation that takes nothing but Webex's `orgId`. */
export const orgQuerySchema = z.object({ orgId: orgIdSchema });

/**
 * A query schema that also takes Webex's `orgId`, for the operations whose own query does
 * not name it. `safeExtend` keeps the schema's refinements (the audit log's date range).
 */
export function withOrgId<Shape extends z.core.$ZodLooseShape, Config extends z.core.$ZodObjectConfig>(
  schema: z.ZodObject<Shape, Config>,
) {
  // Widened for the call only: safeExtend's generic check cannot see that Shape has no orgId.
  const extended = (schema as z.ZodObject).safeExtend({ orgId: orgIdSchema });
  return extended as unknown as z.ZodObject<z.core.util.Extend<Shape, { orgId: typeof orgIdSchema }>, Config>;
}

import { z } from "zod";

/** Webex's `orgId` query parameter: the organisation a call acts on (a partner's customer). */
export const orgIdSchema = z.string().max(500).optional();

/** The query of an operation that takes nothing but Webex's `orgId`. */
export const orgQuerySchema = z.object({ orgId: orgIdSchema });

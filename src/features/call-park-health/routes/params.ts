import { z } from "zod";
import { HEALTH_KINDS } from "@domain/rules/call-park-health";
import { defineListScreen, type ListState } from "@/lib/use-list-state";
import type { CallParkHealthParams } from "@/features/call-park-health/api/queries";

export const PAGE_SIZE = 50;

const schema = z.object({
  location: z.string().default(""),
  kind: z.union([z.enum(HEALTH_KINDS), z.literal("")]).default(""),
  page: z.coerce.number().int().min(1).default(1),
});

export type HealthFilters = Omit<ListState<typeof schema.shape>, "page">;

/**
 * The location and kind filters and the page, in the URL. The server is asked for the
 * location's findings (every kind: the counts on top show them all); the kind and the page
 * are applied on screen.
 */
export const healthList = defineListScreen({
  schema,
  paging: { param: "page", size: PAGE_SIZE, counts: "pages" },
  toQuery: (state): CallParkHealthParams => ({ locationId: state.location || undefined }),
});

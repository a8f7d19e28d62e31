import { orgIdSchema } from "./org-query";
import { z } from "zod";
import { pageSize, pagingQuery } from "./paging";
import { searchText } from "./text";
import { sortOrder } from "./sort-order";

/** A location as GET /v1/locations answers (the fields of Webex's location object used here). */
export const locationSchema = z.object({
  id: z.string(),
  name: z.string(),
  orgId: z.string(),
  address: z.object({
    address1: z.string(),
    address2: z.string().optional(),
    city: z.string(),
    state: z.string(),
    postalCode: z.string(),
    country: z.string(),
  }),
  timeZone: z.string(),
  preferredLanguage: z.string(),
  announcementLanguage: z.string(),
  latitude: z.string().optional(),
  longitude: z.string().optional(),
  notes: z.string().optional(),
});
export type Location = z.output<typeof locationSchema>;

/**
 * Our addition to a location, asked for with `include=callParkCounts`: how many call
 * park extensions and call park groups it holds, and how many of those groups recall
 * to the parking user first, then a hunt group (so use the Alert Hunt Group Wait Time).
 */
export const callParkCountsSchema = z.object({
  callParkExtensions: z.number(),
  callParks: z.number(),
  callParksUsingHuntWaitTime: z.number(),
});
export type CallParkCounts = z.output<typeof callParkCountsSchema>;

export const locationWithCountsSchema = locationSchema.extend({ callParkCounts: callParkCountsSchema.optional() });
export type LocationWithCounts = z.output<typeof locationWithCountsSchema>;

export const locationListSchema = z.object({ items: z.array(locationWithCountsSchema) });

/** `include=callParkCounts` adds `callParkCounts` to each location; without it the answer is Webex's. */
export const locationIncludeSchema = z.enum(["callParkCounts"]).optional();

export const LOCATION_SORT_FIELDS = ["name", "callParkExtensions"] as const;
export type LocationSortField = (typeof LOCATION_SORT_FIELDS)[number];

/**
 * Our addition (Webex's locations list has no `order`): `order=callParkExtensions-desc`
 * sorts by how many call park extensions each location holds, `order=name-desc` by name.
 * Without it the list is by name, as Webex's.
 */
export const locationOrderSchema = sortOrder<LocationSortField>(
  { name: "name", callparkextensions: "callParkExtensions" },
  { maxKeys: 2 },
);

export const locationListQuerySchema = z.object({
  name: searchText,
  order: locationOrderSchema.optional(),
  id: z.string().max(500).optional(),
  orgId: orgIdSchema,
  include: locationIncludeSchema,
  ...pagingQuery,
  max: pageSize({ fallback: 500 }),
});
export type LocationListQuery = z.input<typeof locationListQuerySchema>;

export const organizationSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  created: z.string(),
});
export type Organization = z.output<typeof organizationSchema>;
export const organizationListSchema = z.object({ items: z.array(organizationSchema) });

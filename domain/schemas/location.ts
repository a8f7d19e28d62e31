import { z } from "zod";
import { pagingQuery } from "./paging";
import { searchText } from "./text";

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

export const locationListSchema = z.object({ items: z.array(locationSchema) });

export const locationListQuerySchema = z.object({
  name: searchText,
  id: z.string().max(500).optional(),
  orgId: z.string().max(500).optional(),
  ...pagingQuery,
  max: pagingQuery.max.default(500),
});
export type LocationListQuery = z.input<typeof locationListQuerySchema>;

export const organizationSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  created: z.string(),
});
export type Organization = z.output<typeof organizationSchema>;
export const organizationListSchema = z.object({ items: z.array(organizationSchema) });

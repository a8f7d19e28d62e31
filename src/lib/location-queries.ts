import { queryOptions } from "@tanstack/react-query";
import { api } from "@domain/api/addresses";
import type { LocationListQuery, LocationWithCounts } from "@domain/schemas/location";
import { callApi, callApiPage, callVersioned } from "./api-client";
import { queryRoots } from "./query-keys";

/** How many locations a picker shows for what the administrator has typed. */
export const LOCATION_SEARCH_PAGE = 20;

/** What a picker shows of a location: its name and how many call park extensions it holds (to say when it is full). */
export interface PickerLocation {
  id: string;
  name: string;
  callParkExtensions?: number;
}

const pickerLocation = ({ id, name, callParkCounts }: LocationWithCounts): PickerLocation => ({
  id,
  name,
  callParkExtensions: callParkCounts?.callParkExtensions,
});

// Locations and the organisation are read by several features, so their queries
// live here rather than in one feature.
export const locationQueries = {
  all: () => queryRoots.locations,
  /** Every location (a filter's choices, names by id): one query, fetched once and shared. */
  list: (query: Pick<LocationListQuery, "name" | "start" | "max"> = {}) =>
    queryOptions({
      queryKey: [...locationQueries.all(), "list", query] as const,
      queryFn: ({ signal }) => callApiPage(api.locations.list, { query: { max: 1000, ...query }, signal }),
      staleTime: 5 * 60_000,
    }),
  /** A picker's choices: the first page of the locations whose name holds `name`, searched by the server, with their counts. */
  search: (name: string) =>
    queryOptions({
      queryKey: [...locationQueries.all(), "search", name] as const,
      queryFn: async ({ signal }) => {
        const page = await callApiPage(api.locations.list, {
          query: { name: name || undefined, max: LOCATION_SEARCH_PAGE, include: "callParkCounts" },
          signal,
        });
        return { items: page.items.map(pickerLocation), total: page.total };
      },
      staleTime: 5 * 60_000,
      placeholderData: (previous) => previous,
    }),
  /** One location's id, name and count (a picker's chosen location, shown before any search), or null when there is none. */
  named: (locationId: string) =>
    queryOptions({
      queryKey: [...locationQueries.all(), "named", locationId] as const,
      queryFn: async ({ signal }) => {
        const page = await callApiPage(api.locations.list, { query: { id: locationId, max: 1, include: "callParkCounts" }, signal });
        const found = page.items.find((l) => l.id === locationId);
        return found ? pickerLocation(found) : null;
      },
      staleTime: 5 * 60_000,
    }),
  /**
   * A location's Call Park Settings as they are now, with their version: the settings form
   * edits them, a group's side panel says the recall timers its group follows. One query, so
   * a save refreshes both.
   */
  callParkSettings: (locationId: string) =>
    queryOptions({
      queryKey: [...locationQueries.all(), "callParkSettings", locationId] as const,
      queryFn: ({ signal }) => latestCallParkSettings(locationId, signal),
    }),
  detail: (locationId: string) =>
    queryOptions({
      queryKey: [...locationQueries.all(), "detail", locationId] as const,
      queryFn: async ({ signal }) => (await callApi(api.locations.get, { params: { locationId }, signal })).data,
    }),
  /**
   * The location's hunt groups a parked call can be recalled to (Webex's
   * availableRecallHuntGroups): one fetcher for the group editor and Call Park Settings.
   */
  recallHuntGroups: (locationId: string) =>
    queryOptions({
      queryKey: [...locationQueries.all(), "recallHuntGroups", locationId] as const,
      queryFn: async ({ signal }) =>
        (await callApi(api.callParks.availableRecallHuntGroups, { params: { locationId }, query: { max: 1000 }, signal }))
          .data.huntGroups,
      staleTime: 5 * 60_000,
    }),
};

export const organizationQueries = {
  current: () =>
    queryOptions({
      queryKey: ["organizations", "current"] as const,
      queryFn: async ({ signal }) => (await callApi(api.organizations.list, { signal })).data.items[0] ?? null,
      staleTime: Infinity,
    }),
};

/** The location's Call Park Settings as they are now, with their version. */
export function latestCallParkSettings(locationId: string, signal?: AbortSignal) {
  return callVersioned(api.callParkSettings.get, { params: { locationId }, signal });
}

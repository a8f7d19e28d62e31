import { queryOptions } from "@tanstack/react-query";
import type { Location, Organization } from "@domain/schemas/location";
import { apiPage, apiRequest } from "./api-client";
import { queryRoots } from "./query-keys";

// Locations and the organisation are read by several features, so their queries
// live here rather than in one feature.
export const locationQueries = {
  all: () => queryRoots.locations,
  list: (query: { name?: string; start?: number; max?: number } = {}) =>
    queryOptions({
      queryKey: [...locationQueries.all(), "list", query] as const,
      queryFn: ({ signal }) => apiPage<Location, "items">("/v1/locations", "items", { max: 1000, ...query }, signal),
      staleTime: 5 * 60_000,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...locationQueries.all(), "detail", id] as const,
      queryFn: async ({ signal }) =>
        (await apiRequest<Location>(`/v1/locations/${encodeURIComponent(id)}`, { signal })).data,
    }),
};

export const organizationQueries = {
  current: () =>
    queryOptions({
      queryKey: ["organizations", "current"] as const,
      queryFn: async ({ signal }) =>
        (await apiRequest<{ items: Organization[] }>("/v1/organizations", { signal })).data.items[0] ?? null,
      staleTime: Infinity,
    }),
};

import { queryOptions, useMutation } from "@tanstack/react-query";
import { api } from "@domain/api/addresses";
import type { SimulationRequest } from "@domain/schemas/simulation";
import { callApi } from "@/lib/api-client";
import { queryRoots } from "@/lib/query-keys";

// The simulator's keys sit under the locations root: whatever refreshes a location's
// configuration (a group saved, settings changed) refreshes who can take part.
export const simulationQueries = {
  all: () => [...queryRoots.locations, "simulation"] as const,
  /**
   * Who can dial and where calls can park: a simulation with no steps answers the
   * participants and destinations and no events.
   */
  cast: (locationId: string) =>
    queryOptions({
      queryKey: [...simulationQueries.all(), locationId, "cast"] as const,
      queryFn: async ({ signal }) =>
        (await callApi(api.callParks.simulate, { params: { locationId }, body: { steps: [] }, signal })).data,
    }),
  /** A form's preview: its script played with the form's values as overrides (nothing when `body` is undefined). */
  preview: (locationId: string, body: SimulationRequest | undefined) =>
    queryOptions({
      queryKey: [...simulationQueries.all(), locationId, "preview", body] as const,
      queryFn: async ({ signal }) => (await callApi(api.callParks.simulate, { params: { locationId }, body: body!, signal })).data,
      // A refusal is the form's values', shown beside the timeline: asking again changes nothing.
      retry: false,
    }),
};

/**
 * Plays a script. A mutation rather than a query: each Play is the admin's own request, and
 * a refusal with field issues goes back on its step's row (the cache toasts only the rest).
 */
export function usePlaySimulation(locationId: string) {
  return useMutation({
    mutationFn: async (body: SimulationRequest) =>
      (await callApi(api.callParks.simulate, { params: { locationId }, body })).data,
  });
}

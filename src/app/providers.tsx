import { QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, Suspense } from "react";
import { LocationTabSlotsContext } from "@/lib/location-tab-slots";
import { queryClient } from "@/lib/query-client";
import { SimulationPreviewContext } from "@/lib/simulation-preview-slot";
import { LOCATION_TAB_SLOTS, SIMULATION_PREVIEW } from "./location-tab-slots";

export function Providers({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <LocationTabSlotsContext.Provider value={LOCATION_TAB_SLOTS}>
        <SimulationPreviewContext.Provider value={SIMULATION_PREVIEW}>
          <Suspense fallback={null}>{children}</Suspense>
        </SimulationPreviewContext.Provider>
      </LocationTabSlotsContext.Provider>
    </QueryClientProvider>
  );
}

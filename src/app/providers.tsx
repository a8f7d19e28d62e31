import { QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, Suspense } from "react";
import { LocationTabSlotsContext } from "@/lib/location-tab-slots";
import { queryClient } from "@/lib/query-client";
import { LOCATION_TAB_SLOTS } from "./location-tab-slots";

export function Providers({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <LocationTabSlotsContext.Provider value={LOCATION_TAB_SLOTS}>
        <Suspense fallback={null}>{children}</Suspense>
      </LocationTabSlotsContext.Provider>
    </QueryClientProvider>
  );
}

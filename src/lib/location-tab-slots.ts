import { type ComponentType, createContext, useContext } from "react";

// Tabs of a location's page that other features own (the Simulator: features/simulation). The
// app puts them here (app/providers.tsx), loaded when first shown, so that the locations
// feature shows them without importing another feature.

export interface LocationTabSlots {
  simulator?: ComponentType<{ locationId: string }>;
}

export const LocationTabSlotsContext = createContext<LocationTabSlots>({});

export const useLocationTabSlots = () => useContext(LocationTabSlotsContext);

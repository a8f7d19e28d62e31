import { lazy } from "react";
import type { LocationTabSlots } from "@/lib/location-tab-slots";

/** The location page's tabs owned by other features, each loaded when first shown. */
export const LOCATION_TAB_SLOTS: LocationTabSlots = {
  simulator: lazy(() => import("@/features/simulation").then((module) => ({ default: module.SimulatorTab }))),
};

/** The simulator's preview in the Call Park Settings form and a group's side panel, loaded when first shown. */
export const SIMULATION_PREVIEW = lazy(() => import("@/features/simulation").then((module) => ({ default: module.SimulationPreview })));

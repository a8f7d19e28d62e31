import { type ComponentType, createContext, useContext } from "react";
import type { SimulationRequest } from "@domain/schemas/simulation";

// The simulator's preview of a form's values (features/simulation), shown inside the Call Park
// Settings form and a call park group's side panel. The app puts it here (app/providers.tsx),
// loaded when first shown, so that those forms show it without importing another feature.

/** Whose park the preview plays: one person's *68 (the location's recall), or a group's members' #58 (the group's). */
export type PreviewPark = { kind: "direct" } | { kind: "group"; callParkId: string; memberIds: readonly string[] };

export interface SimulationPreviewProps {
  locationId: string;
  park: PreviewPark;
  /**
   * The form's values as the save would send them (the simulator's overrides); undefined
   * while a value is one the form refuses, so that nothing is played with it.
   */
  overrides: NonNullable<SimulationRequest["overrides"]> | undefined;
  /** Whether the form holds changes not saved yet (the preview then says so). */
  unsaved: boolean;
}

export const SimulationPreviewContext = createContext<ComponentType<SimulationPreviewProps> | null>(null);

export const useSimulationPreview = () => useContext(SimulationPreviewContext);

import { type ComponentType, createContext, Suspense, useContext, useId, useState } from "react";
import { useTranslation } from "@/lib/use-translation";
import type { SimulationRequest } from "@domain/schemas/simulation";
import { LoadingState } from "@/components/states";

// The simulator's preview of a form's values (features/simulation), shown inside the Call Park
// Settings form and a call park group's side panel. The app puts the simulator's part here
// (app/providers.tsx), loaded when the administrator first opens it, so that those forms show it
// without importing another feature. The button that opens it is drawn here, with the form:
// nothing appears late beside the form's own buttons and moves them.

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

/**
 * "Preview on a timeline": closed until the administrator opens it; open, the simulator's
 * preview of the form's values. Nothing where the app provides no simulator.
 */
export function SimulationPreviewSlot(props: SimulationPreviewProps) {
  const Preview = useContext(SimulationPreviewContext);
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const id = useId();
  if (!Preview) return null;
  return (
    <section className="sim-preview" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`} className="sim-preview-title">
        <button type="button" className="btn btn-secondary btn-small" aria-expanded={open} aria-controls={`${id}-body`} onClick={() => setOpen(!open)}>
          {t("simulationPreview.toggle")}
        </button>
      </h4>
      <div id={`${id}-body`} hidden={!open}>
        {open && (
          <Suspense fallback={<LoadingState />}>
            <Preview {...props} />
          </Suspense>
        )}
      </div>
    </section>
  );
}

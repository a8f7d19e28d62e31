import { type Dispatch, type SetStateAction, useEffect, useState } from "react";
import { flushSync } from "react-dom";
import type { FieldErrors, UseFormReturn } from "react-hook-form";
import type { Key } from "react-aria-components";
import type { CallParkForm } from "@/features/call-parks/api/types";
import { type PanelPartId, partsOf } from "./panel-parts";

/** Which parts are open, and how to change that: a `useState` pair. */
export type OpenParts = [ReadonlySet<Key>, Dispatch<SetStateAction<ReadonlySet<Key>>>];

/** The parts that hold a field with an error. */
export function partsWithErrors(errors: FieldErrors<CallParkForm>): PanelPartId[] {
  return partsOf(Object.keys(errors).map((field) => [field]));
}

/**
 * Which parts are open: those the administrator opened, and always those with an error
 * (so it is seen) or with unsaved changes (so an edit is never tucked out of sight).
 */
export function useExpandedParts(form: UseFormReturn<CallParkForm>, kept?: OpenParts) {
  const { errors, dirtyFields } = form.formState;
  const own = useState<ReadonlySet<Key>>(new Set());
  const [chosen, setChosen] = kept ?? own;
  const withErrors = partsWithErrors(errors);
  const dirty = partsOf(
    Object.entries(dirtyFields)
      .filter(([, value]) => hasTrue(value))
      .map(([field]) => [field]),
  );
  const forced = [...withErrors, ...dirty];
  // A part opened by an error stays open once the error is fixed, as the administrator is working in it.
  const errorKey = withErrors.join();
  useEffect(() => {
    if (errorKey) setChosen((open) => new Set([...open, ...errorKey.split(",")]));
  }, [errorKey, setChosen]);
  return {
    expanded: new Set<Key>([...chosen, ...forced]),
    onExpandedChange: (keys: Set<Key>) => setChosen(new Set([...keys, ...forced])),
    /** Opens these parts at once (their fields in the page before the caller moves focus). */
    open: (parts: PanelPartId[]) => {
      if (parts.length) flushSync(() => setChosen((open) => new Set([...open, ...parts])));
    },
  };
}

/** Whether react-hook-form's dirty marks (a boolean, or a tree of them) hold any change. */
function hasTrue(value: unknown): boolean {
  if (value === true) return true;
  if (Array.isArray(value)) return value.some(hasTrue);
  if (value && typeof value === "object") return Object.values(value).some(hasTrue);
  return false;
}

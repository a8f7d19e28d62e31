import { type ReactNode, Suspense, useState } from "react";

/**
 * Draws `children` from the first time `when` is true, and from then on (a dialog closes as it
 * always does), in a Suspense of its own: lazy parts inside load their code when first wanted,
 * not with the screen.
 */
export function OnceWanted({ when, children }: { when: boolean; children: ReactNode }) {
  const [wanted, setWanted] = useState(when);
  if (when && !wanted) setWanted(true);
  if (!wanted) return null;
  return <Suspense fallback={null}>{children}</Suspense>;
}

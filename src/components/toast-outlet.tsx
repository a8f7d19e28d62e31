import { lazy, Suspense, useState, useSyncExternalStore } from "react";
import { toastQueue } from "@/lib/toast";

// The toast region is react-aria's overlay code: it loads with the first toast, not with the screen.
const ToastRegionView = lazy(() => import("./toast-region").then((m) => ({ default: m.ToastRegionView })));

const subscribe = (onChange: () => void) => toastQueue.subscribe(onChange);
const anyToast = () => toastQueue.visibleToasts.length > 0;

/** Where toasts show: nothing until the first one, then the region (kept for the ones after). */
export function ToastOutlet() {
  const showing = useSyncExternalStore(subscribe, anyToast, () => false);
  const [needed, setNeeded] = useState(showing);
  if (showing && !needed) setNeeded(true);
  if (!needed) return null;
  return (
    <Suspense fallback={null}>
      <ToastRegionView />
    </Suspense>
  );
}

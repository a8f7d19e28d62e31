import { lazy, useSyncExternalStore } from "react";
import { toastQueue } from "@/lib/toast";
import { OnceWanted } from "./once-wanted";

// The toast region is react-aria's overlay code: it loads with the first toast, not with the screen.
const ToastRegionView = lazy(() => import("./toast-region").then((m) => ({ default: m.ToastRegionView })));

const subscribe = (onChange: () => void) => toastQueue.subscribe(onChange);
const anyToast = () => toastQueue.visibleToasts.length > 0;

/** Where toasts show: nothing until the first one, then the region (kept for the ones after). */
export function ToastOutlet() {
  const showing = useSyncExternalStore(subscribe, anyToast, () => false);
  return (
    <OnceWanted when={showing}>
      <ToastRegionView />
    </OnceWanted>
  );
}

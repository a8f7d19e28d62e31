import { UNSTABLE_ToastQueue as ToastQueue } from "react-aria-components";

export interface ToastContent {
  title: string;
  description?: string;
  tone: "success" | "error";
  /** An error's tracking ID, shown with a copy button for the admin to quote. */
  trackingId?: string;
}

/** The one toast queue; only the query client's caches add to it. */
export const toastQueue = new ToastQueue<ToastContent>({ maxVisibleToasts: 3 });

export function showToast(content: ToastContent) {
  toastQueue.add(content, { timeout: content.tone === "error" ? 8000 : 5000 });
}

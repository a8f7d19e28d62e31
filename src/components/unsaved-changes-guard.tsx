import { type RefObject, useEffect } from "react";
import { useNavigationBlocker } from "@/lib/history-router";
import { ConfirmDialog } from "./confirm-dialog";

/** What the question says, in the words of the screen that asks it. */
export interface UnsavedChangesMessages {
  title: string;
  body: string;
  leave: string;
  stay: string;
}

/**
 * While `when` holds, leaving the page asks first: a link, a tab, Back, or closing a panel
 * (which navigates) inside the app opens a confirmation; closing or reloading the tab gets
 * the browser's own question. `leaving`, when set, lets the screen's own way out (after a
 * save or a delete) go without asking.
 */
export function UnsavedChangesGuard({
  when,
  messages,
  leaving,
}: {
  when: boolean;
  messages: UnsavedChangesMessages;
  leaving?: RefObject<boolean>;
}) {
  const blocker = useNavigationBlocker(
    ({ currentLocation, nextLocation }) => when && !leaving?.current && currentLocation.pathname !== nextLocation.pathname,
  );

  useEffect(() => {
    if (!when) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers need returnValue set to show the prompt.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [when]);

  return (
    <ConfirmDialog
      isOpen={blocker.state === "blocked"}
      title={messages.title}
      confirmLabel={messages.leave}
      cancelLabel={messages.stay}
      onConfirm={() => (blocker.state === "blocked" ? blocker.proceed() : undefined)}
      onCancel={() => (blocker.state === "blocked" ? blocker.reset() : undefined)}
    >
      <p>{messages.body}</p>
    </ConfirmDialog>
  );
}

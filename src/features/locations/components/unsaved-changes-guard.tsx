import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useBlocker } from "react-router";
import { ConfirmDialog } from "@/components/confirm-dialog";

/**
 * While `when` holds, leaving the page asks first: a link, a tab or Back inside the app
 * opens a confirmation; closing or reloading the tab gets the browser's own question.
 */
export function UnsavedChangesGuard({ when }: { when: boolean }) {
  const { t } = useTranslation(["locations"]);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => when && currentLocation.pathname !== nextLocation.pathname,
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
      title={t("callParkSettings.unsaved.title")}
      confirmLabel={t("callParkSettings.unsaved.leave")}
      cancelLabel={t("callParkSettings.unsaved.stay")}
      onConfirm={() => blocker.proceed?.()}
      onCancel={() => blocker.reset?.()}
    >
      <p>{t("callParkSettings.unsaved.body")}</p>
    </ConfirmDialog>
  );
}

import { type RefObject, useEffect, useRef } from "react";
import { useTranslation } from "@/lib/use-translation";
import {
  Button,
  Text,
  UNSTABLE_Toast as Toast,
  UNSTABLE_ToastContent as ToastContent,
  UNSTABLE_ToastRegion as ToastRegion,
} from "react-aria-components";
import { toastQueue } from "@/lib/toast";
import { Icon } from "./icon";
import { TrackingId } from "./states";
import "./toast-region.css";

/** Keeps --toast-space at the toasts' height (0 without any), so narrow layouts can keep their controls clear of them. */
function useToastSpace(region: RefObject<HTMLDivElement | null>) {
  useEffect(() => {
    const root = document.documentElement;
    const measure = () => {
      const height = region.current?.getBoundingClientRect().height ?? 0;
      root.style.setProperty("--toast-space", height ? `${Math.ceil(height) + 16}px` : "0px");
    };
    const observer = typeof ResizeObserver === "function" ? new ResizeObserver(measure) : undefined;
    const watchRegion = () => {
      observer?.disconnect();
      if (region.current) observer?.observe(region.current);
      measure();
    };
    const unsubscribe = toastQueue.subscribe(() => requestAnimationFrame(watchRegion));
    watchRegion();
    return () => {
      unsubscribe();
      observer?.disconnect();
      root.style.removeProperty("--toast-space");
    };
  }, [region]);
}

export function ToastRegionView() {
  const { t } = useTranslation();
  const region = useRef<HTMLDivElement>(null);
  useToastSpace(region);
  return (
    <ToastRegion ref={region} queue={toastQueue} className="toast-region" aria-label={t("toast.region")}>
      {({ toast }) => (
        <Toast toast={toast} className={`toast toast-${toast.content.tone}`}>
          <Icon name={toast.content.tone === "success" ? "checkCircle" : "warning"} size={20} />
          <ToastContent className="toast-content">
            <Text slot="title">{toast.content.title}</Text>
            {toast.content.description && <Text slot="description">{toast.content.description}</Text>}
            <TrackingId id={toast.content.trackingId} />
          </ToastContent>
          <Button slot="close" className="icon-button" aria-label={t("actions.dismiss")}>
            <Icon name="cancel" />
          </Button>
        </Toast>
      )}
    </ToastRegion>
  );
}

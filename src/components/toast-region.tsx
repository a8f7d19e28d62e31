import { useTranslation } from "react-i18next";
import {
  Button,
  Text,
  UNSTABLE_Toast as Toast,
  UNSTABLE_ToastContent as ToastContent,
  UNSTABLE_ToastRegion as ToastRegion,
} from "react-aria-components";
import { toastQueue } from "@/lib/toast";
import { Icon } from "./icon";

export function ToastRegionView() {
  const { t } = useTranslation();
  return (
    <ToastRegion queue={toastQueue} className="toast-region" aria-label={t("toast.region")}>
      {({ toast }) => (
        <Toast toast={toast} className={`toast toast-${toast.content.tone}`}>
          <Icon name={toast.content.tone === "success" ? "checkCircle" : "warning"} size={20} />
          <ToastContent className="toast-content">
            <Text slot="title">{toast.content.title}</Text>
            {toast.content.description && <Text slot="description">{toast.content.description}</Text>}
          </ToastContent>
          <Button slot="close" className="icon-button" aria-label={t("actions.dismiss")}>
            <Icon name="cancel" />
          </Button>
        </Toast>
      )}
    </ToastRegion>
  );
}

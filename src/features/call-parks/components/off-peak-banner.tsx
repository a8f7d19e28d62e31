import { useTranslation } from "@/lib/use-translation";
import { Icon } from "@/components/icon";

/** Webex's advice before call park configuration changes. */
export function OffPeakBanner() {
  const { t } = useTranslation("callParkGroups");
  return (
    <div className="banner banner-warning" role="note">
      <Icon name="warning" size={20} />
      <p>
        <strong>{t("offPeak.title")}</strong> {t("offPeak.body")}
      </p>
    </div>
  );
}

import { useTranslation } from "@/lib/use-translation";
import type { GatewayStatus } from "@domain/schemas/gateway-status";
import { Icon } from "@/components/icon";

/** The banners themselves (see GatewayBanner); default export for React.lazy. */
export default function GatewayBanners({ status }: { status: GatewayStatus }) {
  const { t } = useTranslation("gateway");
  const count = status.missingScopes.length;
  return (
    <>
      {(status.credential === "expired" || status.credential === "invalid") && (
        <div className="banner banner-error gateway-banner" role="alert">
          <Icon name="warning" size={20} />
          <div className="gateway-banner-body">
            <p>
              <strong>{t("banner.credential.title")}</strong> {t(`banner.credential.${status.credential}`)}
            </p>
            <p>{t("banner.credential.action")}</p>
          </div>
        </div>
      )}
      {status.readOnly && (
        <div className="banner banner-warning gateway-banner" role="status">
          <Icon name="warning" size={20} />
          <div className="gateway-banner-body">
            <p>
              <strong>{t("banner.readOnly.title")}</strong> {t("banner.readOnly.reason", { count })}
            </p>
            {count > 0 && (
              <ul>
                {status.missingScopes.map((scope) => (
                  <li key={scope}>
                    <code>{scope}</code>
                  </li>
                ))}
              </ul>
            )}
            <p>{t("banner.readOnly.action", { count })}</p>
          </div>
        </div>
      )}
    </>
  );
}

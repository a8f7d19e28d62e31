import { Fragment, type ReactNode } from "react";
import { CallParkExtensionUsage } from "@/components/usage-meter";
import { useTranslation } from "@/lib/use-translation";
import type { LocationWithCounts } from "@domain/schemas/location";
import { formatAddress } from "./format-address";
import { languageName } from "./language-name";

/** The Overview tab: where the location is and what call park holds there. */
export function LocationOverview({ location }: { location: LocationWithCounts }) {
  const { t, i18n } = useTranslation("locations");
  const rows: [string, ReactNode][] = [
    [t("overview.address"), formatAddress(location.address)],
    [t("overview.timeZone"), location.timeZone],
    [t("overview.preferredLanguage"), languageName(location.preferredLanguage, i18n.language)],
    [t("overview.announcementLanguage"), languageName(location.announcementLanguage, i18n.language)],
    [
      t("overview.callParkExtensions"),
      location.callParkCounts ? (
        <CallParkExtensionUsage used={location.callParkCounts.callParkExtensions} label={t("usageLabel", { name: location.name })} />
      ) : (
        "—"
      ),
    ],
    [t("overview.callParks"), location.callParkCounts?.callParks ?? "—"],
  ];
  return (
    <section className="form-card" aria-labelledby="location-overview-title">
      <h2 id="location-overview-title">{t("overview.heading")}</h2>
      <dl className="review-list">
        {rows.map(([term, value]) => (
          <Fragment key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>
    </section>
  );
}

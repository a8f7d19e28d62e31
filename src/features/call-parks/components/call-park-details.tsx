import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ReadOnlyNotice } from "@/components/read-only-notice";
import { locationQueries } from "@/lib/location-queries";
import { type CallPark, draftOf } from "@/features/call-parks/api/types";
import { CallParkReview } from "./call-park-review";

/** The side panel for an administrator who may see a group but not change it: every part, as text. */
export function CallParkDetails({ locationId, group }: { locationId: string; group: CallPark }) {
  const { t } = useTranslation("callParkGroups");
  const location = useQuery(locationQueries.detail(locationId));
  return (
    <div className="panel-form">
      <ReadOnlyNotice message={t("readOnly")} />
      <CallParkReview draft={draftOf(group)} locationName={location.data?.name ?? ""} locationId={locationId} />
    </div>
  );
}

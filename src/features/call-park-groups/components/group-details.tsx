import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ReadOnlyNotice } from "../../../components/read-only-notice";
import { locationQueries } from "../../../lib/location-queries";
import { type CallParkGroup, draftOf } from "../api/types";
import { GroupReview } from "./group-review";

/** The side panel for an administrator who may see a group but not change it: every part, as text. */
export function GroupDetails({ locationId, group }: { locationId: string; group: CallParkGroup }) {
  const { t } = useTranslation("callParkGroups");
  const location = useQuery(locationQueries.detail(locationId));
  return (
    <div className="panel-form">
      <ReadOnlyNotice message={t("readOnly")} />
      <GroupReview draft={draftOf(group)} locationName={location.data?.name ?? ""} locationId={locationId} />
    </div>
  );
}

import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { FeatureCard } from "../../../components/feature-card";
import { useAbility } from "../../../lib/session";
import { callParkGroupQueries } from "../api/queries";
import { CALL_PARK_GROUPS_PATH, newCallParkGroupPath } from "../routes/paths";

/** The Call Park Group card of Services > Calling > Features. */
export function CallParkGroupCard() {
  const { t } = useTranslation("callParkGroups");
  const { canWrite } = useAbility();
  return (
    <FeatureCard
      id="card-cpg"
      title={t("card.title")}
      description={t("card.description")}
      count={useQuery(callParkGroupQueries.count())}
      countText={(count) => t("card.count", { count })}
      addNew={canWrite() ? { to: newCallParkGroupPath(), label: t("card.addNewLabel"), text: t("addNew") } : undefined}
      manage={{ to: CALL_PARK_GROUPS_PATH, label: t("card.manageLabel"), text: t("card.manage") }}
    />
  );
}

import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "@/lib/use-translation";
import { FeatureCard } from "@/components/feature-card";
import { useAbility } from "@/lib/session";
import { callParkQueries } from "@/features/call-parks/api/queries";
import { CALL_PARKS_BULK_MANAGE_PATH, CALL_PARKS_PATH, newCallParkPath } from "@/lib/paths";

/**
 * The Call Park Group card of Services > Calling > Features. Who may import manages the
 * groups from a menu (the list, or Bulk manage); anyone else views the list.
 */
export function CallParkCard() {
  const { t } = useTranslation("callParkGroups");
  const { canWrite, canImport } = useAbility();
  return (
    <FeatureCard
      id="card-cpg"
      title={t("card.title")}
      description={t("card.description")}
      count={useQuery(callParkQueries.count())}
      countText={(count) => t("card.count", { count })}
      addNew={canWrite() ? { to: newCallParkPath(), label: t("card.addNewLabel"), text: t("addNew") } : undefined}
      manage={
        canImport
          ? { to: CALL_PARKS_PATH, label: t("card.manageMenuLabel"), text: t("card.manageMenu") }
          : { to: CALL_PARKS_PATH, label: t("card.manageLabel"), text: t("card.manage") }
      }
      manageMenu={
        canImport
          ? [
              { id: "list", text: t("card.manageList"), to: CALL_PARKS_PATH },
              { id: "bulk", text: t("card.bulkManage"), to: CALL_PARKS_BULK_MANAGE_PATH },
            ]
          : undefined
      }
    />
  );
}

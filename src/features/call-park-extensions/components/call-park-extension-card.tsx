import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "@/lib/use-translation";
import { FeatureCard } from "@/components/feature-card";
import { useAbility } from "@/lib/session";
import { callParkExtensionQueries } from "@/features/call-park-extensions/api/queries";
import { BULK_MANAGE_PATH, CALL_PARK_EXTENSIONS_PATH, EXTENSION_RANGE_PATH, newCallParkExtensionPath } from "@/lib/paths";

/** The Call Park Extension card of Services > Calling > Features. */
export function CallParkExtensionCard() {
  const { t } = useTranslation("callParkExtensions");
  const { canWrite, canImport } = useAbility();
  return (
    <FeatureCard
      id="card-cpe"
      title={t("card.title")}
      description={t("card.description")}
      count={useQuery(callParkExtensionQueries.count())}
      countText={(count) => t("card.count", { count })}
      addNew={canWrite() ? { to: newCallParkExtensionPath(), label: t("card.addNewLabel"), text: t("addNew") } : undefined}
      manage={{ to: CALL_PARK_EXTENSIONS_PATH, label: t("card.manageLabel"), text: t("card.manage") }}
      manageMenu={[
        { id: "list", text: t("card.manageList"), to: CALL_PARK_EXTENSIONS_PATH },
        // Bulk manage offers a read-only administrator its template and export, without the import.
        { id: "bulk", text: t("card.bulkManage"), to: BULK_MANAGE_PATH },
        // Many at once, through the import: for who may import.
        ...(canImport ? [{ id: "range", text: t("card.addRange"), to: EXTENSION_RANGE_PATH }] : []),
      ]}
    />
  );
}

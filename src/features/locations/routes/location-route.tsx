import { Suspense } from "react";
import { useQuery } from "@tanstack/react-query";
import { locationQueries } from "@/lib/location-queries";
import { useTranslation } from "@/lib/use-translation";
import { Tab, TabList, TabPanel, Tabs } from "react-aria-components";
import { Navigate, useLocation, useNavigate, useParams } from "react-router";
import type { LoaderArgs } from "@/lib/route-view";
import { PageHeader } from "@/components/page-header";
import { ErrorState, LoadingState } from "@/components/states";
import { useBackToList } from "@/lib/list-return";
import { queryClient } from "@/lib/query-client";
import { useAbility } from "@/lib/session";
import { locationPageQueries } from "@/features/locations/api/queries";
import { CallParkSettingsForm } from "@/features/locations/components/call-park-settings-form";
import { LocationOverview } from "@/features/locations/components/location-overview";
import { useLocationTabSlots } from "@/lib/location-tab-slots";
import { LOCATION_TABS, type LocationTab, LOCATIONS_PATH, locationPath } from "@/lib/paths";

const tabOf = (tab: string | undefined): LocationTab | undefined =>
  tab === undefined ? "overview" : (LOCATION_TABS as readonly string[]).includes(tab) ? (tab as LocationTab) : undefined;

export async function loader({ params }: LoaderArgs) {
  const locationId = params.locationId ?? "";
  // Prefetch without failing the route: the page shows its own error state.
  await Promise.allSettled([
    queryClient.ensureQueryData(locationPageQueries.detail(locationId)),
    ...(params.tab === "calling" ? [queryClient.ensureQueryData(locationPageQueries.callParkSettings(locationId))] : []),
  ]);
  return null;
}

/** The Calling tab: Calling Features Settings, with Call Park Settings. */
function CallingTab({ locationId, groupsUsingHuntWaitTime }: { locationId: string; groupsUsingHuntWaitTime: number }) {
  const { t } = useTranslation("locations");
  const settings = useQuery(locationPageQueries.callParkSettings(locationId));
  const huntGroups = useQuery(locationQueries.recallHuntGroups(locationId));
  const { canWrite } = useAbility();
  return (
    <div className="tab-content">
      <h2>{t("calling.heading")}</h2>
      {settings.isPending ? (
        <LoadingState />
      ) : settings.isError ? (
        <ErrorState error={settings.error} onRetry={() => settings.refetch()} />
      ) : (
        <CallParkSettingsForm
          locationId={locationId}
          settings={settings.data}
          huntGroups={huntGroups.data}
          groupsUsingHuntWaitTime={groupsUsingHuntWaitTime}
          readOnly={!canWrite(locationId)}
        />
      )}
    </div>
  );
}

/** Management > Locations > a location, with its Overview, Calling and Simulator tabs (the tab is in the URL). */
export default function LocationRoute() {
  const { simulator: Simulator } = useLocationTabSlots();
  const { t } = useTranslation(["locations", "common"]);
  const navigate = useNavigate();
  const { locationId = "", tab: tabParam } = useParams();
  const tab = tabOf(tabParam);
  const location = useQuery(locationPageQueries.detail(locationId));
  // Back to the list as it was left (its page, sort and search) when the location was opened
  // from it; the tabs carry that along, so it holds after the settings are edited on Calling.
  const { state: fromList } = useLocation();
  const backToList = useBackToList(LOCATIONS_PATH);
  const back = { to: backToList().to, label: t("title") };

  // An unknown tab in an old or mistyped link opens the location itself.
  if (tab === undefined) return <Navigate to={locationPath(locationId)} replace state={fromList} />;
  if (location.isPending) return <LoadingState />;
  if (location.isError) {
    return (
      <>
        <PageHeader title={t("detail.notFoundTitle")} back={back} />
        <ErrorState error={location.error} onRetry={() => location.refetch()} />
      </>
    );
  }
  const current = location.data;
  return (
    <>
      <PageHeader title={current.name} description={current.address.city} back={back} />
      <Tabs
        selectedKey={tab}
        onSelectionChange={(key) => navigate(locationPath(locationId, key as LocationTab), { state: fromList })}
        keyboardActivation="manual"
      >
        <TabList aria-label={t("detail.tabs")} className="tabs">
          {LOCATION_TABS.map((id) => (
            <Tab key={id} id={id} className="tab">
              {t(`detail.${id}`)}
            </Tab>
          ))}
        </TabList>
        <TabPanel id="overview" className="tab-panel">
          <LocationOverview location={current} />
        </TabPanel>
        <TabPanel id="calling" className="tab-panel">
          <CallingTab locationId={locationId} groupsUsingHuntWaitTime={current.callParkCounts?.callParksUsingHuntWaitTime ?? 0} />
        </TabPanel>
        <TabPanel id="simulator" className="tab-panel">
          {Simulator && (
            <Suspense fallback={<LoadingState />}>
              <Simulator locationId={locationId} />
            </Suspense>
          )}
        </TabPanel>
      </Tabs>
    </>
  );
}

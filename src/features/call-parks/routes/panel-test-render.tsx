import { http, HttpResponse } from "msw";
import { api } from "@domain/api/endpoints";
import type { LanguageCode } from "@/lib/i18n";
import { CALL_PARKS_PATH } from "@/lib/paths";
import { LOCATIONS } from "@/test/fixtures";
import { mswPath } from "@/test/msw-path";
import { renderWithProviders } from "@/test/render";
import { server } from "@/test/server";
import type { CallPark } from "@/features/call-parks/api/types";
import CallParkPanelRoute from "./panel-route";

/**
 * For component tests: `group`'s side panel (location L1, id CP1), its pickers, Call Park
 * Settings and hunt groups answered by MSW with nothing more.
 */
export async function renderGroupPanel(group: CallPark, language: LanguageCode = "en") {
  server.use(
    http.get(mswPath(api.callParks.availableUsers), () => HttpResponse.json({ agents: [] })),
    http.get(mswPath(api.callParks.availableCallParkExtensions), () => HttpResponse.json({ callParkExtensions: [] })),
    http.get(mswPath(api.callParks.get), () => HttpResponse.json(group)),
    http.get(mswPath(api.locations.get), ({ params }) => HttpResponse.json(LOCATIONS.find((l) => l.id === params.locationId))),
    http.get(mswPath(api.callParkSettings.get), () =>
      HttpResponse.json({ callParkRecall: { option: "ALERT_PARKING_USER_ONLY" }, callParkSettings: { ringPattern: "NORMAL", recallTime: 60, huntWaitTime: 90 } }),
    ),
    http.get(mswPath(api.callParks.availableRecallHuntGroups), () => HttpResponse.json({ huntGroups: [] })),
  );
  return renderWithProviders(<CallParkPanelRoute />, {
    url: `${CALL_PARKS_PATH}/L1/CP1`,
    path: `${CALL_PARKS_PATH}/:locationId/:callParkId`,
    language,
  });
}

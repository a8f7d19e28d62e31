import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "@/lib/use-translation";
import { DisclosureGroup } from "react-aria-components";
import { ReadOnlyNotice } from "@/components/read-only-notice";
import { locationQueries } from "@/lib/location-queries";
import { type CallPark, draftOf } from "@/features/call-parks/api/types";
import { DestinationList, MemberList } from "./call-park-review";
import { LocationPart, PanelPart, usePartSummaries } from "./panel-parts";

/**
 * The side panel for an administrator who may see a group but not change it: the same
 * summary as the editor's, with no editor. Members and park destinations open into their
 * full lists (a summary names only the first few); the other parts say all there is.
 */
export function CallParkDetails({ locationId, group }: { locationId: string; group: CallPark }) {
  const { t } = useTranslation("callParkGroups");
  const draft = draftOf(group);
  const summaries = usePartSummaries(locationId, draft, { id: group.recall.huntGroupId, name: group.recall.huntGroupName });
  const country = useQuery(locationQueries.detail(locationId)).data?.address.country;
  const listsDestinations = !draft.parkOnAgentsEnabled && draft.callParkExtensions.length > 0;
  return (
    <div className="panel-form">
      <ReadOnlyNotice message={t("readOnly")} />
      <LocationPart locationId={locationId} />
      <DisclosureGroup className="panel-parts" allowsMultipleExpanded>
        <PanelPart id="name" title={t("panel.parts.name")} summary={summaries.name} />
        <PanelPart id="members" title={t("panel.parts.members")} summary={summaries.members}>
          {draft.agents.length > 0 && <MemberList agents={draft.agents} country={country} />}
        </PanelPart>
        <PanelPart id="destinations" title={t("panel.parts.destinations")} summary={summaries.destinations}>
          {listsDestinations && <DestinationList destinations={draft.callParkExtensions} />}
        </PanelPart>
        <PanelPart id="recall" title={t("panel.parts.recall")} summary={summaries.recall} />
      </DisclosureGroup>
    </div>
  );
}

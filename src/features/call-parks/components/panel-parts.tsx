import { useQuery } from "@tanstack/react-query";
import type { TFunction } from "@/lib/i18n";
import { type ReactNode, useId } from "react";
import { useTranslation } from "@/lib/use-translation";
import { Button, Disclosure, DisclosurePanel, Heading } from "react-aria-components";
import { needsHuntGroup, usesHuntWaitTime } from "@domain/rules/recall";
import { Icon } from "@/components/icon";
import { locationQueries } from "@/lib/location-queries";
import type { CallParkDraft } from "@/features/call-parks/api/types";
import { stepOfPath } from "./wizard-steps";
import "./panel-parts.css";

// The side panel opens on a summary of the group, as Control Hub's does: each part a
// disclosure whose trigger keeps focus (what a screen-reader user expects of a
// disclosure) and whose panel holds that part's editor, or, read-only, its full list.

export const PANEL_PARTS = ["name", "members", "destinations", "recall"] as const;
export type PanelPartId = (typeof PANEL_PARTS)[number];

/** The parts that hold the fields these paths name (`["agents", 2]`: members). */
export function partsOf(paths: readonly (readonly PropertyKey[])[]): PanelPartId[] {
  const steps = new Set<string>(paths.map((path) => stepOfPath(path)));
  return PANEL_PARTS.filter((part) => steps.has(part));
}

/** How many names or extensions a collapsed part lists before "and N more". */
const SHOWN = 3;

/** "3 members: Ana, Bruno, Carla and 2 more", or just "No members". */
function counted(t: TFunction, key: string, items: string[]) {
  const what = t(key, { count: items.length });
  if (!items.length) return what;
  const rest = items.length - SHOWN;
  const shown = items.slice(0, SHOWN).join(", ");
  return t("panel.summary.listed", {
    what,
    items: rest > 0 ? `${shown} ${t("panel.summary.more", { count: rest })}` : shown,
  });
}

/** One part of the group: a heading, the summary while collapsed, and, when it has any, what expanding it shows. */
export function PanelPart({
  id,
  title,
  summary,
  children,
}: {
  id: PanelPartId | "location";
  title: string;
  summary: ReactNode;
  children?: ReactNode;
}) {
  const summaryId = useId();
  if (!children) {
    return (
      <section className="panel-part" aria-labelledby={`${summaryId}-title`}>
        <h3 id={`${summaryId}-title`} className="panel-part-heading panel-part-static">
          {title}
        </h3>
        <div className="panel-part-summary">{summary}</div>
      </section>
    );
  }
  return (
    <Disclosure id={id} className="panel-part">
      {({ isExpanded }) => (
        <>
          <Heading level={3} className="panel-part-heading">
            {/* The summary describes the trigger, so a screen reader says what is inside before it opens. */}
            <Button slot="trigger" className="panel-part-trigger" aria-describedby={isExpanded ? undefined : summaryId}>
              <Icon name="arrowRight" />
              {title}
            </Button>
          </Heading>
          {!isExpanded && (
            <div id={summaryId} className="panel-part-summary">
              {summary}
            </div>
          )}
          <DisclosurePanel className="panel-part-body">{children}</DisclosurePanel>
        </>
      )}
    </Disclosure>
  );
}

/** The location, which a group cannot leave: always shown, never edited. */
export function LocationPart({ locationId }: { locationId: string }) {
  const { t } = useTranslation("callParkGroups");
  const location = useQuery(locationQueries.detail(locationId));
  // A line from the start (never an empty one the name then pushes down): what follows stays put.
  const name = location.data?.name ?? (location.isError ? "\u2014" : t("common:states.loading"));
  return <PanelPart id="location" title={t("panel.parts.location")} summary={<p>{name}</p>} />;
}

/**
 * What each collapsed part says of `draft` (the form's values as they are now, so a part
 * closed after an edit tells the truth). `knownHuntGroupName` names the saved hunt group
 * without a fetch.
 */
export function usePartSummaries(
  locationId: string,
  draft: CallParkDraft,
  knownHuntGroupName?: { id?: string; name?: string },
): Record<PanelPartId, ReactNode> {
  const { t } = useTranslation("callParkGroups");
  const withHuntGroup = needsHuntGroup(draft.recall.option);
  const known = knownHuntGroupName?.id === draft.recall.huntGroupId ? knownHuntGroupName?.name : undefined;
  const huntGroups = useQuery({
    ...locationQueries.recallHuntGroups(locationId),
    enabled: withHuntGroup && Boolean(draft.recall.huntGroupId) && !known,
  });
  const huntGroupName = known ?? huntGroups.data?.find((h) => h.id === draft.recall.huntGroupId)?.name;
  // The timers are the location's; should they fail to load the summary goes without them.
  const timers = useQuery(locationQueries.callParkSettings(locationId)).data?.callParkSettings;
  const extensions = draft.callParkExtensions.map((c) => `${c.name} (${c.extension})`);
  return {
    name: <p className="panel-part-value">{draft.name}</p>,
    members: (
      <p>
        {counted(
          t,
          "panel.summary.members",
          draft.agents.map((a) => a.displayName),
        )}
      </p>
    ),
    destinations: (
      <p>
        {draft.parkOnAgentsEnabled
          ? t("panel.summary.parkOnAgents")
          : counted(t, "panel.summary.destinations", extensions)}
      </p>
    ),
    recall: (
      <>
        <p>{t(`recall.option.${draft.recall.option}`)}</p>
        {withHuntGroup && huntGroupName && <p>{t("panel.summary.huntGroup", { name: huntGroupName })}</p>}
        {timers && (
          <p className="muted">
            {t("panel.summary.recallTimer", { count: timers.recallTime })}
            {usesHuntWaitTime(draft.recall.option) && (
              <>
                <br />
                {t("panel.summary.huntWaitTime", { count: timers.huntWaitTime })}
              </>
            )}
          </p>
        )}
      </>
    ),
  };
}

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "@/lib/use-translation";
import { Icon } from "@/components/icon";
import { useDebouncedValue } from "@/lib/use-debounced-value";
import { locationQueries } from "@/lib/location-queries";
import { callParkQueries } from "@/features/call-parks/api/queries";
import type { Agent } from "@/features/call-parks/api/types";
import { AgentSummary, ItemIssue, ResultsSection, SearchBox, useFocusInResults } from "./picker-parts";

/** Search the location's people, workspaces and virtual lines; add and remove members. */
export function MembersEditor({
  locationId,
  callParkId,
  value,
  onChange,
  idPrefix,
  itemError,
}: {
  locationId: string;
  callParkId?: string;
  value: Agent[];
  onChange: (agents: Agent[]) => void;
  idPrefix: string;
  /** The encoded field issue of the chosen member at `index`, if any. */
  itemError?: (index: number) => string | undefined;
}) {
  const { t } = useTranslation("callParkGroups");
  const [search, setSearch] = useState("");
  const term = useDebouncedValue(search, 250);
  const results = useQuery(callParkQueries.availableUsers(locationId, term, callParkId));
  // The location's own numbers read nationally; until it is known, every number internationally.
  const country = useQuery(locationQueries.detail(locationId)).data?.address.country;
  const focus = useFocusInResults();
  const chosen = new Set(value.map((a) => a.id));
  const offered = (results.data ?? []).filter((a) => !chosen.has(a.id));

  return (
    <div className="editor">
      <SearchBox
        id={`${idPrefix}-member-search`}
        label={t("members.search")}
        placeholder={t("members.searchPlaceholder")}
        value={search}
        onChange={setSearch}
      />
      <ResultsSection
        id={`${idPrefix}-member-results`}
        heading={t("members.results")}
        state={results}
        focus={focus}
        items={offered}
        noResults={t("members.noResults")}
        failed={t("members.searchFailed")}
      >
        {(agent) => (
          <>
            <AgentSummary
              agent={agent}
              country={country}
              reason={agent.callParkName ? t("members.inOtherGroup", { group: agent.callParkName }) : undefined}
            />
            <button
              type="button"
              className="btn btn-secondary btn-small"
              disabled={Boolean(agent.callParkName)}
              aria-label={t("members.add", { name: agent.displayName })}
              onClick={(e) => {
                focus.added(e.currentTarget);
                onChange([...value, agent]);
              }}
            >
              <Icon name="plus" />
              {t("actions.add")}
            </button>
          </>
        )}
      </ResultsSection>
      <section aria-labelledby={`${idPrefix}-members-chosen`}>
        <h3 id={`${idPrefix}-members-chosen`} className="editor-heading">
          {t("members.chosen", { count: value.length })}
        </h3>
        {value.length === 0 ? (
          <p className="muted">{t("members.none")}</p>
        ) : (
          <ul className="pick-list">
            {value.map((agent, index) => (
              <li key={agent.id} className="pick-item">
                <AgentSummary agent={agent} country={country}>
                  <ItemIssue id={`${idPrefix}-member-${index}-error`} message={itemError?.(index)} />
                </AgentSummary>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t("members.remove", { name: agent.displayName })}
                  aria-describedby={itemError?.(index) ? `${idPrefix}-member-${index}-error` : undefined}
                  onClick={() => onChange(value.filter((a) => a.id !== agent.id))}
                >
                  <Icon name="cancel" />
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

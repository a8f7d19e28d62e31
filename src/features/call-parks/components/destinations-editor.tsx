import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "@/lib/use-translation";
import { FieldErrorText } from "@/components/field-error";
import { Icon } from "@/components/icon";
import { useDebouncedValue } from "@/lib/use-debounced-value";
import { callParkQueries } from "@/features/call-parks/api/queries";
import type { ParkExtension } from "@/features/call-parks/api/types";
import { ItemIssue, ResultsSection, SearchBox, useFocusInResults } from "./picker-parts";

/**
 * The group's park destinations, in hunting order: calls park on the first free one,
 * always starting from the top. Or the members' own extensions, when that box is ticked.
 */
export function DestinationsEditor({
  locationId,
  callParkId,
  value,
  onChange,
  parkOnAgents,
  onParkOnAgentsChange,
  idPrefix,
  itemError,
  parkOnAgentsError,
}: {
  locationId: string;
  callParkId?: string;
  value: ParkExtension[];
  onChange: (extensions: ParkExtension[]) => void;
  parkOnAgents: boolean;
  /** Asked to change the box; the caller may confirm first. */
  onParkOnAgentsChange: (next: boolean) => void;
  idPrefix: string;
  /** The encoded field issue of the chosen destination at `index`, if any. */
  itemError?: (index: number) => string | undefined;
  /** An encoded field issue for the box. */
  parkOnAgentsError?: string;
}) {
  const { t } = useTranslation("callParkGroups");
  const [search, setSearch] = useState("");
  const term = useDebouncedValue(search, 250);
  const results = useQuery({
    ...callParkQueries.availableExtensions(locationId, term, callParkId),
    enabled: !parkOnAgents,
  });
  const focus = useFocusInResults();
  const chosen = new Set(value.map((c) => c.id));
  const offered = (results.data ?? []).filter((c) => !chosen.has(c.id));
  const move = (index: number, by: number) => {
    const next = [...value];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item);
    onChange(next);
  };

  return (
    <div className="editor">
      <label className="checkbox">
        <input
          type="checkbox"
          checked={parkOnAgents}
          onChange={(e) => onParkOnAgentsChange(e.target.checked)}
          aria-invalid={parkOnAgentsError ? true : undefined}
          aria-describedby={[`${idPrefix}-park-on-agents-help`, parkOnAgentsError && `${idPrefix}-park-on-agents-error`]
            .filter(Boolean)
            .join(" ")}
        />
        {t("destinations.parkOnAgents")}
      </label>
      <p id={`${idPrefix}-park-on-agents-help`} className="field-description">
        {t("destinations.parkOnAgentsHelp")}
      </p>
      <FieldErrorText id={`${idPrefix}-park-on-agents-error`} message={parkOnAgentsError} />
      {!parkOnAgents && (
        <>
          <SearchBox
            id={`${idPrefix}-destination-search`}
            label={t("destinations.search")}
            placeholder={t("destinations.searchPlaceholder")}
            value={search}
            onChange={setSearch}
            help={t("destinations.onlyExtensions")}
          />
          <ResultsSection
            id={`${idPrefix}-destination-results`}
            heading={t("destinations.results")}
            state={results}
            focus={focus}
            items={offered}
            noResults={t("destinations.noResults")}
            failed={t("destinations.searchFailed")}
          >
            {(c) => (
              <>
                <span className="pick-main">
                  <span className="pick-name">{c.name}</span>
                  <span className="muted">{t("members.extension", { extension: c.extension })}</span>
                </span>
                <button
                  type="button"
                  className="btn btn-secondary btn-small"
                  aria-label={t("destinations.add", { name: c.name })}
                  onClick={(e) => {
                focus.added(e.currentTarget);
                onChange([...value, c]);
              }}
                >
                  <Icon name="plus" />
                  {t("actions.add")}
                </button>
              </>
            )}
          </ResultsSection>
          <section aria-labelledby={`${idPrefix}-destinations-chosen`}>
            <h3 id={`${idPrefix}-destinations-chosen`} className="editor-heading">
              {t("destinations.chosen", { count: value.length })}
            </h3>
            <p className="field-description">{t("destinations.orderHelp")}</p>
            {value.length === 0 ? (
              <p className="muted">{t("destinations.none")}</p>
            ) : (
              <ol className="pick-list">
                {value.map((c, index) => (
                  <li key={c.id} className="pick-item">
                    <span className="pick-main">
                      <span className="pick-position">{index + 1}.</span>
                      <span className="pick-name">{c.name}</span>
                      <span className="muted">{t("members.extension", { extension: c.extension })}</span>
                      <ItemIssue id={`${idPrefix}-destination-${index}-error`} message={itemError?.(index)} />
                    </span>
                    <span className="pick-actions">
                      <button
                        type="button"
                        className="btn btn-secondary btn-small"
                        disabled={index === 0}
                        aria-label={t("destinations.moveUp", { name: c.name })}
                        onClick={() => move(index, -1)}
                      >
                        ↑
                      </button>
                      <button
                        type="button"
                        className="btn btn-secondary btn-small"
                        disabled={index === value.length - 1}
                        aria-label={t("destinations.moveDown", { name: c.name })}
                        onClick={() => move(index, +1)}
                      >
                        ↓
                      </button>
                      <button
                        type="button"
                        className="icon-button"
                        aria-label={t("destinations.remove", { name: c.name })}
                        aria-describedby={itemError?.(index) ? `${idPrefix}-destination-${index}-error` : undefined}
                        onClick={() => onChange(value.filter((x) => x.id !== c.id))}
                      >
                        <Icon name="cancel" />
                      </button>
                    </span>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </>
      )}
    </div>
  );
}

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Icon } from "../../../components/icon";
import { useDebouncedValue } from "../../../lib/use-debounced-value";
import { callParkGroupQueries } from "../api/queries";
import type { Agent } from "../api/types";

export function agentNumbers(agent: Agent) {
  const first = agent.numbers?.[0];
  return { phone: first?.external ?? "", extension: first?.extension ?? "" };
}

/** Search the location's people, workspaces and virtual lines; add and remove members. */
export function MembersEditor({
  locationId,
  callParkId,
  value,
  onChange,
  idPrefix,
}: {
  locationId: string;
  callParkId?: string;
  value: Agent[];
  onChange: (agents: Agent[]) => void;
  idPrefix: string;
}) {
  const { t } = useTranslation("callParkGroups");
  const [search, setSearch] = useState("");
  const term = useDebouncedValue(search, 250);
  const results = useQuery(callParkGroupQueries.availableUsers(locationId, term, callParkId));
  const chosen = new Set(value.map((a) => a.id));
  const offered = (results.data ?? []).filter((a) => !chosen.has(a.id));

  return (
    <div className="editor">
      <div className="field">
        <label htmlFor={`${idPrefix}-member-search`}>{t("members.search")}</label>
        <input
          id={`${idPrefix}-member-search`}
          className="input"
          type="search"
          value={search}
          placeholder={t("members.searchPlaceholder")}
          onChange={(e) => setSearch(e.target.value)}
        />
      </div>
      <section aria-labelledby={`${idPrefix}-member-results`}>
        <h3 id={`${idPrefix}-member-results`} className="editor-heading">
          {t("members.results")}
        </h3>
        {results.isPending ? (
          <p className="muted" role="status">{t("common:states.loading")}</p>
        ) : results.isError ? (
          <p className="field-error" role="alert">{t("members.searchFailed")}</p>
        ) : offered.length === 0 ? (
          <p className="muted">{t("members.noResults")}</p>
        ) : (
          <ul className="pick-list">
            {offered.map((agent) => {
              const { phone, extension } = agentNumbers(agent);
              const elsewhere = agent.callParkName;
              return (
                <li key={agent.id} className="pick-item">
                  <span className="pick-main">
                    <span className="pick-name">{agent.displayName}</span>
                    <span className="badge">{t(`agentType.${agent.type}`)}</span>
                    <span className="muted">
                      {[phone, extension && t("members.extension", { extension })].filter(Boolean).join(" · ")}
                    </span>
                    {elsewhere && <span className="pick-reason">{t("members.inOtherGroup", { group: elsewhere })}</span>}
                  </span>
                  <button
                    type="button"
                    className="btn btn-secondary btn-small"
                    disabled={Boolean(elsewhere)}
                    aria-label={t("members.add", { name: agent.displayName })}
                    onClick={() => onChange([...value, agent])}
                  >
                    <Icon name="plus" />
                    {t("actions.add")}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section aria-labelledby={`${idPrefix}-members-chosen`}>
        <h3 id={`${idPrefix}-members-chosen`} className="editor-heading">
          {t("members.chosen", { count: value.length })}
        </h3>
        {value.length === 0 ? (
          <p className="muted">{t("members.none")}</p>
        ) : (
          <ul className="pick-list">
            {value.map((agent) => {
              const { phone, extension } = agentNumbers(agent);
              return (
                <li key={agent.id} className="pick-item">
                  <span className="pick-main">
                    <span className="pick-name">{agent.displayName}</span>
                    <span className="badge">{t(`agentType.${agent.type}`)}</span>
                    <span className="muted">
                      {[phone, extension && t("members.extension", { extension })].filter(Boolean).join(" · ")}
                    </span>
                  </span>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={t("members.remove", { name: agent.displayName })}
                    onClick={() => onChange(value.filter((a) => a.id !== agent.id))}
                  >
                    <Icon name="cancel" />
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}

import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { decodeFieldError } from "@/lib/form";
import { issueMessage } from "@/lib/error-message";
import type { Agent } from "@/features/call-parks/api/types";

// The pieces the members and destinations editors share: a search box, a section of
// search results with its loading, failure and empty states, and a member's summary.

export function SearchBox({
  id,
  label,
  placeholder,
  value,
  onChange,
  help,
}: {
  id: string;
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  help?: string;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} className="input" type="search" value={value} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} />
      {help && <p className="field-description">{help}</p>}
    </div>
  );
}

export function ResultsSection<T extends { id: string }>({
  id,
  heading,
  state,
  items,
  noResults,
  failed,
  children,
}: {
  id: string;
  heading: string;
  state: { isPending: boolean; isError: boolean };
  items: T[];
  noResults: string;
  failed: string;
  children: (item: T) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className="editor-heading">
        {heading}
      </h3>
      {state.isPending ? (
        <p className="muted" role="status">
          {t("common:states.loading")}
        </p>
      ) : state.isError ? (
        <p className="field-error" role="alert">
          {failed}
        </p>
      ) : items.length === 0 ? (
        <p className="muted">{noResults}</p>
      ) : (
        <ul className="pick-list">
          {items.map((item) => (
            <li key={item.id} className="pick-item">
              {children(item)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A member's name, kind, numbers and, when it cannot be added, why; `children` say what is wrong with a chosen one. */
export function AgentSummary({ agent, reason, children }: { agent: Agent; reason?: string; children?: ReactNode }) {
  const { t } = useTranslation("callParkGroups");
  const first = agent.numbers?.[0];
  const numbers = [first?.external, first?.extension && t("members.extension", { extension: first.extension })];
  return (
    <span className="pick-main">
      <span className="pick-name">{agent.displayName}</span>
      <span className="badge">{t(`agentType.${agent.type}`)}</span>
      <span className="muted">{numbers.filter(Boolean).join(" · ")}</span>
      {reason && <span className="pick-reason">{reason}</span>}
      {children}
    </span>
  );
}

/** What the form or the server found wrong with a chosen member or destination (an encoded field issue). */
export function ItemIssue({ id, message }: { id: string; message?: string }) {
  const { t } = useTranslation();
  const issue = decodeFieldError(message);
  if (!issue) return null;
  return (
    <span id={id} className="pick-reason">
      {issueMessage(t, issue)}
    </span>
  );
}

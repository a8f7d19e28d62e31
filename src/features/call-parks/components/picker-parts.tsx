import { type ReactNode, type RefObject, useLayoutEffect, useRef } from "react";
import { useTranslation } from "@/lib/use-translation";
import { decodeFieldError } from "@/lib/form";
import { issueMessage } from "@/lib/error-message";
import { PhoneNumber } from "@/components/phone-number";
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

/** What Add in the results needs so that focus stays in the list (see useFocusInResults). */
export interface ResultsFocus {
  section: RefObject<HTMLElement | null>;
  /** Call from an Add button's press, before the item leaves the results. */
  added: (button: HTMLElement) => void;
}

const ADD_BUTTONS = ".pick-item button:not(:disabled)";

/**
 * An added item leaves the results, and its Add button with it: focus would fall to the
 * page. It goes instead to the Add of the item that took its place (or the one before),
 * else to the results' heading, so a keyboard user goes on adding where they were.
 */
export function useFocusInResults(): ResultsFocus {
  const section = useRef<HTMLElement>(null);
  const pending = useRef<number | null>(null);
  useLayoutEffect(() => {
    const at = pending.current;
    if (at === null || !section.current) return;
    pending.current = null;
    const buttons = [...section.current.querySelectorAll<HTMLElement>(ADD_BUTTONS)];
    (buttons[Math.min(at, buttons.length - 1)] ?? section.current.querySelector<HTMLElement>("h3"))?.focus();
  });
  return {
    section,
    added: (button) => {
      const buttons = [...(section.current?.querySelectorAll<HTMLElement>(ADD_BUTTONS) ?? [])];
      pending.current = Math.max(0, buttons.indexOf(button));
    },
  };
}

export function ResultsSection<T extends { id: string }>({
  id,
  heading,
  focus,
  state,
  items,
  noResults,
  failed,
  children,
}: {
  id: string;
  heading: string;
  focus?: ResultsFocus;
  state: { isPending: boolean; isError: boolean };
  items: T[];
  noResults: string;
  failed: string;
  children: (item: T) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={id} ref={focus?.section}>
      <h3 id={id} className="editor-heading" tabIndex={-1}>
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
export function AgentSummary({
  agent,
  country,
  reason,
  children,
}: {
  agent: Agent;
  /** The location's country: its numbers read nationally, others internationally. */
  country?: string;
  reason?: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation("callParkGroups");
  const first = agent.numbers?.[0];
  return (
    <span className="pick-main">
      <span className="pick-name">{agent.displayName}</span>
      <span className="badge">{t(`agentType.${agent.type}`)}</span>
      <span className="muted">
        {first?.external && <PhoneNumber number={first.external} country={country} />}
        {first?.external && first.extension && " · "}
        {first?.extension && t("members.extension", { extension: first.extension })}
      </span>
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

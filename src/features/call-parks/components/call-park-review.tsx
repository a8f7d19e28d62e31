import { useQuery } from "@tanstack/react-query";
import { locationQueries } from "@/lib/location-queries";
import { useTranslation } from "@/lib/use-translation";
import { Link } from "react-router";
import { needsHuntGroup } from "@domain/rules/recall";
import type { CallParkDraft } from "@/features/call-parks/api/types";
import { PhoneNumber } from "@/components/phone-number";
import type { Step } from "./wizard-steps";

/**
 * Everything the wizard gathered, each part with a way back to its step; without `editLink`,
 * a group shown as it is to an administrator who may not change it.
 */
export function CallParkReview({
  draft,
  locationName,
  editLink,
  locationId,
}: {
  draft: CallParkDraft;
  locationName: string;
  editLink?: (step: Step) => string;
  locationId?: string;
}) {
  const { t } = useTranslation("callParkGroups");
  const huntGroups = useQuery({
    ...locationQueries.recallHuntGroups(locationId ?? ""),
    enabled: Boolean(locationId) && needsHuntGroup(draft.recall.option),
  });
  const huntGroupName = huntGroups.data?.find((h) => h.id === draft.recall.huntGroupId)?.name;
  const country = useQuery({ ...locationQueries.detail(locationId ?? ""), enabled: Boolean(locationId) }).data?.address.country;
  const section = (step: Step, title: string, body: React.ReactNode) => (
    <section className="review-section" aria-labelledby={`review-${step}`}>
      <div className="review-heading">
        <h3 id={`review-${step}`}>{title}</h3>
        {editLink && (
          <Link to={editLink(step)} aria-label={t("review.edit", { section: title })}>
            {t("review.editShort")}
          </Link>
        )}
      </div>
      {body}
    </section>
  );
  return (
    <div className="review">
      {section(
        "name",
        t("wizard.steps.name"),
        <dl className="review-list">
          <dt>{t("fields.location")}</dt>
          <dd>{locationName}</dd>
          <dt>{t("fields.name")}</dt>
          <dd>{draft.name}</dd>
        </dl>,
      )}
      {section(
        "members",
        t("wizard.steps.members"),
        draft.agents.length ? (
          <MemberList agents={draft.agents} country={country} />
        ) : (
          <p className="muted">{t("members.none")}</p>
        ),
      )}
      {section(
        "destinations",
        t("wizard.steps.destinations"),
        draft.parkOnAgentsEnabled ? (
          <p>{t("destinations.parkOnAgents")}</p>
        ) : draft.callParkExtensions.length ? (
          <DestinationList destinations={draft.callParkExtensions} />
        ) : (
          <p className="muted">{t("destinations.none")}</p>
        ),
      )}
      {section(
        "recall",
        t("wizard.steps.recall"),
        <p>
          {t(`recall.option.${draft.recall.option}`)}
          {needsHuntGroup(draft.recall.option) && huntGroupName ? ` — ${huntGroupName}` : ""}
        </p>,
      )}
    </div>
  );
}

/** A group's members, each with its kind and main number. */
export function MemberList({ agents, country }: { agents: CallParkDraft["agents"]; country?: string }) {
  const { t } = useTranslation("callParkGroups");
  return (
    <ul>
      {agents.map((a) => (
        <li key={a.id}>
          {a.displayName} <span className="muted">({t(`agentType.${a.type}`)})</span>
          {a.numbers[0]?.external && (
            <>
              {" "}
              <PhoneNumber number={a.numbers[0].external} country={country} />
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/** A group's call park extensions, in hunting order. */
export function DestinationList({ destinations }: { destinations: CallParkDraft["callParkExtensions"] }) {
  return (
    <ol>
      {destinations.map((c) => (
        <li key={c.id}>
          {c.name} <span className="muted">({c.extension})</span>
        </li>
      ))}
    </ol>
  );
}

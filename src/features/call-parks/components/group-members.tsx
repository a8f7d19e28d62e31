import type { TFunction } from "@/lib/i18n";
import { useTranslation } from "@/lib/use-translation";
import { namesToShow } from "@domain/rules/where-used";
import type { CallParkAgent } from "@domain/schemas/call-park";
import "./group-members.css";

/** What naming a member needs: an agent of a saved group, or one picked in a form. */
export type Member = Pick<CallParkAgent, "displayName" | "firstName" | "lastName">;

/** How a member is named: their display name, else first and last name. */
export function memberName(member: Member) {
  return member.displayName || `${member.firstName} ${member.lastName}`.trim();
}

/**
 * Who parks calls in a group, said before it is renamed or deleted: how many members, then
 * their names in the group's order, the first ten or so and "and N more" past them.
 */
export function GroupMembers({ agents }: { agents: readonly Member[] }) {
  const { t } = useTranslation("callParkGroups");
  const { shown, more } = namesToShow(agents.map(memberName));
  return (
    <>
      <p>{t("whereUsed.members", { count: agents.length })}</p>
      {agents.length > 0 && (
        <ul className="group-members-list">
          {shown.map((name, index) => (
            <li key={index}>{name}</li>
          ))}
          {more > 0 && <li>{t("whereUsed.andMore", { count: more })}</li>}
        </ul>
      )}
    </>
  );
}

/** A group's members in one line, for a list of groups: "3 members: Ana Lima, Bruno Reis, Carla Dias". */
export function membersInline(t: TFunction, agents: readonly Member[]) {
  const count = t("callParkGroups:whereUsed.memberCount", { count: agents.length });
  if (agents.length === 0) return count;
  const { shown, more } = namesToShow(agents.map(memberName));
  const names = shown.join(", ");
  return `${count}: ${more > 0 ? `${names} ${t("callParkGroups:whereUsed.andMore", { count: more })}` : names}`;
}

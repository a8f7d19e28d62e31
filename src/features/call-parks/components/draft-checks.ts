import { callParkIssues } from "@domain/rules/call-park";
import { searchKey } from "@domain/rules/text";
import { callParkNameSchema } from "@domain/schemas/call-park";
import { type FieldIssue, toFieldIssues } from "@domain/schemas/issues";
import type { CallParkDraft } from "@/features/call-parks/api/types";

// The wizard's and the side panel's checks: the server's own contract and rules,
// asked before a round trip.

type Issue = Pick<FieldIssue, "code" | "params">;

/** The name's problem, if any; `taken` are same-named groups of the location. */
export function checkName(name: string, taken: { id: string; name: string }[] = [], ownId?: string): Issue | undefined {
  const result = callParkNameSchema.safeParse(name);
  if (!result.success) return toFieldIssues(result.error, name)[0];
  const key = searchKey(result.data);
  const clash = taken.find((g) => g.id !== ownId && searchKey(g.name) === key);
  return clash ? { code: "nameTaken", params: { name: clash.name } } : undefined;
}

export function checkRecall(recall: CallParkDraft["recall"]): Issue | undefined {
  const issue = callParkIssues({ recall, agents: [], parkOnAgentsEnabled: false, callParkExtensions: [] }).find(
    (i) => i.path[0] === "recall",
  );
  return issue ? { code: issue.code } : undefined;
}

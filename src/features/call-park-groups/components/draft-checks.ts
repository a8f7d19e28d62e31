import type { FieldIssue } from "../../../../domain/schemas/issues";
import { toFieldIssues } from "../../../../domain/schemas/issues";
import { displayName } from "../../../../domain/schemas/text";
import { needsHuntGroup } from "../../../../domain/rules/recall";
import { searchKey } from "../../../../domain/rules/text";
import type { GroupDraft } from "../api/types";

export const CALL_PARK_NAME_MAX = 80;
const nameSchema = displayName({ max: CALL_PARK_NAME_MAX });

type Issue = Pick<FieldIssue, "code" | "params">;

export function checkName(name: string, taken: { id: string; name: string }[] = [], ownId?: string): Issue | undefined {
  const result = nameSchema.safeParse(name);
  if (!result.success) return toFieldIssues(result.error, name)[0];
  const key = searchKey(result.data);
  const clash = taken.find((g) => g.id !== ownId && searchKey(g.name) === key);
  return clash ? { code: "nameTaken" as FieldIssue["code"], params: { name: clash.name } } : undefined;
}

export function checkRecall(recall: GroupDraft["recall"]): Issue | undefined {
  return needsHuntGroup(recall.option) && !recall.huntGroupId
    ? { code: "huntGroupRequired" as FieldIssue["code"] }
    : undefined;
}

import { useTranslation } from "react-i18next";
import type { FieldIssue } from "@domain/schemas/issues";
import type { ApiError } from "@/lib/api-client";
import { errorMessage, issueMessage } from "@/lib/error-message";
import type { Step } from "./step-indicator";

/** Which part of a group a server issue is about, as a wizard step. */
export function stepOfIssue(issue: Pick<FieldIssue, "path">): Step {
  switch (issue.path[0]) {
    case "name":
      return "name";
    case "agents":
      return "members";
    case "callParkExtensions":
    case "parkOnAgentsEnabled":
      return "destinations";
    case "recall":
      return "recall";
    default:
      return "review";
  }
}

/** The server's refusal, sentence by sentence, in the user's language. */
export function ServerIssues({ error }: { error: ApiError }) {
  const { t } = useTranslation();
  return (
    <div className="banner banner-error" role="alert">
      <p>{errorMessage(t, error)}</p>
      {error.issues.length > 0 && (
        <ul>
          {error.issues.map((issue, i) => (
            <li key={i}>{issueMessage(t, issue)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

import { useTranslation } from "@/lib/use-translation";
import type { ApiError } from "@/lib/api-client";
import { TrackingId } from "@/components/states";
import { errorMessage, issueMessage, trackingIdOf } from "@/lib/error-message";

/**
 * The server's refusal, sentence by sentence, in the user's language: the summary above
 * the form, while each issue is also shown at its field; with the tracking ID to quote.
 */
export function ServerIssues({ error }: { error: ApiError }) {
  const { t } = useTranslation();
  return (
    <div className="banner banner-error" role="alert">
      <p>{errorMessage(t, error)}</p>
      <TrackingId id={trackingIdOf(error)} />
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

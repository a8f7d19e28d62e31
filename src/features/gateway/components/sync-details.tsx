import { useTranslation } from "@/lib/use-translation";
import { Link } from "react-router";
import type { GatewayStatus } from "@domain/schemas/gateway-status";
import { formatDateTime } from "@/lib/format-date-time";
import { AUDIT_LOG_PATH } from "@/lib/paths";

/** The audit log showing only what was changed outside Call Park Admin. */
const OUTSIDE_CHANGES_PATH = `${AUDIT_LOG_PATH}?${new URLSearchParams({ origin: "upstream" })}`;

/**
 * The last synchronisation in full, for the badge's popover: when it started and finished,
 * what it read, how many changes it found made outside the app (with the way to them in the
 * audit log), and each error with its Webex tracking ID, to quote to Cisco.
 */
export function SyncDetails({ status, onNavigate }: { status: GatewayStatus; onNavigate?: () => void }) {
  const { t, i18n } = useTranslation("gateway");
  const language = i18n.resolvedLanguage ?? i18n.language;
  const number = new Intl.NumberFormat(language);
  const run = status.lastSync;
  return (
    <>
      <dl className="review-list gateway-details-list">
        {status.organization && (
          <>
            <dt>{t("details.organization")}</dt>
            <dd>{status.organization.displayName}</dd>
          </>
        )}
        {status.upstreamUrl && (
          <>
            <dt>{t("details.upstreamUrl")}</dt>
            <dd>{status.upstreamUrl}</dd>
          </>
        )}
        {run && (
          <>
            <dt>{t("details.lastRun")}</dt>
            <dd className={`gateway-outcome-${run.outcome}`}>{t(`details.outcome.${run.outcome}`)}</dd>
            <dt>{t("details.started")}</dt>
            <dd>
              <time dateTime={run.startedAt}>{formatDateTime(run.startedAt, language)}</time>
            </dd>
            <dt>{t("details.finished")}</dt>
            <dd>
              {run.finishedAt ? (
                <time dateTime={run.finishedAt}>{formatDateTime(run.finishedAt, language)}</time>
              ) : (
                t("details.stillRunning")
              )}
            </dd>
            <dt>{t("details.objects")}</dt>
            <dd className="mono">{number.format(run.objects)}</dd>
            <dt>{t("details.upstreamCalls")}</dt>
            <dd className="mono">{number.format(run.upstreamCalls)}</dd>
            <dt>{t("details.drift")}</dt>
            <dd className="mono">{number.format(run.drift)}</dd>
          </>
        )}
      </dl>
      {!run && <p className="muted">{t("details.never")}</p>}
      {run && run.errors.length > 0 && (
        <section className="gateway-errors" aria-labelledby="gateway-errors-heading">
          <h3 id="gateway-errors-heading">{t("details.errors")}</h3>
          <ul>
            {run.errors.map((error, index) => (
              <li key={index}>
                <p className="gateway-error-message">{error.message}</p>
                {error.trackingId && (
                  <p className="gateway-tracking-id">
                    {t("details.trackingId")}: <span className="mono">{error.trackingId}</span>
                  </p>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {run && run.drift > 0 && (
        <p>
          <Link to={OUTSIDE_CHANGES_PATH} onClick={onNavigate}>{t("details.viewDrift")}</Link>
        </p>
      )}
    </>
  );
}

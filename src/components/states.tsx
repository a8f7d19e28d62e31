import { type ReactNode, useState } from "react";
import { useTranslation } from "@/lib/use-translation";
import { errorMessage, trackingIdOf } from "@/lib/error-message";
import { Icon } from "./icon";

// The same loading, empty and error states on every screen.

export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label ?? t("states.loading")}</span>
    </div>
  );
}

/**
 * The app's frame (top bar, navigation, content) drawn before the first screen's session,
 * words and data have arrived, so a slow API shows the app taking shape rather than a bare
 * spinner. It holds no text: the language's words may not be loaded yet.
 */
export function ShellSkeleton() {
  return (
    <div className="shell shell-skeleton">
      <header className="top-bar">
        <span className="skeleton-line skeleton-brand" />
      </header>
      <nav className="side-nav">
        {[0, 1, 2, 3].map((line) => (
          <span key={line} className="skeleton-line" />
        ))}
      </nav>
      <main className="main" aria-busy="true">
        <span className="skeleton-line skeleton-title" />
        <span className="skeleton-line" />
        <span className="skeleton-block" />
      </main>
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state-empty">
      <p className="state-title">{title}</p>
      {children}
    </div>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="state state-error" role="alert">
      <Icon name="warning" size={20} />
      <p className="state-title">{t("states.errorTitle")}</p>
      <p>{errorMessage(t, error)}</p>
      <TrackingId id={trackingIdOf(error)} />
      {onRetry && (
        <button type="button" className="btn btn-secondary" onClick={onRetry}>
          {t("actions.retry")}
        </button>
      )}
    </div>
  );
}

/**
 * The tracking ID an error message asks the administrator to quote, with a button that
 * copies it (a long opaque string is easy to mistype); says "Copied" once it is.
 */
export function TrackingId({ id }: { id: string | undefined }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<"copied" | "copyFailed">();
  if (!id) return null;
  return (
    <p className="tracking-id">
      <span className="tracking-id-text">{t("trackingId.label", { id })}</span>{" "}
      <button
        type="button"
        className="btn btn-secondary btn-small"
        aria-label={t("trackingId.copyLabel")}
        onClick={() =>
          navigator.clipboard.writeText(id).then(
            () => setCopied("copied"),
            () => setCopied("copyFailed"),
          )
        }
      >
        {t("trackingId.copy")}
      </button>{" "}
      <span role="status" className="tracking-id-status">
        {copied && t(`trackingId.${copied}`)}
      </span>
    </p>
  );
}

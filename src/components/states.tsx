import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "@/lib/error-message";
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
      {onRetry && (
        <button type="button" className="btn btn-secondary" onClick={onRetry}>
          {t("actions.retry")}
        </button>
      )}
    </div>
  );
}

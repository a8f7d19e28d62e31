import { useRef, useState } from "react";
import { useTranslation } from "@/lib/use-translation";
import { Button, Dialog, DialogTrigger, Heading, Popover } from "react-aria-components";
import type { GatewayStatus, SyncRun } from "@domain/schemas/gateway-status";
import { Icon } from "@/components/icon";
import { isSyncing, useSyncEnded, useSyncNow } from "@/features/gateway/api/queries";
import { GatewayIcon } from "./gateway-icon";
import { timeAgo, useNow } from "./relative-time";
import { SyncDetails } from "./sync-details";
import "@/features/gateway/gateway.css";
import type { TFunction } from "@/lib/i18n";

/** What the screen reader hears when a synchronisation this administrator started ends. */
function endMessage(t: TFunction, run: SyncRun): string {
  if (run.outcome === "failed") {
    const message = run.errors[0]?.message;
    return message ? t("announce.failed", { message }) : t("announce.failedNoMessage");
  }
  return t("announce.succeeded", { count: run.drift });
}

/** The badge's one line of state: running, never run, or when the last run succeeded or failed. */
function stateText(t: TFunction, status: GatewayStatus, running: boolean, now: number, language: string): string {
  const run = status.lastSync;
  if (running) return t("badge.running");
  if (!run) return t("badge.never");
  const time = timeAgo(run.finishedAt ?? run.startedAt, now, language);
  if (run.outcome === "failed") return time ? t("badge.failed", { time }) : t("badge.failedJustNow");
  return time ? t("badge.synchronized", { time }) : t("badge.synchronizedJustNow");
}

/** The Webex badge itself (see GatewayBadge); default export for React.lazy. */
export default function GatewayBadgeView({ status }: { status: GatewayStatus }) {
  const { t, i18n } = useTranslation("gateway");
  const language = i18n.resolvedLanguage ?? i18n.language;
  const now = useNow();
  const syncNow = useSyncNow();
  const [announcement, setAnnouncement] = useState("");
  // Only the end of a run this administrator asked for is announced; scheduled runs refresh silently.
  const requested = useRef(false);
  useSyncEnded(status, (run) => {
    if (!requested.current) return;
    requested.current = false;
    setAnnouncement(endMessage(t, run));
  });

  const running = isSyncing(status) || syncNow.isPending;
  const failed = !running && status.lastSync?.outcome === "failed";
  const tone = running ? "running" : failed ? "failed" : status.lastSync ? "ok" : "never";
  const start = () => {
    if (running) return;
    requested.current = true;
    setAnnouncement("");
    syncNow.mutate(undefined, {
      onError: () => {
        requested.current = false;
      },
    });
  };

  return (
    <div className={`gateway-badge gateway-badge-${tone}`}>
      <DialogTrigger>
        <Button className="gateway-badge-summary">
          {failed ? <Icon name="warning" size={20} /> : <GatewayIcon name="cloud" />}
          <span className="gateway-badge-text">
            <span className="gateway-badge-org">
              <span className="gateway-badge-brand">{t("badge.webex")}</span>
              {status.organization && (
                <>
                  {" "}
                  <span className="gateway-badge-name">{status.organization.displayName}</span>
                </>
              )}
            </span>{" "}
            <span className="gateway-badge-state">{stateText(t, status, running, now, language)}</span>
          </span>
        </Button>
        <Popover className="popover gateway-popover" placement="bottom end">
          <Dialog className="dialog gateway-details">
            {({ close }) => (
              <>
                <Heading slot="title" level={2} className="dialog-title">
                  {t("details.title")}
                </Heading>
                <SyncDetails status={status} onNavigate={close} />
                {/* The same action as the badge's own button, which a narrow screen leaves out. */}
                <p className="gateway-details-actions">
                  <button type="button" className="btn btn-secondary btn-small" aria-disabled={running || undefined} onClick={start}>
                    <GatewayIcon name="refresh" className={running ? "gateway-spin" : undefined} />
                    {running ? t("badge.running") : t("badge.syncNow")}
                  </button>
                </p>
              </>
            )}
          </Dialog>
        </Popover>
      </DialogTrigger>
      <button
        type="button"
        className="icon-button gateway-sync-button"
        aria-disabled={running || undefined}
        onClick={start}
      >
        <GatewayIcon name="refresh" className={running ? "gateway-spin" : undefined} />
        <span className="visually-hidden">{running ? t("badge.running") : t("badge.syncNow")}</span>
      </button>
      <span className="visually-hidden" role="status">
        {announcement}
      </span>
    </div>
  );
}

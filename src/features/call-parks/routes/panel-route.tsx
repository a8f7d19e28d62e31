import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "@/lib/use-translation";
import { Dialog, Heading, type Key, Modal, ModalOverlay } from "react-aria-components";
import { Link, useLocation, useNavigate, useParams } from "react-router";
import type { LoaderArgs } from "@/lib/route-view";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { ErrorState, LoadingState } from "@/components/states";
import { Icon } from "@/components/icon";
import { ApiError } from "@/lib/api-client";
import { auditLogPath, callParkPath, simulatorPath } from "@/lib/paths";
import { queryClient } from "@/lib/query-client";
import { useAbility } from "@/lib/session";
import { useOpenedVersion } from "@/lib/use-opened-version";
import { callParkQueries, useDeleteCallPark } from "@/features/call-parks/api/queries";
import { CallParkDetails } from "@/features/call-parks/components/call-park-details";
import { CallParkEditor } from "@/features/call-parks/components/call-park-editor";
import { GroupMembers } from "@/features/call-parks/components/group-members";
import { CALL_PARKS_PATH } from "@/lib/paths";

export async function loader({ params }: LoaderArgs) {
  await queryClient
    .ensureQueryData(callParkQueries.detail(params.locationId ?? "", params.callParkId ?? ""))
    .catch(() => undefined);
  return null;
}

/**
 * A group's side panel: a summary of every part, each opening into its editor, and delete;
 * or only the summary, for who may not change it.
 */
export default function CallParkPanelRoute() {
  const { t } = useTranslation(["callParkGroups", "common"]);
  const navigate = useNavigate();
  const { search } = useLocation();
  const { locationId = "", callParkId = "" } = useParams();
  const client = useQueryClient();
  const detail = useQuery(callParkQueries.detail(locationId, callParkId));
  // The version the editor opened: its ETag goes with the save, and a refresh behind the
  // administrator's back neither changes it nor wipes their edits.
  const [opened, setOpened] = useOpenedVersion(callParkId, detail.data);
  // Renamed meanwhile (elsewhere, or in Webex), the group answers under a new id: follow it.
  const gone = detail.error instanceof ApiError && detail.error.status === 404;
  const renamedTo = useQuery({ ...callParkQueries.renamedTo(callParkId), enabled: gone });
  useEffect(() => {
    if (renamedTo.data) navigate(`${callParkPath(locationId, renamedTo.data)}${search}`, { replace: true });
  }, [renamedTo.data, locationId, navigate, search]);
  const remove = useDeleteCallPark();
  const [deleting, setDeleting] = useState(false);
  // Set when the panel closes on purpose (saved, deleted): unsaved edits are not asked about then.
  const leaving = useRef(false);
  const editable = useAbility().canWrite(locationId);
  // The parts opened outlive the editor, which starts afresh on the version reloaded after a conflict.
  const openParts = useState<ReadonlySet<Key>>(new Set());
  const close = () => navigate(`${CALL_PARKS_PATH}${search}`);
  useFocusBackOnClose(callParkPath(locationId, callParkId));

  return (
    <ModalOverlay className="panel-overlay" isOpen isDismissable onOpenChange={(open) => !open && close()}>
      <Modal className="side-panel">
        <Dialog className="side-panel-dialog" aria-labelledby="group-panel-title">
          <div className="side-panel-header">
            <Heading slot="title" id="group-panel-title">
              {detail.data?.name ?? t("panel.title")}
            </Heading>
            <button type="button" className="icon-button" aria-label={t("panel.close")} onClick={close}>
              <Icon name="cancel" />
            </button>
          </div>
          {detail.isSuccess && (
            // Every role may read the audit log: the editor and the read-only details both link to the group's history.
            <p>
              <Link to={auditLogPath({ objectId: callParkId })} aria-label={t("panel.historyOf", { name: detail.data.name })}>
                {t("panel.history")}
              </Link>
              {" · "}
              {/* The simulator opens on this group's first members parking together. */}
              <Link to={simulatorPath(locationId, { group: callParkId })} aria-label={t("panel.tryItOf", { name: detail.data.name })}>
                {t("panel.tryIt")}
              </Link>
            </p>
          )}
          {detail.isPending || (gone && (renamedTo.isPending || renamedTo.data)) ? (
            <LoadingState />
          ) : detail.isError ? (
            <ErrorState error={detail.error} onRetry={() => detail.refetch()} />
          ) : !editable ? (
            <CallParkDetails locationId={locationId} group={detail.data} />
          ) : (
            <>
              {opened && (
                <CallParkEditor
                  key={opened.etag ?? JSON.stringify(opened)}
                  locationId={locationId}
                  group={opened}
                  onSaved={close}
                  leaving={leaving}
                  openParts={openParts}
                  onReload={(theirs) => {
                    client.setQueryData(callParkQueries.detail(locationId, callParkId).queryKey, theirs);
                    setOpened(theirs);
                  }}
                />
              )}
              <div className="side-panel-footer">
                <button type="button" className="btn btn-danger-outline" onClick={() => setDeleting(true)}>
                  {t("panel.delete")}
                </button>
              </div>
              <ConfirmDialog
                isOpen={deleting}
                title={t("delete.title")}
                confirmLabel={t("delete.confirm")}
                cancelLabel={t("common:actions.cancel")}
                isPending={remove.isPending}
                onCancel={() => setDeleting(false)}
                onConfirm={() =>
                  remove.mutate(
                    { locationId, id: callParkId },
                    {
                      onSuccess: () => {
                        leaving.current = true;
                        close();
                      },
                      onSettled: () => setDeleting(false),
                    },
                  )
                }
              >
                <p>{t("delete.body", { name: detail.data.name })}</p>
                <GroupMembers agents={detail.data.agents} />
              </ConfirmDialog>
            </>
          )}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

/**
 * Closing the panel (Escape, its button, Save) puts focus back on the row's link that
 * opened it, as a dialog should: the list re-renders under the panel, so the modal's own
 * restore can lose it. The opener is whatever had focus as the panel first rendered.
 */
function useFocusBackOnClose(panelPath: string) {
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  useEffect(
    () => () => {
      // After the modal's own restore attempt; a row drawn anew meanwhile (a refreshed list)
      // is found by its link to this panel, waiting a few frames for it while focus is nowhere.
      let frames = 0;
      const attempt = () => {
        const focusIsLost = !document.activeElement || document.activeElement === document.body;
        if (!focusIsLost && document.activeElement !== opener) return;
        const row = document.querySelector<HTMLElement>(`.main a[href^="${panelPath}"]`);
        const target = opener?.isConnected && opener !== document.body && !opener.closest(".side-panel") ? opener : row;
        if (target) target.focus();
        else if (++frames < 60) requestAnimationFrame(attempt);
      };
      requestAnimationFrame(attempt);
    },
    [opener, panelPath],
  );
}

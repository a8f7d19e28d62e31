import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "@/lib/use-translation";
import { Link, useNavigate, useParams } from "react-router";
import type { LoaderArgs } from "@/lib/route-view";
import { PageHeader } from "@/components/page-header";
import { type Conflict, ConflictDialog } from "@/components/conflict-dialog";
import { ReadOnlyNotice } from "@/components/read-only-notice";
import { ErrorState, LoadingState } from "@/components/states";
import { auditLogPath } from "@/lib/paths";
import { locationQueries } from "@/lib/location-queries";
import { ApiError, type Versioned } from "@/lib/api-client";
import { changedFields } from "@/lib/changed-fields";
import { errorMessage, trackingIdOf } from "@/lib/error-message";
import { queryClient } from "@/lib/query-client";
import { showToast } from "@/lib/toast";
import { useOpenedVersion } from "@/lib/use-opened-version";
import { useBackToList } from "@/lib/list-return";
import { useAbility } from "@/lib/session";
import {
  callParkExtensionQueries,
  latestCallParkExtension,
  useUpdateCallParkExtension,
} from "@/features/call-park-extensions/api/queries";
import { CallParkExtensionDetails } from "@/features/call-park-extensions/components/call-park-extension-details";
import { CallParkExtensionForm } from "@/features/call-park-extensions/components/call-park-extension-form";
import { DeleteCallParkExtensionDialog } from "@/features/call-park-extensions/components/delete-call-park-extension";
import { useRenumberConfirm } from "@/features/call-park-extensions/components/where-used";
import { CALL_PARK_EXTENSIONS_PATH } from "@/lib/paths";

export async function loader({ params }: LoaderArgs) {
  const { locationId = "", id = "" } = params;
  await Promise.allSettled([
    queryClient.ensureQueryData(callParkExtensionQueries.detail(locationId, id)),
    queryClient.ensureQueryData(locationQueries.detail(locationId)),
  ]);
  return null;
}

interface Values {
  name: string;
  extension: string;
}

/** A save refused because someone changed the extension meanwhile: what they made of it, and what this administrator wanted. */
interface Refused extends Conflict {
  theirs: Versioned<Values>;
  mine: Values;
}

export default function EditCallParkExtensionRoute() {
  const { t } = useTranslation(["callParkExtensions", "common"]);
  const navigate = useNavigate();
  const client = useQueryClient();
  const { locationId = "", id = "" } = useParams();
  const detail = useQuery(callParkExtensionQueries.detail(locationId, id));
  const location = useQuery(locationQueries.detail(locationId));
  const update = useUpdateCallParkExtension();
  const [deleting, setDeleting] = useState(false);
  // The version the form was opened on: its ETag goes with the save, whatever a refresh brought since.
  const [opened, setOpened] = useOpenedVersion(id, detail.data);
  const [refused, setRefused] = useState<Refused | null>(null);
  // A new number for a group's park destination is said first: the group's parked calls move with it.
  const renumber = useRenumberConfirm(locationId, id);
  const editable = useAbility().canWrite(locationId);
  // Back to the list as it was left (page, sort, filters), the edited row brought into view.
  const backToList = useBackToList(CALL_PARK_EXTENSIONS_PATH);
  const back = { to: backToList().to, label: t("list.title") };

  if (detail.isPending) return <LoadingState />;
  if (detail.isError) {
    return (
      <>
        <PageHeader title={t("edit.notFoundTitle")} back={back} />
        <ErrorState error={detail.error} onRetry={() => detail.refetch()} />
      </>
    );
  }
  const current = detail.data;
  const base = opened ?? current;

  /** Saves what changed from `from` on the version `ifMatch`; a 412 opens the conflict dialog instead. */
  const save = async (mine: Values, from: Values, ifMatch: string | undefined) => {
    const body = changedFields(mine, from);
    try {
      if (Object.keys(body).length) await update.mutateAsync({ locationId, id, ifMatch, body });
      setRefused(null);
      const { to, state } = backToList(id);
      navigate(to, { state });
    } catch (error) {
      if (!(error instanceof ApiError && error.code === "changedMeanwhile")) throw error;
      const theirs = await latestCallParkExtension(locationId, id).catch((failure: unknown) => {
        showToast({ tone: "error", title: errorMessage(t, failure), trackingId: trackingIdOf(failure) });
        return undefined;
      });
      if (!theirs) return;
      const field = (label: string, key: keyof Values) => ({ label, base: base[key], theirs: theirs[key], mine: mine[key] });
      setRefused({ error, theirs, mine, fields: [field(t("form.name"), "name"), field(t("form.extension"), "extension")] });
    }
  };
  // Every role may read the audit log, so the way to this extension's history is always there.
  const history = (
    <Link className="btn btn-secondary" to={auditLogPath({ objectId: id })} aria-label={t("history.viewOf", { name: current.name })}>
      {t("history.view")}
    </Link>
  );
  if (!editable) {
    return (
      <>
        <PageHeader title={current.name} back={back} actions={history} />
        <ReadOnlyNotice message={t("readOnly")} />
        <CallParkExtensionDetails locationName={location.data?.name ?? ""} name={current.name} extension={current.extension} />
      </>
    );
  }
  return (
    <>
      <PageHeader
        title={current.name}
        description={t("edit.description")}
        back={back}
        actions={
          <>
            {history}
            <button type="button" className="btn btn-danger-outline" onClick={() => setDeleting(true)}>
              {t("common:actions.delete")}
            </button>
          </>
        }
      />
      <CallParkExtensionForm
        key={base.etag ?? `${base.name}:${base.extension}`}
        defaultValues={{ locationId, name: base.name, extension: base.extension }}
        ownId={id}
        lockedLocationName={location.data?.name ?? ""}
        cancelTo={back.to}
        submitLabel={t("edit.title")}
        onSubmit={(values) =>
          renumber.confirm(base.extension, values.extension, () => save({ name: values.name, extension: values.extension }, base, base.etag))
        }
      />
      {renumber.dialog}
      <ConflictDialog
        conflict={refused}
        isPending={update.isPending}
        onCancel={() => setRefused(null)}
        onReload={() => {
          if (!refused) return;
          // Their version becomes the one on screen (and the one the next save is made on).
          client.setQueryData(callParkExtensionQueries.detail(locationId, id).queryKey, refused.theirs);
          setOpened(refused.theirs);
          setRefused(null);
        }}
        onReapply={() => refused && save(refused.mine, base, refused.theirs.etag)}
      />
      <DeleteCallParkExtensionDialog
        target={deleting ? { locationId, id, name: current.name, extension: current.extension } : null}
        onClose={() => setDeleting(false)}
        onDeleted={() => navigate(back.to)}
      />
    </>
  );
}

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, type LoaderFunctionArgs, useNavigate, useParams } from "react-router";
import { PageHeader } from "@/components/page-header";
import { ReadOnlyNotice } from "@/components/read-only-notice";
import { ErrorState, LoadingState } from "@/components/states";
import { auditLogPath } from "@/lib/paths";
import { locationQueries } from "@/lib/location-queries";
import { queryClient } from "@/lib/query-client";
import { useAbility } from "@/lib/session";
import { callParkExtensionQueries, useUpdateCallParkExtension } from "@/features/call-park-extensions/api/queries";
import { CallParkExtensionDetails } from "@/features/call-park-extensions/components/call-park-extension-details";
import { CallParkExtensionForm } from "@/features/call-park-extensions/components/call-park-extension-form";
import { DeleteCallParkExtensionDialog } from "@/features/call-park-extensions/components/delete-call-park-extension";
import { CALL_PARK_EXTENSIONS_PATH } from "@/lib/paths";

export async function loader({ params }: LoaderFunctionArgs) {
  const { locationId = "", id = "" } = params;
  await Promise.allSettled([
    queryClient.ensureQueryData(callParkExtensionQueries.detail(locationId, id)),
    queryClient.ensureQueryData(locationQueries.detail(locationId)),
  ]);
  return null;
}

export default function EditCallParkExtensionRoute() {
  const { t } = useTranslation(["callParkExtensions", "common"]);
  const navigate = useNavigate();
  const { locationId = "", id = "" } = useParams();
  const detail = useQuery(callParkExtensionQueries.detail(locationId, id));
  const location = useQuery(locationQueries.detail(locationId));
  const update = useUpdateCallParkExtension();
  const [deleting, setDeleting] = useState(false);
  const editable = useAbility().canWrite(locationId);
  const back = { to: CALL_PARK_EXTENSIONS_PATH, label: t("list.title") };

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
        key={`${current.name}:${current.extension}`}
        defaultValues={{ locationId, name: current.name, extension: current.extension }}
        ownId={id}
        lockedLocationName={location.data?.name ?? ""}
        cancelTo={CALL_PARK_EXTENSIONS_PATH}
        submitLabel={t("edit.title")}
        onSubmit={async (values) => {
          await update.mutateAsync({ locationId, id, name: values.name, extension: values.extension });
          navigate(CALL_PARK_EXTENSIONS_PATH);
        }}
      />
      <DeleteCallParkExtensionDialog
        target={deleting ? { locationId, id, name: current.name, extension: current.extension } : null}
        onClose={() => setDeleting(false)}
        onDeleted={() => navigate(CALL_PARK_EXTENSIONS_PATH)}
      />
    </>
  );
}

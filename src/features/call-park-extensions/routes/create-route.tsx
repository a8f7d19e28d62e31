import { useTranslation } from "@/lib/use-translation";
import { useNavigate, useSearchParams } from "react-router";
import type { LoaderArgs } from "@/lib/route-view";
import { PageHeader } from "@/components/page-header";
import { ReadOnlyNotice } from "@/components/read-only-notice";
import { locationQueries } from "@/lib/location-queries";
import { queryClient } from "@/lib/query-client";
import { useAbility } from "@/lib/session";
import { useCreateCallParkExtension } from "@/features/call-park-extensions/api/queries";
import { CallParkExtensionForm } from "@/features/call-park-extensions/components/call-park-extension-form";
import { CALL_PARK_EXTENSIONS_PATH } from "@/lib/paths";

export async function loader(_: LoaderArgs) {
  await queryClient.ensureQueryData(locationQueries.list()).catch(() => undefined);
  return null;
}

export default function CreateCallParkExtensionRoute() {
  const { t } = useTranslation("callParkExtensions");
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const create = useCreateCallParkExtension();
  const { canWrite } = useAbility();
  const back = { to: CALL_PARK_EXTENSIONS_PATH, label: t("list.title") };
  // Reached by its address alone: an administrator who may not add is told so, with the way back.
  if (!canWrite()) {
    return (
      <>
        <PageHeader title={t("create.title")} back={back} />
        <ReadOnlyNotice message={t("readOnly")} />
      </>
    );
  }
  return (
    <>
      <PageHeader title={t("create.title")} description={t("create.description")} back={back} />
      <CallParkExtensionForm
        defaultValues={{ locationId: searchParams.get("location") ?? "" }}
        cancelTo={CALL_PARK_EXTENSIONS_PATH}
        submitLabel={t("create.title")}
        onSubmit={async (values) => {
          await create.mutateAsync(values);
          navigate(CALL_PARK_EXTENSIONS_PATH);
        }}
      />
    </>
  );
}

import { useTranslation } from "react-i18next";
import { type LoaderFunctionArgs, useNavigate, useSearchParams } from "react-router";
import { PageHeader } from "../../../components/page-header";
import { locationQueries } from "../../../lib/location-queries";
import { queryClient } from "../../../lib/query-client";
import { useCreateCallParkExtension } from "../api/queries";
import { CallParkExtensionForm } from "../components/call-park-extension-form";
import { CALL_PARK_EXTENSIONS_PATH } from "./paths";

export async function loader(_: LoaderFunctionArgs) {
  await queryClient.ensureQueryData(locationQueries.list()).catch(() => undefined);
  return null;
}

export default function CreateCallParkExtensionRoute() {
  const { t } = useTranslation("callParkExtensions");
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const create = useCreateCallParkExtension();
  return (
    <>
      <PageHeader
        title={t("create.title")}
        description={t("create.description")}
        back={{ to: CALL_PARK_EXTENSIONS_PATH, label: t("list.title") }}
      />
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

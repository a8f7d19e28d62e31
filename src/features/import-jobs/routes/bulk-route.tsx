import { type LoaderFunctionArgs, useLocation, useNavigate } from "react-router";
import { locationQueries } from "@/lib/location-queries";
import { queryClient } from "@/lib/query-client";
import { BulkManageDialog } from "@/features/import-jobs/components/bulk-manage-dialog";
import { CALL_PARK_EXTENSIONS_PATH } from "@/lib/paths";

export async function loader(_: LoaderFunctionArgs) {
  // The export's location choice; the dialog works without it.
  await queryClient.ensureQueryData(locationQueries.list()).catch(() => undefined);
  return null;
}

/** Bulk manage, a dialog over the list; it closes back to where it was opened from. */
export default function BulkManageRoute() {
  const navigate = useNavigate();
  const { state } = useLocation();
  const from = (state as { from?: string } | null)?.from;
  return <BulkManageDialog onClose={() => navigate(from ?? CALL_PARK_EXTENSIONS_PATH)} />;
}

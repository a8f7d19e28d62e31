import { useLocation, useNavigate } from "react-router";
import type { LoaderArgs } from "@/lib/route-view";
import { locationQueries } from "@/lib/location-queries";
import { queryClient } from "@/lib/query-client";
import { BulkManageDialog } from "@/features/import-jobs/components/bulk-manage-dialog";
import { CALL_PARK_EXTENSIONS_PATH, CALL_PARKS_PATH, type TaskKind } from "@/lib/paths";

export async function loader(_: LoaderArgs) {
  // The export's location choice; the dialog works without it.
  await queryClient.ensureQueryData(locationQueries.list()).catch(() => undefined);
  return null;
}

/** Where each kind's dialog sits: over its list. */
const LIST_PATH: Record<TaskKind, string> = { callParkExtensions: CALL_PARK_EXTENSIONS_PATH, callParks: CALL_PARKS_PATH };

/** Bulk manage, a dialog over the list of its kind; it closes back to where it was opened from. */
function BulkManageRoute({ kind }: { kind: TaskKind }) {
  const navigate = useNavigate();
  const { state } = useLocation();
  const from = (state as { from?: string } | null)?.from;
  return <BulkManageDialog kind={kind} onClose={() => navigate(from ?? LIST_PATH[kind])} />;
}

/** Call park extensions' bulk manage (…/call-park-extensions/bulk). */
export default function CallParkExtensionsBulkRoute() {
  return <BulkManageRoute kind="callParkExtensions" />;
}

/** Call park groups' bulk manage (…/call-parks/bulk). */
export function CallParksBulkRoute() {
  return <BulkManageRoute kind="callParks" />;
}

import { useLocation, useNavigate } from "react-router";
import { RangeBuilderDialog } from "@/features/import-jobs/components/range-builder-dialog";
import { CALL_PARK_EXTENSIONS_PATH } from "@/lib/paths";

/** Add a range, a dialog over the list; it closes back to where it was opened from. */
export default function RangeRoute() {
  const navigate = useNavigate();
  const { state } = useLocation();
  const from = (state as { from?: string } | null)?.from;
  return <RangeBuilderDialog onClose={() => navigate(from ?? CALL_PARK_EXTENSIONS_PATH)} />;
}

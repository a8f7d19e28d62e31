import { fireEvent, waitFor } from "@testing-library/react";
import { expect, vi } from "vitest";
import type { ImportRowOutcome } from "@domain/schemas/import-job";
import { sessionQuery } from "@/lib/session";
import type { TaskKind } from "@/lib/paths";
import { locationsHandler } from "@/test/fixtures";
import { renderWithProviders } from "@/test/render";
import { server } from "@/test/server";
import { BulkManageDialog } from "./bulk-manage-dialog";

// What the bulk manage dialog's tests of either kind share: the dialog rendered, a file
// chosen, and a dry run's answer made from its rows.

/** A dry run's answer for these rows: their counts by outcome, and whether `mode` would apply anything. */
export function previewOf<Row extends { outcome: ImportRowOutcome }>(rows: Row[], mode: "partial" | "atomic" = "partial") {
  const n = (o: ImportRowOutcome) => rows.filter((r) => r.outcome === o).length;
  const error = n("ERROR");
  return {
    mode,
    rows,
    counts: { create: n("CREATE"), update: n("UPDATE"), delete: n("DELETE"), unchanged: n("UNCHANGED"), error, total: rows.length },
    wouldApply: mode === "partial" || error === 0,
  };
}

/** The dialog of a kind, once the session is known (the app has it before any screen; here it comes just after). */
export async function renderBulkManage(kind: TaskKind, language: "en" | "pt-BR" = "en") {
  server.use(locationsHandler);
  const onClose = vi.fn();
  const rendered = await renderWithProviders(<BulkManageDialog kind={kind} onClose={onClose} />, { url: "/bulk", language });
  await waitFor(() => expect(rendered.queryClient.getQueryData(sessionQuery().queryKey)).toBeDefined());
  return { ...rendered, onClose };
}

/** Chooses a file as the file chooser would give it. */
export function chooseFile(file: File) {
  fireEvent.change(document.querySelector<HTMLInputElement>('input[type="file"]')!, { target: { files: [file] } });
}

import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { beforeEach, describe, expect, it } from "vitest";
import { api } from "@domain/api/endpoints";
import type { ImportPreview, ImportPreviewRow } from "@domain/schemas/import-job";
import { sessionQuery } from "@/lib/session";
import { locationsHandler } from "@/test/fixtures";
import { mswPath } from "@/test/msw-path";
import { useNodeFormData } from "@/test/node-form-data";
import { renderWithProviders } from "@/test/render";
import { server } from "@/test/server";
import { BulkManageDialog } from "./bulk-manage-dialog";

// The import preview's DELETE rows say which group parks on the call park extension they
// remove, and at which position of its hunting order (the server's `usedBy`).

beforeEach(useNodeFormData);

const ROWS: ImportPreviewRow[] = [
  { itemNumber: 2, location: "São Paulo", name: "", extension: "5002", action: "DELETE", outcome: "DELETE", previousName: "Park 02", usedBy: { id: "G1", name: "Front desk", position: 2, of: 3 } },
  { itemNumber: 3, location: "São Paulo", name: "", extension: "5004", action: "DELETE", outcome: "DELETE", previousName: "Park 04" },
];

const PREVIEW: ImportPreview = {
  mode: "partial",
  rows: ROWS,
  counts: { create: 0, update: 0, delete: 2, unchanged: 0, error: 0, total: 2 },
  wouldApply: true,
};

async function previewFile(language: "en" | "pt-BR") {
  server.use(
    locationsHandler,
    http.post(mswPath(api.importJobs.preview), () => HttpResponse.json(PREVIEW)),
  );
  const rendered = await renderWithProviders(<BulkManageDialog kind="callParkExtensions" onClose={() => undefined} />, { url: "/bulk", language });
  await waitFor(() => expect(rendered.queryClient.getQueryData(sessionQuery().queryKey)).toBeDefined());
  const file = new File(["Location,Call Park Extension Name,Extension,Action\nSão Paulo,,5002,DELETE\nSão Paulo,,5004,DELETE\n"], "parks.csv", { type: "text/csv" });
  fireEvent.change(document.querySelector<HTMLInputElement>('input[type="file"]')!, { target: { files: [file] } });
  const table = await screen.findByRole("table");
  return within(table).getAllByRole("row").slice(1);
}

describe("the import preview's DELETE rows: where the call park extension is used", () => {
  it("names the group and the position in its hunting order; an unused one says only Delete", async () => {
    const [used, unused] = await previewFile("en");
    expect(within(used).getByRole("cell", { name: /^Delete/ })).toHaveTextContent(
      "DeleteUsed by the group Front desk as park destination 2 of 3: calls parked with #58 will no longer land on it.",
    );
    expect(within(unused).getByRole("cell", { name: /^Delete/ })).toHaveTextContent(/^Delete$/);
  });

  it("in Portuguese", async () => {
    const [used] = await previewFile("pt-BR");
    expect(used).toHaveTextContent(
      "Usado pelo grupo Front desk como destino de estacionamento 2 de 3: as chamadas estacionadas com #58 não vão mais cair nele.",
    );
  });
});

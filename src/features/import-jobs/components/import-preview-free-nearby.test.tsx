import { screen, waitFor, within } from "@testing-library/react";
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

// A taken row's free extensions leave out those the file's other rows would create in the
// same location: taking one would only make a new clash. The rows of other locations, and the
// rows that update, delete or leave one as it is, are no reason to leave one out.

beforeEach(useNodeFormData);

const taken = (itemNumber: number, location: string, locationId: string, extension: string): ImportPreviewRow => ({
  itemNumber,
  location,
  locationId,
  name: `Park ${extension}`,
  extension,
  action: "ADD",
  outcome: "ERROR",
  issues: [{ path: ["extension"], code: "extensionTaken", params: { extension, ownerName: "Maria Silva", context: "PEOPLE" } }],
});

const row = (itemNumber: number, locationId: string, extension: string, outcome: ImportPreviewRow["outcome"]): ImportPreviewRow => ({
  itemNumber,
  location: locationId === "L1" ? "São Paulo" : "Campinas",
  locationId,
  name: `Park ${extension}`,
  extension,
  action: outcome === "DELETE" ? "DELETE" : "ADD",
  outcome,
});

const ROWS: ImportPreviewRow[] = [
  taken(2, "São Paulo", "L1", "1002"),
  row(3, "L1", "1037", "CREATE"),
  row(4, "L1", "1000", "CREATE"),
  row(5, "L2", "1038", "CREATE"),
  row(6, "L1", "1039", "UPDATE"),
  row(7, "L1", "1040", "DELETE"),
  row(8, "L1", "1041", "UNCHANGED"),
  taken(9, "Campinas", "L2", "3001"),
];

const PREVIEW: ImportPreview = {
  mode: "partial",
  rows: ROWS,
  counts: { create: 3, update: 1, delete: 1, unchanged: 1, error: 2, total: 8 },
  wouldApply: true,
};

/** Near 1002 the location's plan has these free, nearest first; near 3001 these. */
const FREE: Record<string, string[]> = {
  "1002": ["1000", "1037", "1038", "1039", "1040", "1041"],
  "3001": ["3000", "2999", "3003", "3004"],
};

/** A server that, as ours, leaves `exclude` out of the nearest free ones; each request's body kept. */
function answering() {
  const asked: { locationId: string; body: Record<string, unknown> }[] = [];
  server.use(
    locationsHandler,
    http.post(mswPath(api.importJobs.preview), () => HttpResponse.json(PREVIEW)),
    http.post(mswPath(api.callParkExtensions.suggestExtensions), async ({ request, params }) => {
      const body = (await request.json()) as { near: string; count: number; exclude?: string[] };
      asked.push({ locationId: String(params.locationId), body });
      const excluded = new Set(body.exclude ?? []);
      return HttpResponse.json({ extensions: FREE[body.near].filter((e) => !excluded.has(e)).slice(0, body.count) });
    }),
  );
  return asked;
}

async function previewFile() {
  const rendered = await renderWithProviders(<BulkManageDialog kind="callParkExtensions" onClose={() => undefined} />, { url: "/bulk", language: "en" });
  await waitFor(() => expect(rendered.queryClient.getQueryData(sessionQuery().queryKey)).toBeDefined());
  const file = new File(["Location,Call Park Extension Name,Extension,Action\nSão Paulo,Park 1002,1002,ADD\n"], "parks.csv", { type: "text/csv" });
  await rendered.user.upload(document.querySelector<HTMLInputElement>('input[type="file"]')!, file);
  await screen.findByRole("table");
  return rendered;
}

const rowOf = (extension: string) => screen.getAllByRole("row").find((r) => within(r).queryByRole("cell", { name: `Park ${extension}` }))!;

describe("the import preview's free extensions near a taken one", () => {
  it("leaves out those the file's other rows create in the same location, and says so in its request", async () => {
    const asked = answering();
    const { user } = await previewFile();
    const row1002 = rowOf("1002");
    await user.click(within(row1002).getByRole("button", { name: "Find free extensions near 1002" }));
    expect(await within(row1002).findByText("1038, 1039 and 1040 are free.")).toBeInTheDocument();
    expect(asked).toEqual([{ locationId: "L1", body: { near: "1002", count: 3, exclude: ["1000", "1037"] } }]);
    for (const created of ["1000", "1037"]) expect(within(row1002).queryByRole("status")).not.toHaveTextContent(created);
  });

  it("in another location, leaves out only what the file creates there", async () => {
    const asked = answering();
    const { user } = await previewFile();
    const row3001 = rowOf("3001");
    await user.click(within(row3001).getByRole("button", { name: "Find free extensions near 3001" }));
    expect(await within(row3001).findByText("3000, 2999 and 3003 are free.")).toBeInTheDocument();
    expect(asked).toEqual([{ locationId: "L2", body: { near: "3001", count: 3, exclude: ["1038"] } }]);
  });

  it("leaves them out when the table shows only the rows in error, too", async () => {
    const asked = answering();
    const { user } = await previewFile();
    await user.click(screen.getByRole("radio", { name: "Error (2)" }));
    expect(screen.queryByRole("cell", { name: "Park 1037" })).not.toBeInTheDocument();
    const row1002 = rowOf("1002");
    await user.click(within(row1002).getByRole("button", { name: "Find free extensions near 1002" }));
    expect(await within(row1002).findByText("1038, 1039 and 1040 are free.")).toBeInTheDocument();
    expect(asked.map((a) => a.body.exclude)).toEqual([["1000", "1037"]]);
  });
});

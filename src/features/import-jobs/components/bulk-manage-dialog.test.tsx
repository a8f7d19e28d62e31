import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { beforeEach, describe, expect, it } from "vitest";
import { api } from "@domain/api/endpoints";
import { apiErrorResponse } from "@/test/fixtures";
import { useNodeFormData } from "@/test/node-form-data";
import { recordRequests, server } from "@/test/server";
import { mswPath } from "@/test/msw-path";
import { gatewayStatusHandler, sessionHandler, STANDALONE_GATEWAY } from "@/test/session";
import { gatewayStatusQuery } from "@/lib/session";
import type { ImportPreviewRow } from "@domain/schemas/import-job";
import { chooseFile, previewOf, renderBulkManage } from "./bulk-manage-test-helpers";
import { captureDownloads } from "@/test/downloads";

beforeEach(useNodeFormData);

const JOBS = mswPath(api.importJobs.create);
const PREVIEW = mswPath(api.importJobs.preview);

const csvFile = (text: string, name = "parks.csv", type = "text/csv") => new File([text], name, { type });
const GOOD_PT = "\uFEFFLocal;Nome do ramal de estacionamento de chamadas;Ramal;Ação\r\nSão Paulo;Recepção;8101;\r\nSão Paulo;Doca;8102;ADD\r\n";

function previewRow(itemNumber: number, outcome: ImportPreviewRow["outcome"], extra: Partial<ImportPreviewRow> = {}): ImportPreviewRow {
  return { itemNumber, location: "São Paulo", name: `Park ${itemNumber}`, extension: `81${itemNumber}`, action: "ADD", outcome, ...extra };
}

const PREVIEW_ROWS: ImportPreviewRow[] = [
  previewRow(2, "CREATE"),
  previewRow(3, "UPDATE", { name: "Front desk", previousName: "Reception" }),
  previewRow(4, "DELETE", { action: "DELETE" }),
  previewRow(5, "UNCHANGED"),
  previewRow(6, "ERROR", {
    issues: [{ path: ["extension"], code: "extensionTaken", params: { extension: "8106", ownerName: "Maria Silva", context: "PEOPLE" } }],
  }),
];


/** A file's text with its byte-order mark kept (Blob.text() drops it). */
const textWithBom = async (blob: Blob) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(await blob.arrayBuffer());

interface Upload {
  mode: string | null;
  fileName: string | null;
  contentType: string | null;
  file: File;
  text: string;
}

async function readUpload(request: Request): Promise<Upload> {
  const url = new URL(request.url);
  const contentType = request.headers.get("content-type");
  const file = (await request.formData()).get("file") as File;
  return { mode: url.searchParams.get("mode"), fileName: url.searchParams.get("fileName"), contentType, file, text: await textWithBom(file) };
}

/**
 * The preview endpoint answering `rows` (in the mode asked), keeping what each call sent;
 * with `until`, it holds its answer until the test settles that promise.
 */
function previewAnswering(rows: ImportPreviewRow[], { until }: { until?: Promise<void> } = {}) {
  const uploads: Upload[] = [];
  server.use(
    http.post(PREVIEW, async ({ request }) => {
      const upload = await readUpload(request);
      uploads.push(upload);
      if (until) await until;
      return HttpResponse.json(previewOf(rows, upload.mode === "atomic" ? "atomic" : "partial"));
    }),
  );
  return uploads;
}



describe("Bulk manage: the browser refuses a broken file, and sends nothing", () => {
  it.each([
    ["a missing column", csvFile("Location,Extension\nSão Paulo,8101\n"), "Columns missing: Call Park Extension Name."],
    ["an unknown column", csvFile("Location,Call Park Extension Name,Extension,Colour\nSão Paulo,A,8101,red\n"), "Unknown columns: Colour. Use the template's columns."],
    ["an empty file", csvFile(""), "The file has no rows to import."],
    ["headers without rows", csvFile("Location,Call Park Extension Name,Extension\r\n"), "The file has no rows to import."],
    ["a spreadsheet saved as .xlsx", csvFile("PK\u0003\u0004\u0000\u0000binary", "parks.xlsx", "application/zip"), "This file is not a call park extension CSV. Start from the template."],
    [
      "1,001 rows",
      csvFile(`Location,Call Park Extension Name,Extension\n${Array.from({ length: 1001 }, (_, i) => `London,P${i},${7000 + i}`).join("\n")}`),
      "The file has 1,001 rows; at most 1,000 can be imported at a time.",
    ],
    ["a file over 1 MB", csvFile(`Location,Call Park Extension Name,Extension\n${"x".repeat(1024 * 1024)}`), "The file is too large: at most 1 MB."],
  ])("%s", async (_, file, message) => {
    const recorder = recordRequests();
    await renderBulkManage("callParkExtensions");
    chooseFile(file);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent(`${file.name} cannot be imported.`);
    expect(alert).toHaveTextContent(message);
    expect(alert).toHaveTextContent("Nothing was sent or changed.");
    expect(screen.getByRole("button", { name: "Submit" })).toBeDisabled();
    expect(recorder.requests.filter((r) => r.method !== "GET")).toEqual([]);
  });
});

describe("Bulk manage: a good file is read, previewed by the server, and submitted", () => {
  it("reads semicolons, a BOM and Portuguese headers, and uploads the very file for a preview", async () => {
    const uploads = previewAnswering([previewRow(2, "CREATE"), previewRow(3, "CREATE")]);
    await renderBulkManage("callParkExtensions");
    chooseFile(csvFile(GOOD_PT, "ramais.csv"));

    expect(await screen.findByText("ramais.csv: 2 rows read.")).toBeInTheDocument();
    expect(await screen.findByText(/^2 rows: 2 to create, 0 to update/)).toBeInTheDocument();
    expect(uploads).toHaveLength(1);
    expect(uploads[0].mode).toBe("partial");
    expect(uploads[0].contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(uploads[0].file.name).toBe("ramais.csv");
    expect(uploads[0].text).toBe(GOOD_PT);
  });

  it("shows every row's outcome, the counts per kind, and filters by kind", async () => {
    previewAnswering(PREVIEW_ROWS);
    const { user } = await renderBulkManage("callParkExtensions");
    chooseFile(csvFile("Location,Call Park Extension Name,Extension,Action\nSão Paulo,A,8102,\n"));

    const table = await screen.findByRole("table", { name: "What each row of the file would do" });
    expect(within(table).getAllByRole("row")).toHaveLength(6);
    const filter = screen.getByRole("group", { name: "Show" });
    expect(within(filter).getAllByRole("radio").map((r) => r.closest("label")!.textContent)).toEqual([
      "All (5)",
      "Create (1)",
      "Update (1)",
      "Delete (1)",
      "Unchanged (1)",
      "Error (1)",
    ]);
    const update = within(table).getByRole("cell", { name: /^Update/ });
    expect(update).toHaveTextContent("UpdateReception → Front desk");

    await user.click(within(filter).getByRole("radio", { name: "Error (1)" }));
    const rows = within(table).getAllByRole("row");
    expect(rows).toHaveLength(2);
    expect(within(rows[1]).getAllByRole("cell")[0]).toHaveTextContent("6");
    expect(rows[1]).toHaveTextContent("Extension 8106 is already used by the person Maria Silva.");

    await user.click(within(filter).getByRole("radio", { name: "Delete (1)" }));
    expect(within(table).getAllByRole("row")).toHaveLength(2);
    expect(within(table).getByRole("cell", { name: "Park 4" })).toBeInTheDocument();
  });

  it("lists the rows the browser finds wrong while the server checks the file", async () => {
    let answer = () => {};
    const answered = new Promise<void>((resolve) => (answer = resolve));
    previewAnswering([previewRow(2, "ERROR", { issues: [{ path: ["extension"], code: "extensionDigits" }] })], { until: answered });
    await renderBulkManage("callParkExtensions");
    chooseFile(csvFile("Location,Call Park Extension Name,Extension\nLondon,Bay,12a\n"));

    const status = await screen.findByText("1 row has a problem.");
    expect(status.closest("[role=status]")).toHaveTextContent("Row 2: An extension contains digits only (0–9).");
    answer();
    expect(await screen.findByRole("table")).toHaveTextContent("An extension contains digits only (0–9).");
    expect(screen.queryByText(/^Row 2:/)).not.toBeInTheDocument();
  });

  it("asks again in atomic mode, and offers no Submit while a row is wrong", async () => {
    const uploads = previewAnswering(PREVIEW_ROWS);
    const { user } = await renderBulkManage("callParkExtensions");
    chooseFile(csvFile("Location,Call Park Extension Name,Extension\nLondon,Bay,8101\n"));
    await screen.findByRole("table");
    const submit = screen.getByRole("button", { name: "Submit" });
    expect(submit).toBeEnabled();
    expect(submit).toHaveAccessibleDescription("Submit imports 3 changes; the rows with errors (1) are skipped.");

    await user.click(screen.getByRole("radio", { name: "Import nothing unless every row is right" }));
    await waitFor(() => expect(uploads.map((u) => u.mode)).toEqual(["partial", "atomic"]));
    await waitFor(() => expect(submit).toBeDisabled());
    expect(screen.getByText(/^Nothing can be imported while 1 row has an error/)).toBeInTheDocument();
  });

  it("says, for an organisation in Webex, that all-or-nothing is not available, and keeps row by row", async () => {
    server.use(gatewayStatusHandler({ ...STANDALONE_GATEWAY, mode: "webex", organization: { id: "ORG-W", displayName: "Acme" } }));
    const uploads = previewAnswering(PREVIEW_ROWS);
    const { queryClient } = await renderBulkManage("callParkExtensions", "pt-BR");
    await waitFor(() => expect(queryClient.getQueryData(gatewayStatusQuery().queryKey)).toMatchObject({ mode: "webex" }));
    chooseFile(csvFile("Location,Call Park Extension Name,Extension\nLondon,Bay,8101\n"));
    await screen.findByRole("table");
    const atomic = screen.getByRole("radio", { name: "Não importar nada a menos que todas as linhas estejam certas" });
    expect(atomic).toBeDisabled();
    expect(atomic).toHaveAccessibleDescription(/não está disponível para uma organização no Webex/);
    expect(screen.getByRole("radio", { name: /Importar as linhas válidas/ })).toBeChecked();
    expect(uploads.map((u) => u.mode)).toEqual(["partial"]);
  });

  it("offers no Submit when every row already matches", async () => {
    previewAnswering([previewRow(2, "UNCHANGED"), previewRow(3, "UNCHANGED")]);
    await renderBulkManage("callParkExtensions");
    chooseFile(csvFile("Location,Call Park Extension Name,Extension\nLondon,Bay,8101\n"));
    expect(await screen.findByText("Every row already matches: there is nothing to import.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Submit" })).toBeDisabled();
  });

  it("submits the file as multipart with the mode and its name, then says where to follow the task", async () => {
    previewAnswering(PREVIEW_ROWS);
    const starts: Upload[] = [];
    server.use(
      http.post(JOBS, async ({ request }) => {
        starts.push(await readUpload(request));
        return HttpResponse.json({ id: "JOB1", fileName: "parks.csv" }, { status: 201 });
      }),
    );
    const { user } = await renderBulkManage("callParkExtensions");
    const text = "Location,Call Park Extension Name,Extension\nLondon,Bay,8101\n";
    chooseFile(csvFile(text));
    await screen.findByRole("table");
    await user.click(screen.getByRole("radio", { name: "Import the valid rows, skip the wrong ones" }));
    await user.click(screen.getByRole("button", { name: "Submit" }));

    expect(await screen.findByText("Import task started")).toBeInTheDocument();
    expect(starts).toHaveLength(1);
    expect(starts[0]).toMatchObject({ mode: "partial", fileName: "parks.csv", text });
    expect(starts[0].contentType).toMatch(/^multipart\/form-data/);
    expect(screen.getByRole("link", { name: "Open the task" })).toHaveAttribute("href", "/tasks/JOB1");
    expect(screen.getByRole("link", { name: "Go to Tasks" })).toHaveAttribute("href", "/tasks");
  });

  it("shows the server's refusal of a file in the user's words", async () => {
    server.use(http.post(PREVIEW, () => apiErrorResponse(400, "csvMissingColumns", { params: { columns: "Extension" } })));
    await renderBulkManage("callParkExtensions");
    chooseFile(csvFile("Location,Call Park Extension Name,Extension\nLondon,Bay,8101\n"));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("The server refused this file.");
    expect(alert).toHaveTextContent("Columns missing: Extension.");
    expect(screen.getByRole("button", { name: "Submit" })).toBeDisabled();
  });
});

describe("Bulk manage: template and export", () => {
  const saved = captureDownloads();

  it("downloads the template: the Webex columns and no row", async () => {
    const { user } = await renderBulkManage("callParkExtensions");
    await user.click(screen.getByRole("button", { name: "Download template" }));
    expect(saved).toHaveLength(1);
    expect(await textWithBom(saved[0])).toBe('\uFEFF"Location","Call Park Extension Name","Extension","Action"\r\n');
  });

  it("exports one location's call park extensions, page after page, with formula cells neutralised", async () => {
    const queries: URLSearchParams[] = [];
    server.use(
      http.get(mswPath(api.callParkExtensions.list), ({ request }) => {
        const query = new URL(request.url).searchParams;
        queries.push(query);
        const start = Number(query.get("start"));
        const all = Array.from({ length: 1002 }, (_, i) => ({
          id: `C${i}`,
          name: i === 0 ? "=HYPERLINK(1)" : `Bay ${i}`,
          extension: String(7000 + i),
          locationId: "L2",
          locationName: "Campinas",
        }));
        return HttpResponse.json(
          { callParkExtensions: all.slice(start, start + Number(query.get("max"))) },
          { headers: { "X-Total-Count": String(all.length) } },
        );
      }),
    );
    const { user } = await renderBulkManage("callParkExtensions");
    const location = screen.getByRole("combobox", { name: "Location" });
    // The location filter is searched: typing asks the server, then the location is chosen.
    await user.type(location, "Camp");
    await user.click(await screen.findByRole("option", { name: "Campinas" }));
    await user.click(screen.getByRole("button", { name: "Export CSV" }));

    await waitFor(() => expect(saved).toHaveLength(1));
    expect(queries.map((q) => [q.get("locationId"), q.get("start"), q.get("max")])).toEqual([
      ["L2", "0", "1000"],
      ["L2", "1000", "1000"],
    ]);
    const lines = (await textWithBom(saved[0])).split("\r\n");
    expect(lines[0]).toBe('\uFEFF"Location","Call Park Extension Name","Extension","Action"');
    expect(lines).toHaveLength(1003);
    expect(lines[1]).toBe('"Campinas","\'=HYPERLINK(1)","7000","ADD"');
    expect(lines[1002]).toBe('"Campinas","Bay 1001","8001","ADD"');
  });
});

describe("Bulk manage in Portuguese", () => {
  it("words the preview and the mode choice in pt-BR", async () => {
    previewAnswering(PREVIEW_ROWS);
    await renderBulkManage("callParkExtensions", "pt-BR");
    chooseFile(csvFile(GOOD_PT, "ramais.csv"));
    expect(await screen.findByText(/^5 linhas: 1 a criar, 1 a atualizar, 1 a excluir, 1 sem alteração, 1 com erros\.$/)).toBeInTheDocument();
    expect(screen.getByRole("radio", { name: "Erro (1)" })).toBeInTheDocument();
    expect(screen.getByRole("table")).toHaveTextContent("O ramal 8106 já é usado pela pessoa Maria Silva.");
    expect(screen.getByRole("radio", { name: "Importar as linhas válidas e ignorar as erradas" })).toBeChecked();
    expect(screen.getByRole("radio", { name: "Não importar nada a menos que todas as linhas estejam certas" })).not.toBeChecked();
    expect(screen.getByRole("button", { name: "Enviar" })).toBeEnabled();
  });

  it("labels the dialog and words the refusal in pt-BR", async () => {
    await renderBulkManage("callParkExtensions", "pt-BR");
    expect(screen.getByRole("dialog", { name: "Gerenciamento em massa de ramais de estacionamento de chamadas" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Baixe o modelo CSV" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Importar arquivo CSV" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Escolha um arquivo CSV" })).toBeInTheDocument();

    chooseFile(csvFile("Local;Ramal\nSão Paulo;8101\n", "ramais.csv"));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Não é possível importar ramais.csv.");
    expect(alert).toHaveTextContent("Colunas ausentes: Call Park Extension Name.");
    expect(alert).toHaveTextContent("Nada foi enviado nem alterado.");
  });
});

describe("Bulk manage for each role", () => {
  it("offers a read-only administrator the template and the export, but no import", async () => {
    server.use(sessionHandler("READ_ONLY_ADMIN"));
    await renderBulkManage("callParkExtensions");
    const dialog = screen.getByRole("dialog", { name: "Bulk manage call park extensions" });
    expect(within(dialog).getByRole("note")).toHaveTextContent(
      "View only. You can download the template and export call park extensions, but not import changes.",
    );
    expect(within(dialog).getByRole("button", { name: "Download template" })).toBeInTheDocument();
    expect(within(dialog).getByRole("button", { name: "Export CSV" })).toBeInTheDocument();
    expect(within(dialog).queryByRole("heading", { name: "Import CSV File" })).not.toBeInTheDocument();
    expect(within(dialog).queryByRole("button", { name: "Choose a CSV file" })).not.toBeInTheDocument();
    expect(within(dialog).queryByRole("button", { name: "Submit" })).not.toBeInTheDocument();
    expect(document.querySelector('input[type="file"]')).toBeNull();
  });

  it("lets a location administrator import (rows of other locations are the server's to refuse)", async () => {
    server.use(sessionHandler("LOCATION_ADMIN", ["L1"]));
    await renderBulkManage("callParkExtensions");
    expect(screen.getByRole("heading", { name: "Import CSV File" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Choose a CSV file" })).toBeInTheDocument();
    expect(screen.queryByRole("note")).not.toBeInTheDocument();
  });
});

import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "@domain/api/endpoints";
import { parseCallParkCsv } from "@domain/csv/call-park-csv";
import type { CallParkExport, CallParkImportJob, CallParkImportPreviewRow } from "@domain/schemas/call-park-import";
import { gatewayStatusQuery } from "@/lib/session";
import { captureDownloads } from "@/test/downloads";
import { mswPath } from "@/test/msw-path";
import { useNodeFormData } from "@/test/node-form-data";
import { recordRequests, server } from "@/test/server";
import { gatewayStatusHandler, sessionHandler, STANDALONE_GATEWAY } from "@/test/session";
import { chooseFile, previewOf, renderBulkManage } from "./bulk-manage-test-helpers";

// Call Park Group card → Manage → Bulk manage: the groups' own template, export, file check,
// preview (what an UPDATE changes, whom a DELETE leaves without the group, why a row fails)
// and import, through the groups' endpoints (…/jobs/callParks).

beforeEach(useNodeFormData);

const HEADER = "Call Park Name,Location,Recall To,Hunt Group,Members,Use Members As Park Destinations,Call Park Extensions,Action";
const GOOD = `${HEADER}\nFront desk,São Paulo,ALERT_PARKING_USER_ONLY,,ana@acme.example,false,8101|8102,\nDock,São Paulo,,,,false,,DELETE\n`;
const csvFile = (text: string, name = "groups.csv", type = "text/csv") => new File([text], name, { type });

function row(itemNumber: number, outcome: CallParkImportPreviewRow["outcome"], extra: Partial<CallParkImportPreviewRow> = {}): CallParkImportPreviewRow {
  return { itemNumber, name: `Group ${itemNumber}`, location: "São Paulo", action: "", outcome, ...extra };
}

const ROWS: CallParkImportPreviewRow[] = [
  row(2, "CREATE", { action: "ADD" }),
  row(3, "UPDATE", { name: "Front desk", changes: ["recallTo", "members", "extensions"] }),
  row(4, "DELETE", { name: "Dock", action: "DELETE", members: ["Ana Souza", "Bruno Lima", "Carla Dias", "Davi Rocha", "Eva Nunes", "Lobby phone", "Fax line"] }),
  row(5, "UNCHANGED"),
  row(6, "ERROR", {
    name: "Sales",
    issues: [
      { path: ["members", 1], code: "memberNamedNotFound", params: { member: "Lobby phone" } },
      { path: ["location"], code: "required" },
    ],
  }),
];


const JOB: CallParkImportJob = {
  id: "JOB7",
  name: "callParksImport",
  fileName: "groups.csv",
  mode: "partial",
  createdBy: "admin@acme.example",
  created: "2025-03-12T14:05:09.000Z",
  updated: "2025-03-12T14:05:09.000Z",
  latestExecutionStatus: "STARTED",
  latestExecutionExitCode: "UNKNOWN",
  counts: { total: 5, processed: 0, created: 0, updated: 0, deleted: 0, unchanged: 0, failed: 0 },
  trackingId: "ROUTER_7",
};

interface Sent {
  mode: string | null;
  fileName: string | null;
  text: string;
}

/** The groups' preview and create endpoints, keeping what each call sent. */
function groupEndpoints(rows: CallParkImportPreviewRow[] = ROWS) {
  const previews: Sent[] = [];
  const creates: Sent[] = [];
  const sent = async (request: Request): Promise<Sent> => {
    const url = new URL(request.url);
    const file = (await request.formData()).get("file") as File;
    return { mode: url.searchParams.get("mode"), fileName: url.searchParams.get("fileName"), text: await file.text() };
  };
  server.use(
    http.post(mswPath(api.callParkImportJobs.preview), async ({ request }) => {
      const upload = await sent(request);
      previews.push(upload);
      return HttpResponse.json(previewOf(rows, upload.mode === "atomic" ? "atomic" : "partial"));
    }),
    http.post(mswPath(api.callParkImportJobs.create), async ({ request }) => {
      creates.push(await sent(request));
      return HttpResponse.json(JOB, { status: 201 });
    }),
  );
  return { previews, creates };
}



const textWithBom = async (blob: Blob) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(await blob.arrayBuffer());

describe("Bulk manage call park groups: the file is checked, previewed and imported as a group import", () => {
  it("shows each row's outcome in words: an UPDATE's changed columns, a DELETE's members, an ERROR's issues", async () => {
    const { previews } = groupEndpoints();
    const { user } = await renderBulkManage("callParks");
    expect(screen.getByRole("dialog", { name: "Bulk manage call park groups" })).toBeInTheDocument();
    chooseFile(csvFile(GOOD));

    expect(await screen.findByText("groups.csv: 2 rows read.")).toBeInTheDocument();
    const table = await screen.findByRole("table", { name: "What each row of the file would do" });
    expect(previews).toEqual([{ mode: "partial", fileName: null, text: GOOD }]);
    expect(within(table).getAllByRole("columnheader").map((th) => th.textContent)).toEqual(["Row", "Call Park Name", "Location", "Action", "Result"]);
    const cells = (n: number) => within(within(table).getAllByRole("row")[n]).getAllByRole("cell");
    expect(cells(2).map((c) => c.textContent)).toEqual(["3", "Front desk", "São Paulo", "", "UpdateChanges: recall, members and call park extensions."]);
    expect(cells(3)[4]).toHaveTextContent(
      "Delete7 members can no longer park calls with #58: Ana Souza, Bruno Lima, Carla Dias, Davi Rocha, Eva Nunes and 2 more.",
    );
    expect(cells(5)[4]).toHaveTextContent("ErrorNo person, workspace or virtual line Lobby phone in this location. Location: This field is required.");

    await user.click(screen.getByRole("radio", { name: "Error (1)" }));
    expect(within(table).getAllByRole("row")).toHaveLength(2);
    expect(screen.getByRole("button", { name: "Submit" })).toHaveAccessibleDescription("Submit imports 3 changes; the rows with errors (1) are skipped.");
  });

  it("submits the file to the groups' import, then links to the task among the group imports", async () => {
    const { previews, creates } = groupEndpoints();
    const { user } = await renderBulkManage("callParks");
    chooseFile(csvFile(GOOD));
    await screen.findByRole("table");
    await user.click(screen.getByRole("radio", { name: "Import nothing unless every row is right" }));
    await waitFor(() => expect(previews.map((p) => p.mode)).toEqual(["partial", "atomic"]));
    await waitFor(() => expect(screen.getByRole("button", { name: "Submit" })).toBeDisabled());
    await user.click(screen.getByRole("radio", { name: "Import the valid rows, skip the wrong ones" }));
    await waitFor(() => expect(screen.getByRole("button", { name: "Submit" })).toBeEnabled());
    await user.click(screen.getByRole("button", { name: "Submit" }));

    expect(await screen.findByText("Import task started")).toBeInTheDocument();
    expect(creates).toEqual([{ mode: "partial", fileName: "groups.csv", text: GOOD }]);
    expect(screen.getByRole("link", { name: "Open the task" })).toHaveAttribute("href", "/tasks/JOB7?kind=callParks");
    expect(screen.getByRole("link", { name: "Go to Tasks" })).toHaveAttribute("href", "/tasks?kind=callParks");
  });

  it.each([
    ["an extensions file", csvFile("Location,Call Park Extension Name,Extension\nSão Paulo,Dock,8101\n"), "Unknown columns: Call Park Extension Name, Extension. Use the template's columns."],
    ["no Location column", csvFile("Call Park Name,Members\nFront desk,ana@acme.example\n"), "Columns missing: Location."],
    ["a spreadsheet", csvFile("PK\u0003\u0004\u0000binary", "groups.xlsx"), "This file is not a call park group CSV. Start from the template."],
  ])("refuses %s in the browser, and sends nothing", async (_, file, message) => {
    const recorder = recordRequests();
    await renderBulkManage("callParks");
    chooseFile(file);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent(`${file.name} cannot be imported.`);
    expect(alert).toHaveTextContent(message);
    expect(recorder.requests.filter((r) => r.method !== "GET")).toEqual([]);
  });

  it("lists the rows the browser finds wrong, by the groups' rules, until the server answers", async () => {
    let answer = () => {};
    const answered = new Promise<void>((resolve) => (answer = resolve));
    server.use(
      http.post(mswPath(api.callParkImportJobs.preview), async () => {
        await answered;
        return HttpResponse.json(previewOf([row(2, "ERROR", { issues: [{ path: ["recallTo"], code: "invalidRecallOption", params: { value: "SOMETIMES" } }] })], "partial"));
      }),
    );
    await renderBulkManage("callParks");
    chooseFile(csvFile(`${HEADER}\nFront desk,São Paulo,SOMETIMES,,,false,,\n`));
    const status = await screen.findByText("1 row has a problem.");
    expect(status.closest("[role=status]")).toHaveTextContent("Row 2: “SOMETIMES” is not a recall option");
    answer();
    expect(await screen.findByRole("table")).toHaveTextContent("“SOMETIMES” is not a recall option");
  });

  it("in Webex mode, offers no all-or-nothing import, as for extensions", async () => {
    server.use(gatewayStatusHandler({ ...STANDALONE_GATEWAY, mode: "webex", organization: { id: "ORG-W", displayName: "Acme" } }));
    groupEndpoints();
    const { queryClient } = await renderBulkManage("callParks");
    await waitFor(() => expect(queryClient.getQueryData(gatewayStatusQuery().queryKey)).toMatchObject({ mode: "webex" }));
    chooseFile(csvFile(GOOD));
    await screen.findByRole("table");
    expect(screen.getByRole("radio", { name: "Import nothing unless every row is right" })).toBeDisabled();
  });
});

describe("Bulk manage call park groups: template and export", () => {
  const saved = captureDownloads();
  /** The names the downloads were given. */
  const names = () => vi.mocked(HTMLAnchorElement.prototype.click).mock.contexts.map((link) => (link as HTMLAnchorElement).download);

  it("downloads the template: the groups' columns and one example row that reads back without a problem", async () => {
    const { user } = await renderBulkManage("callParks");
    await user.click(screen.getByRole("button", { name: "Download template" }));
    expect(names()).toEqual(["call-park-groups-template.csv"]);
    const text = await textWithBom(saved[0]);
    expect(text.split("\r\n")).toEqual([
      '\uFEFF"Call Park Name","Location","Recall To","Hunt Group","Members","Use Members As Park Destinations","Call Park Extensions","Action"',
      '"Front desk","Main office","ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP","Reception","ana.souza@example.com|Lobby phone","false","8101|8102","ADD"',
    ]);
    const parsed = parseCallParkCsv(text);
    expect(parsed.ok && parsed.rows.map((r) => r.issues)).toEqual([[]]);
  });

  it("exports one location's groups through the export endpoint, in the template's format", async () => {
    const bodies: unknown[] = [];
    const answer: CallParkExport = {
      callParks: [
        { name: "=Dock", location: "Campinas", recallOption: "ALERT_HUNT_GROUP_ONLY", huntGroup: "Sales", members: ["ana@acme.example", "Lobby phone"], parkOnAgentsEnabled: false, extensions: ["7001", "7002"] },
        { name: "Front desk", location: "Campinas", recallOption: "ALERT_PARKING_USER_ONLY", members: [], parkOnAgentsEnabled: true, extensions: [] },
      ],
    };
    server.use(
      http.post(mswPath(api.callParkImportJobs.export), async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json(answer);
      }),
    );
    const { user } = await renderBulkManage("callParks");
    expect(screen.getByRole("heading", { name: "Export call park groups" })).toBeInTheDocument();
    await user.type(screen.getByRole("combobox", { name: "Location" }), "Camp");
    await user.click(await screen.findByRole("option", { name: "Campinas" }));
    await user.click(screen.getByRole("button", { name: "Export CSV" }));

    await waitFor(() => expect(saved).toHaveLength(1));
    expect(bodies).toEqual([{ locationId: "L2" }]);
    expect(names()).toEqual(["call-park-groups-campinas.csv"]);
    expect((await textWithBom(saved[0])).split("\r\n").slice(1)).toEqual([
      '"\'=Dock","Campinas","ALERT_HUNT_GROUP_ONLY","Sales","ana@acme.example|Lobby phone","false","7001|7002",""',
      '"Front desk","Campinas","ALERT_PARKING_USER_ONLY","","","true","",""',
    ]);
  });
});

describe("Bulk manage call park groups in Portuguese, and for each role", () => {
  it("words the preview in pt-BR", async () => {
    groupEndpoints();
    await renderBulkManage("callParks", "pt-BR");
    expect(screen.getByRole("dialog", { name: "Gerenciamento em massa de grupos de estacionamento de chamadas" })).toBeInTheDocument();
    chooseFile(csvFile(GOOD));
    const table = await screen.findByRole("table", { name: "O que cada linha do arquivo faria" });
    expect(within(table).getAllByRole("columnheader").map((th) => th.textContent)).toEqual([
      "Linha",
      "Nome do grupo de estacionamento de chamadas",
      "Local",
      "Ação",
      "Resultado",
    ]);
    expect(table).toHaveTextContent("Altera: rechamada, membros e ramais de estacionamento de chamadas.");
    expect(table).toHaveTextContent("7 membros não poderão mais estacionar chamadas com #58: Ana Souza, Bruno Lima, Carla Dias, Davi Rocha, Eva Nunes e mais 2.");
    expect(table).toHaveTextContent("Não há pessoa, espaço de trabalho ou linha virtual Lobby phone neste local. Local: Este campo é obrigatório.");
  });

  it("offers a read-only administrator the template and the export, but no import", async () => {
    server.use(sessionHandler("READ_ONLY_ADMIN"));
    await renderBulkManage("callParks");
    const dialog = screen.getByRole("dialog", { name: "Bulk manage call park groups" });
    expect(within(dialog).getByRole("note")).toHaveTextContent("You can download the template and export call park groups, but not import changes.");
    expect(within(dialog).getByRole("button", { name: "Download template" })).toBeInTheDocument();
    expect(within(dialog).queryByRole("button", { name: "Choose a CSV file" })).not.toBeInTheDocument();
  });
});

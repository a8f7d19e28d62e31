import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { Route, Routes } from "react-router";
import { describe, expect, it } from "vitest";
import { api } from "@domain/api/endpoints";
import { parseCallParkCsv } from "@domain/csv/call-park-csv";
import type { CallParkImportJob, CallParkImportJobError } from "@domain/schemas/call-park-import";
import type { ImportJob } from "@domain/schemas/import-job";
import { captureDownloads } from "@/test/downloads";
import { mswPath } from "@/test/msw-path";
import { renderWithProviders } from "@/test/render";
import { server } from "@/test/server";
import TaskRoute from "./task-route";
import TasksRoute from "./tasks-route";

// Tasks lists the imports of one kind at a time, the kind kept in the URL (`?kind=callParks`),
// each from its own endpoint; a group import's task reads the groups' endpoints and exports
// its rows in error under the group template's columns.

const COUNTS = { total: 4, processed: 4, created: 2, updated: 1, deleted: 0, unchanged: 0, failed: 1 };
const common = {
  mode: "partial" as const,
  createdBy: "admin@acme.example",
  created: "2025-03-12T14:05:09.000Z",
  updated: "2025-03-12T14:05:12.000Z",
  finished: "2025-03-12T14:05:12.000Z",
  latestExecutionStatus: "COMPLETED" as const,
  latestExecutionExitCode: "COMPLETED_WITH_ERRORS" as const,
  counts: COUNTS,
  trackingId: "ROUTER_1",
};
const EXTENSION_JOB: ImportJob = { ...common, id: "JOB1", name: "callParkExtensionsImport", fileName: "extensions.csv" };
const GROUP_JOB: CallParkImportJob = { ...common, id: "JOB7", name: "callParksImport", fileName: "groups.csv" };

const ERRORS: CallParkImportJobError[] = [
  {
    itemNumber: 3,
    values: {
      name: "Front desk",
      location: "São Paulo",
      recallTo: "ALERT_HUNT_GROUP_ONLY",
      huntGroup: "Sales",
      members: "ana@acme.example|Lobby phone",
      membersAsDestinations: "false",
      extensions: "8101|8102",
      action: "UPDATE",
    },
    error: { key: "memberNamedNotFound", message: [{ description: "Not found.", code: "memberNamedNotFound" }] },
    issues: [{ path: ["members", 1], code: "memberNamedNotFound", params: { member: "Lobby phone" } }],
  },
];

/** Both kinds' list endpoints, keeping which was asked with what. */
function lists() {
  const asked: { kind: string; query: URLSearchParams }[] = [];
  const answer = (kind: string, items: unknown[]) => ({ request }: { request: Request }) => {
    asked.push({ kind, query: new URL(request.url).searchParams });
    return HttpResponse.json({ items }, { headers: { "X-Total-Count": String(items.length) } });
  };
  server.use(
    http.get(mswPath(api.importJobs.list), answer("callParkExtensions", [EXTENSION_JOB])),
    http.get(mswPath(api.callParkImportJobs.list), answer("callParks", [GROUP_JOB])),
  );
  return asked;
}

function groupJob() {
  server.use(
    http.get(mswPath(api.callParkImportJobs.get), () => HttpResponse.json(GROUP_JOB)),
    http.get(mswPath(api.callParkImportJobs.errors), () => HttpResponse.json({ items: ERRORS }, { headers: { "X-Total-Count": "1" } })),
  );
}

const SCREENS = (
  <Routes>
    <Route path="/tasks" element={<TasksRoute />} />
    <Route path="/tasks/:jobId" element={<TaskRoute />} />
  </Routes>
);

describe("Tasks: call park extension imports and call park group imports", () => {
  it("switches between the two kinds, kept in the URL, each from its own list", async () => {
    const asked = lists();
    const { user, history } = await renderWithProviders(<TasksRoute />, { url: "/tasks?status=errors", path: "/tasks" });
    const kinds = screen.getByRole("group", { name: "Imports of" });
    expect(within(kinds).getByRole("radio", { name: "Call park extensions" })).toBeChecked();
    expect(await screen.findByRole("link", { name: "extensions.csv" })).toHaveAttribute("href", "/tasks/JOB1");

    await user.click(within(kinds).getByRole("radio", { name: "Call park groups" }));
    await waitFor(() => expect(history.location.search).toBe("?status=errors&kind=callParks"));
    expect(await screen.findByRole("link", { name: "groups.csv" })).toHaveAttribute("href", "/tasks/JOB7?kind=callParks");
    expect(screen.queryByRole("link", { name: "extensions.csv" })).not.toBeInTheDocument();
    expect(within(kinds).getByRole("radio", { name: "Call park groups" })).toBeChecked();
    // The tab stays; the list asked is the groups'.
    expect(screen.getByRole("tab", { name: "Errors" })).toHaveAttribute("aria-selected", "true");
    expect(asked.at(-1)?.kind).toBe("callParks");
    expect(asked.at(-1)?.query.get("status")).toBe("errors");

    await user.click(within(kinds).getByRole("radio", { name: "Call park extensions" }));
    await waitFor(() => expect(history.location.search).toBe("?status=errors"));
    expect(await screen.findByRole("link", { name: "extensions.csv" })).toBeInTheDocument();
  });

  it("opens on the kind the URL names, and says how to start a group import when there is none", async () => {
    server.use(http.get(mswPath(api.callParkImportJobs.list), () => HttpResponse.json({ items: [] }, { headers: { "X-Total-Count": "0" } })));
    await renderWithProviders(<TasksRoute />, { url: "/tasks?kind=callParks", path: "/tasks", language: "pt-BR" });
    expect(
      await screen.findByText("Ainda não há tarefas. Use o gerenciamento em massa de grupos de estacionamento de chamadas para iniciar uma."),
    ).toBeInTheDocument();
    expect(screen.getByRole("radio", { name: "Grupos de estacionamento de chamadas" })).toBeChecked();
  });

  it("opens a group import's task from the list and goes back to the groups' list", async () => {
    lists();
    groupJob();
    const { user } = await renderWithProviders(SCREENS, { url: "/tasks?kind=callParks&sort=fileName-asc", path: "/*" });
    await user.click(await screen.findByRole("link", { name: "groups.csv" }));
    expect(await screen.findByText("Import of call park groups from a CSV file.")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Tasks" })).toHaveAttribute("href", "/tasks?kind=callParks&sort=fileName-asc");
  });
});

describe("Tasks: a call park group import", () => {
  const saved = captureDownloads();

  it("shows its rows in error, and exports them under the group template's columns", async () => {
    groupJob();
    const { user } = await renderWithProviders(SCREENS, { url: "/tasks/JOB7?kind=callParks", path: "/*" });
    expect(await screen.findByRole("heading", { name: "groups.csv" })).toBeInTheDocument();
    // Opened by its address: back to the group imports.
    expect(screen.getByRole("link", { name: "Tasks" })).toHaveAttribute("href", "/tasks?kind=callParks");
    const table = await screen.findByRole("table", { name: "Rows that could not be imported, with the reason" });
    expect(within(table).getAllByRole("columnheader").map((th) => th.textContent)).toEqual(["Row", "Call Park Name", "Location", "Action", "Reason"]);
    expect(within(within(table).getAllByRole("row")[1]).getAllByRole("cell").map((c) => c.textContent)).toEqual([
      "3",
      "Front desk",
      "São Paulo",
      "UPDATE",
      "No person, workspace or virtual line Lobby phone in this location.",
    ]);

    await user.click(screen.getByRole("button", { name: "Export errors to CSV" }));
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await saved[0].arrayBuffer());
    const lines = text.split("\r\n");
    expect(lines).toEqual([
      '\uFEFF"Row","Call Park Name","Location","Recall To","Hunt Group","Members","Use Members As Park Destinations","Call Park Extensions","Action","Reason"',
      '"3","Front desk","São Paulo","ALERT_HUNT_GROUP_ONLY","Sales","ana@acme.example|Lobby phone","false","8101|8102","UPDATE","No person, workspace or virtual line Lobby phone in this location."',
    ]);
    // Without its Row and Reason columns, the file is a group import again, its cells as they were.
    const corrected = lines.map((line) => `"${line.split('","').slice(1, -1).join('","')}"`).join("\r\n");
    const parsed = parseCallParkCsv(corrected);
    expect(parsed.ok && parsed.rows.map((r) => r.values)).toEqual([ERRORS[0].values]);
  });

  it("names the columns in Portuguese as the group import reads them", async () => {
    groupJob();
    const { user } = await renderWithProviders(SCREENS, { url: "/tasks/JOB7?kind=callParks", path: "/*", language: "pt-BR" });
    await user.click(await screen.findByRole("button", { name: "Exportar erros para CSV" }));
    const [header] = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await saved[0].arrayBuffer()).split("\r\n");
    const columns = header.replace(/^\uFEFF/, "").split(",").slice(1, -1).join(",");
    expect(columns).toBe(
      '"Nome do grupo de estacionamento de chamadas","Local","Rechamar para","Grupo de busca","Membros","Usar membros como destinos de estacionamento","Ramais de estacionamento de chamadas","Ação"',
    );
    const parsed = parseCallParkCsv(`${columns}\r\n${Object.values(ERRORS[0].values).map((v) => `"${v}"`).join(",")}`);
    expect(parsed.ok && parsed.rows.map((r) => r.values)).toEqual([ERRORS[0].values]);
  });
});

import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { Route, Routes } from "react-router";
import { describe, expect, it } from "vitest";
import { renderWithProviders } from "@/test/render";
import { server } from "@/test/server";
import { mswPath } from "@/test/msw-path";
import { expectedDateTime, plainSpaces } from "@/test/local-date";
import { api } from "@domain/api/endpoints";
import type { ImportJob, ImportJobError } from "@domain/schemas/import-job";
import TaskRoute from "./task-route";
import TasksRoute from "./tasks-route";
import { captureDownloads } from "@/test/downloads";


function job(id: string, overrides: Partial<ImportJob> = {}): ImportJob {
  return {
    id,
    name: "callParkExtensionsImport",
    fileName: `${id.toLowerCase()}.csv`,
    mode: "partial",
    createdBy: "admin@acme.example",
    created: "2025-03-12T14:05:09.000Z",
    updated: "2025-03-12T14:05:12.000Z",
    finished: "2025-03-12T14:05:12.000Z",
    latestExecutionStatus: "COMPLETED",
    latestExecutionExitCode: "COMPLETED",
    counts: { total: 4, processed: 4, created: 2, updated: 1, deleted: 1, unchanged: 0, failed: 0 },
    trackingId: "ROUTER_1",
    ...overrides,
  };
}

const RUNNING = job("JOB2", {
  latestExecutionStatus: "STARTED",
  latestExecutionExitCode: "UNKNOWN",
  finished: undefined,
  counts: { total: 10, processed: 3, created: 3, updated: 0, deleted: 0, unchanged: 0, failed: 0 },
});

/** The list endpoint answering `items`; keeps each request's query. */
function listAnswering(items: ImportJob[]) {
  const queries: URLSearchParams[] = [];
  server.use(
    http.get(mswPath(api.importJobs.list), ({ request }) => {
      queries.push(new URL(request.url).searchParams);
      return HttpResponse.json({ items }, { headers: { "X-Total-Count": String(items.length) } });
    }),
  );
  return queries;
}

const renderTasks = (search = "", language: "en" | "pt-BR" = "en") =>
  renderWithProviders(<TasksRoute />, { url: `/tasks${search}`, path: "/tasks", language });

describe("Tasks: the list", () => {
  it("shows each task's file, who started it, when, its status and its counts", async () => {
    listAnswering([job("JOB1")]);
    await renderTasks();
    const link = await screen.findByRole("link", { name: "job1.csv" });
    expect(link).toHaveAttribute("href", "/tasks/JOB1");
    const cells = within(link.closest("tr")!).getAllByRole("cell").map((c) => plainSpaces(c.textContent));
    const when = expectedDateTime("2025-03-12T14:05:09.000Z", "en");
    expect(cells).toEqual([
      "job1.csv",
      "admin@acme.example",
      when,
      "Completed",
      "4 of 4 rows: 2 created, 1 updated, 1 deleted, 0 unchanged, 0 failed",
    ]);
  });

  it("keeps the tab in the URL and asks the server for that status", async () => {
    const queries = listAnswering([]);
    const { user, history } = await renderTasks();
    expect(await screen.findByText("No tasks yet. Bulk manage call park extensions to start one.")).toBeInTheDocument();
    expect(queries[0].get("status")).toBe("all");
    expect(screen.getByRole("tab", { name: "All" })).toHaveAttribute("aria-selected", "true");

    await user.click(screen.getByRole("tab", { name: "Active" }));
    await waitFor(() => expect(history.location.search).toBe("?status=active"));
    await waitFor(() => expect(queries.at(-1)?.get("status")).toBe("active"));
    expect(await screen.findByText("No task is running.")).toBeInTheDocument();

    await user.click(screen.getByRole("tab", { name: "Errors" }));
    await waitFor(() => expect(history.location.search).toBe("?status=errors"));
    await waitFor(() => expect(queries.at(-1)?.get("status")).toBe("errors"));
    expect(screen.getByRole("tab", { name: "Errors" })).toHaveAttribute("aria-selected", "true");
  });

  it("opens on the tab the URL names", async () => {
    const queries = listAnswering([RUNNING]);
    await renderTasks("?status=active");
    expect(await screen.findByRole("link", { name: "job2.csv" })).toBeInTheDocument();
    expect(queries[0].get("status")).toBe("active");
    expect(screen.getByRole("tab", { name: "Active" })).toHaveAttribute("aria-selected", "true");
    const progress = screen.getByRole("progressbar", { name: "Progress of job2.csv" });
    expect(progress).toHaveAttribute("aria-valuenow", "3");
    expect(screen.getByText("Running")).toBeInTheDocument();
  });

  it("in Portuguese, with the date in the Brazilian way", async () => {
    listAnswering([job("JOB1", { latestExecutionExitCode: "COMPLETED_WITH_ERRORS", counts: { ...job("J").counts, failed: 1 } })]);
    await renderTasks("", "pt-BR");
    expect(await screen.findByRole("link", { name: "job1.csv" })).toBeInTheDocument();
    expect(screen.getByRole("tab", { name: "Ativas" })).toBeInTheDocument();
    expect(screen.getByRole("columnheader", { name: "Iniciada por" })).toBeInTheDocument();
    expect(screen.getByText("Concluída com erros")).toBeInTheDocument();
    const when = expectedDateTime("2025-03-12T14:05:09.000Z", "pt-BR");
    expect(screen.getByText(when)).toBeInTheDocument();
  });
});

describe("Tasks: sorting and keeping the place", () => {
  it("sorts by a column's header on the server, kept in the URL, both ways, from the first page", async () => {
    const queries = listAnswering([job("JOB1"), job("JOB3")]);
    const { user, history } = await renderTasks("?page=2");
    await screen.findByRole("link", { name: "job1.csv" });
    expect(Object.fromEntries(queries[0])).toMatchObject({ order: "created-desc", start: "25", max: "25" });
    expect(screen.getByRole("columnheader", { name: "Started" })).toHaveAttribute("aria-sort", "descending");
    const file = screen.getByRole("columnheader", { name: "File" });
    expect(file).toHaveAttribute("aria-sort", "none");
    // The results are counts of several kinds: nothing to sort by.
    expect(screen.getByRole("columnheader", { name: "Results" })).not.toHaveAttribute("aria-sort");

    await user.click(within(file).getByRole("button", { name: "File" }));
    await waitFor(() => expect(history.location.search).toBe("?sort=fileName-asc"));
    await waitFor(() => expect(queries.at(-1)?.get("order")).toBe("fileName-asc"));
    expect(queries.at(-1)?.get("start")).toBe("0");
    await waitFor(() => expect(screen.getByRole("columnheader", { name: "File" })).toHaveAttribute("aria-sort", "ascending"));
    expect(screen.getByRole("columnheader", { name: "Started" })).toHaveAttribute("aria-sort", "none");

    // From the keyboard, the same button turns the order round.
    within(screen.getByRole("columnheader", { name: "File" })).getByRole("button").focus();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(history.location.search).toBe("?sort=fileName-desc"));
    await waitFor(() => expect(queries.at(-1)?.get("order")).toBe("fileName-desc"));
    await waitFor(() => expect(screen.getByRole("columnheader", { name: "File" })).toHaveAttribute("aria-sort", "descending"));

    // Newest first is a time's first look; the tab keeps the sort.
    await user.click(within(screen.getByRole("columnheader", { name: "Status" })).getByRole("button"));
    await waitFor(() => expect(history.location.search).toBe("?sort=status-asc"));
    await user.click(within(screen.getByRole("columnheader", { name: "Started" })).getByRole("button"));
    // Newest first is the list's own order: the URL drops it.
    await waitFor(() => expect(history.location.search).toBe(""));
    await waitFor(() => expect(queries.at(-1)?.get("order")).toBe("created-desc"));
    await user.click(within(screen.getByRole("columnheader", { name: "Started by" })).getByRole("button"));
    await user.click(screen.getByRole("tab", { name: "Errors" }));
    await waitFor(() => expect(history.location.search).toBe("?sort=createdBy-asc&status=errors"));
    await waitFor(() => expect(queries.at(-1)?.get("order")).toBe("createdBy-asc"));
  });

  it("opens on the sort the URL names", async () => {
    const queries = listAnswering([job("JOB1")]);
    await renderTasks("?sort=createdBy-desc");
    await screen.findByRole("link", { name: "job1.csv" });
    expect(queries[0].get("order")).toBe("createdBy-desc");
    expect(screen.getByRole("columnheader", { name: "Started by" })).toHaveAttribute("aria-sort", "descending");
  });

  it("goes back from a task to the list as it was left: its tab, sort and page", async () => {
    listAnswering([job("JOB1")]);
    server.use(
      http.get(mswPath(api.importJobs.get), () => HttpResponse.json(job("JOB1"))),
      http.get(mswPath(api.importJobs.errors), () => HttpResponse.json({ items: [] }, { headers: { "X-Total-Count": "0" } })),
    );
    const screens = (
      <Routes>
        <Route path="/tasks" element={<TasksRoute />} />
        <Route path="/tasks/:jobId" element={<TaskRoute />} />
      </Routes>
    );
    const { user, history } = await renderWithProviders(screens, { url: "/tasks?status=errors&sort=fileName-asc&page=2", path: "/*" });
    await user.click(await screen.findByRole("link", { name: "job1.csv" }));
    const back = await screen.findByRole("link", { name: "Tasks" });
    expect(back).toHaveAttribute("href", "/tasks?status=errors&sort=fileName-asc&page=2");
    await user.click(back);
    await waitFor(() => expect(history.location.search).toBe("?status=errors&sort=fileName-asc&page=2"));
    expect(await screen.findByRole("columnheader", { name: "File" })).toHaveAttribute("aria-sort", "ascending");
  });

  it("goes back to the plain list from a task opened some other way", async () => {
    server.use(
      http.get(mswPath(api.importJobs.get), () => HttpResponse.json(job("JOB1"))),
      http.get(mswPath(api.importJobs.errors), () => HttpResponse.json({ items: [] }, { headers: { "X-Total-Count": "0" } })),
    );
    await renderWithProviders(<TaskRoute />, { url: "/tasks/JOB1", path: "/tasks/:jobId" });
    expect(await screen.findByRole("link", { name: "Tasks" })).toHaveAttribute("href", "/tasks");
  });
});

const ERRORS: ImportJobError[] = [
  {
    itemNumber: 3,
    values: { location: "São Paulo", name: "Dock", extension: "1001", action: "ADD" },
    error: { key: "extensionTaken", message: [{ description: "Extension 1001 is already in use.", code: "extensionTaken" }] },
    issues: [{ path: ["extension"], code: "extensionTaken", params: { extension: "1001", ownerName: "Maria Silva", context: "PEOPLE" } }],
  },
  {
    itemNumber: 5,
    values: { location: "Atlantis", name: "=cmd()", extension: "8105", action: "ADD" },
    error: { key: "somethingNew", message: [{ description: "The server's own words.", code: "somethingNew" }] },
    issues: [],
  },
];

describe("Tasks: one task", () => {
  const saved = captureDownloads();

  it("moves its progress bar while it runs, then shows its counts and its row errors", async () => {
    let polls = 0;
    server.use(
      http.get(mswPath(api.importJobs.get), () => {
        polls += 1;
        if (polls === 1) return HttpResponse.json(RUNNING);
        if (polls === 2) return HttpResponse.json({ ...RUNNING, counts: { ...RUNNING.counts, processed: 7, created: 6, failed: 1 } });
        return HttpResponse.json(
          job("JOB2", {
            latestExecutionExitCode: "COMPLETED_WITH_ERRORS",
            counts: { total: 10, processed: 10, created: 7, updated: 1, deleted: 0, unchanged: 0, failed: 2 },
          }),
        );
      }),
      http.get(mswPath(api.importJobs.errors), () => HttpResponse.json({ items: polls >= 3 ? ERRORS : [] }, { headers: { "X-Total-Count": "2" } })),
    );
    await renderWithProviders(<TaskRoute />, { url: "/tasks/JOB2", path: "/tasks/:jobId" });

    const progress = await screen.findByRole("progressbar", { name: "Progress" });
    expect(progress).toHaveAttribute("aria-valuenow", "3");
    expect(progress).toHaveAttribute("aria-valuemax", "10");
    expect(progress).toHaveAttribute("aria-valuetext", "3 of 10 rows");
    expect(screen.getByText("Running")).toBeInTheDocument();
    await waitFor(() => expect(progress).toHaveAttribute("aria-valuenow", "7"));

    expect(await screen.findByText("Completed with errors")).toBeInTheDocument();
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
    const counts = screen.getByText("Created").closest("dl")!;
    expect(within(counts).getByText("Created").nextSibling).toHaveTextContent("7");
    expect(within(counts).getByText("Failed").nextSibling).toHaveTextContent("2");

    const table = await screen.findByRole("table", { name: "Rows that could not be imported, with the reason" });
    const rows = within(table).getAllByRole("row");
    expect(rows).toHaveLength(3);
    expect(within(rows[1]).getAllByRole("cell").map((c) => c.textContent)).toEqual([
      "3",
      "São Paulo",
      "Dock",
      "1001",
      "ADD",
      "Extension 1001 is already used by the person Maria Silva.",
    ]);
    expect(rows[2]).toHaveTextContent("The server's own words.");
  });

  it("exports the row errors to CSV: row, values and reason, formula cells neutralised", async () => {
    server.use(
      http.get(mswPath(api.importJobs.get), () => HttpResponse.json(job("JOB1", { latestExecutionExitCode: "COMPLETED_WITH_ERRORS" }))),
      http.get(mswPath(api.importJobs.errors), () => HttpResponse.json({ items: ERRORS }, { headers: { "X-Total-Count": "2" } })),
    );
    const { user } = await renderWithProviders(<TaskRoute />, { url: "/tasks/JOB1", path: "/tasks/:jobId" });
    await user.click(await screen.findByRole("button", { name: "Export errors to CSV" }));

    expect(saved).toHaveLength(1);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await saved[0].arrayBuffer());
    expect(text.split("\r\n")).toEqual([
      '\uFEFF"Row","Location","Call Park Extension Name","Extension","Action","Reason"',
      '"3","São Paulo","Dock","1001","ADD","Extension 1001 is already used by the person Maria Silva."',
      '"5","Atlantis","\'=cmd()","8105","ADD","The server\'s own words."',
    ]);
    const link = document.querySelector("a[download]");
    expect(link).toBeNull(); // the temporary link is gone once clicked
  });

  it("says so when every row went in", async () => {
    server.use(
      http.get(mswPath(api.importJobs.get), () => HttpResponse.json(job("JOB1"))),
      http.get(mswPath(api.importJobs.errors), () => HttpResponse.json({ items: [] }, { headers: { "X-Total-Count": "0" } })),
    );
    await renderWithProviders(<TaskRoute />, { url: "/tasks/JOB1", path: "/tasks/:jobId" });
    expect(await screen.findByText("Every row was imported without errors.")).toBeInTheDocument();
    expect(screen.getByText("Completed")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Export errors to CSV" })).not.toBeInTheDocument();
  });
});

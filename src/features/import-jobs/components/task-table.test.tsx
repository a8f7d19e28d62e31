import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ImportJob } from "@domain/schemas/import-job";
import { renderWithProviders } from "@/test/render";
import { TaskTable } from "./task-table";

const LONG_FILE = "call-park-extensions-sao-paulo-and-florianopolis-november-2026-final-v2.csv";
const LONG_PERSON = "maria.aparecida.dos.santos.oliveira@acme.example";

const running: ImportJob = {
  id: "JOB9",
  name: "callParkExtensionsImport",
  fileName: LONG_FILE,
  mode: "partial",
  createdBy: LONG_PERSON,
  created: "2025-03-12T14:05:09.000Z",
  updated: "2025-03-12T14:05:12.000Z",
  latestExecutionStatus: "STARTED",
  latestExecutionExitCode: "UNKNOWN",
  counts: { total: 10, processed: 3, created: 3, updated: 0, deleted: 0, unchanged: 0, failed: 0 },
  trackingId: "ROUTER_9",
};

describe("Tasks: a row of the list", () => {
  it("says a running task's progress once, by its bar", async () => {
    await renderWithProviders(<TaskTable kind="callParkExtensions" items={[running]} busy={false} />);
    const row = (await screen.findByRole("link", { name: LONG_FILE })).closest("tr")!;
    const bar = within(row).getByRole("progressbar", { name: `Progress of ${LONG_FILE}` });
    expect(bar).toHaveAttribute("aria-valuetext", "3 of 10 rows");
    // Said by the bar only: no second "3 of 10 rows" for a screen reader, none in the results cell.
    expect(within(row).queryAllByText(/3 of 10 rows/).filter((el) => !el.closest("[aria-hidden='true']"))).toEqual([]);
    expect(row.querySelectorAll("td")[4]).toHaveTextContent(/^$/);
  });

  it("keeps long file and person names whole: one line, an ellipsis, the full name in the title", async () => {
    await renderWithProviders(<TaskTable kind="callParkExtensions" items={[running]} busy={false} />);
    const link = await screen.findByRole("link", { name: LONG_FILE });
    expect(link).toHaveAttribute("title", LONG_FILE);
    expect(link).toHaveClass("task-name");
    const person = screen.getByText(LONG_PERSON);
    expect(person).toHaveAttribute("title", LONG_PERSON);
    expect(person).toHaveClass("task-name");
  });
});

import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { IMPORT_JOB_NAME, type ImportJob } from "@domain/schemas/import-job";
import { expectedDateTime, plainSpaces } from "@/test/local-date";
import { renderWithProviders } from "@/test/render";
import { TaskCounts } from "./task-counts";
import { TaskTable } from "./task-table";

// A task's times and counts as a reader of each language writes them.

const JOB: ImportJob = {
  id: "J1",
  name: IMPORT_JOB_NAME,
  fileName: "park.csv",
  mode: "partial",
  createdBy: "admin@acme.example",
  created: "2026-11-27T14:03:09Z",
  updated: "2026-11-27T14:05:00Z",
  finished: "2026-11-27T14:05:00Z",
  latestExecutionStatus: "COMPLETED",
  latestExecutionExitCode: "COMPLETED",
  counts: { total: 1200, processed: 1200, created: 1000, updated: 150, deleted: 30, unchanged: 12, failed: 8 },
  trackingId: "T1",
};

describe("tasks: dates and numbers in the user's language", () => {
  it.each([
    ["pt-BR", "1.200 de 1.200 linhas — criadas: 1.000, atualizadas: 150, excluídas: 30, sem alteração: 12, com falha: 8"],
    ["en", "1,200 of 1,200 rows: 1,000 created, 150 updated, 30 deleted, 12 unchanged, 8 failed"],
  ] as const)("%s: the list's start time and results", async (language, results) => {
    await renderWithProviders(<TaskTable kind="callParkExtensions" items={[JOB]} busy={false} />, { language });
    const row = screen.getAllByRole("row")[1];
    const cells = within(row).getAllByRole("cell");
    expect(plainSpaces(cells[2].textContent)).toBe(expectedDateTime(JOB.created, language));
    expect(cells[4]).toHaveTextContent(results);
  });

  it.each([
    ["pt-BR", "Linhas", "Criadas", "1.200", "1.000"],
    ["en", "Rows", "Created", "1,200", "1,000"],
  ] as const)("%s: a task's counts", async (language, rowsLabel, createdLabel, total, created) => {
    await renderWithProviders(<TaskCounts counts={JOB.counts} />, { language });
    const value = (term: string) => screen.getByText(term, { selector: "dt" }).nextElementSibling;
    expect(value(rowsLabel)).toHaveTextContent(total);
    expect(value(createdLabel)).toHaveTextContent(created);
  });
});

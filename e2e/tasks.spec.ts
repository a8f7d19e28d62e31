import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { cleanUp, jobFinished, LOCATION } from "./bulk-manage-helpers";
import { expect, expectNoAxeViolations, test } from "./fixtures";

test.afterEach(async ({ request, locationNamed }) => {
  await cleanUp(request, locationNamed(LOCATION).id);
});

test.describe("Tasks", () => {
  test("the tabs live in the URL and list what the API says; a task opens from its row", async ({ page, request }) => {
    // An import with a wrong row, started through the API as a script would.
    const started = await request.post(urlOf(api.importJobs.create, {}, { mode: "partial" }), {
      multipart: {
        file: {
          name: "api-import.csv",
          mimeType: "text/csv",
          buffer: Buffer.from(`Location,Call Park Extension Name,Extension\r\n${LOCATION},Script park 8170,8170\r\n${LOCATION},Bad,8x71\r\n`),
        },
      },
    });
    expect(started.status()).toBe(201);
    const job = await started.json();
    await jobFinished(request, job.id);

    await page.goto("/tasks");
    await expect(page.getByRole("tab", { name: "All" })).toHaveAttribute("aria-selected", "true");
    await expect(page.getByRole("row", { name: /api-import\.csv/ }).first()).toContainText("Completed with errors");

    await page.getByRole("tab", { name: "Errors" }).click();
    await expect(page).toHaveURL(/\/tasks\?status=errors$/);
    await expect(page.getByRole("row", { name: /api-import\.csv/ }).first()).toBeVisible();
    await expectNoAxeViolations(page, "Tasks, Errors tab");

    await page.getByRole("tab", { name: "Active" }).click();
    await expect(page).toHaveURL(/\/tasks\?status=active$/);
    await expect(page.getByText("No task is running.")).toBeVisible();

    await page.goBack();
    await expect(page.getByRole("tab", { name: "Errors" })).toHaveAttribute("aria-selected", "true");
    await page.getByRole("row", { name: /api-import\.csv/ }).first().getByRole("link").click();
    await expect(page).toHaveURL(new RegExp(`/tasks/${job.id}$`));
    await expect(page.getByRole("row", { name: /8x71/ })).toContainText("An extension contains digits only (0–9).");
    // The page's own way back, not the navigation's link of the same name.
    await page.getByRole("main").getByRole("link", { name: "Tasks", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Tasks" })).toBeVisible();
  });
});

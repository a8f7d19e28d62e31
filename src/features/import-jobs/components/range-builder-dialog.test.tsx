import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "@domain/api/endpoints";
import type { ImportJob, ImportPreview, ImportPreviewRow } from "@domain/schemas/import-job";
import { locationsHandler } from "@/test/fixtures";
import { mswPath } from "@/test/msw-path";
import { useNodeFormData } from "@/test/node-form-data";
import { renderWithProviders } from "@/test/render";
import { server } from "@/test/server";
import { sessionQuery } from "@/lib/session";
import { RangeBuilderDialog } from "./range-builder-dialog";

beforeEach(useNodeFormData);

/** The server's dry run: each row to create, but the second taken by a person. */
function previewOf(text: string, mode: string): ImportPreview {
  const lines = text.trim().split("\r\n").slice(1);
  const rows: ImportPreviewRow[] = lines.map((line, i) => {
    const [location, name, extension, action] = line.split(",").map((cell) => cell.replaceAll('"', ""));
    const taken = i === 1;
    return {
      itemNumber: i + 2,
      location,
      locationId: "L2",
      name,
      extension,
      action: action as "ADD",
      outcome: taken ? "ERROR" : "CREATE",
      ...(taken ? { issues: [{ path: ["extension"], code: "extensionTaken", params: { extension, ownerName: "Maria Silva", context: "PEOPLE" } }] } : {}),
    };
  });
  const error = rows.filter((r) => r.outcome === "ERROR").length;
  return { mode: mode as "partial", rows, counts: { create: rows.length - error, update: 0, delete: 0, unchanged: 0, error, total: rows.length }, wouldApply: mode === "partial" };
}

function answering() {
  const sent: { kind: "preview" | "create" | "suggest"; mode: string | null; fileName: string | null; text: string }[] = [];
  server.use(
    locationsHandler,
    http.post(mswPath(api.importJobs.preview), async ({ request }) => {
      const text = await ((await request.formData()).get("file") as File).text();
      const mode = new URL(request.url).searchParams.get("mode");
      sent.push({ kind: "preview", mode, fileName: null, text });
      return HttpResponse.json(previewOf(text, mode ?? "partial"));
    }),
    http.post(mswPath(api.callParkExtensions.suggestExtensions), async ({ request, params }) => {
      const { near } = (await request.json()) as { near: string };
      sent.push({ kind: "suggest", mode: null, fileName: `${params.locationId} ${near}`, text: "" });
      return HttpResponse.json({ extensions: ["8004", "8005", "8006"] });
    }),
    http.post(mswPath(api.importJobs.create), async ({ request }) => {
      const url = new URL(request.url);
      const file = (await request.formData()).get("file") as File;
      sent.push({ kind: "create", mode: url.searchParams.get("mode"), fileName: url.searchParams.get("fileName"), text: await file.text() });
      const job = { id: "J1", fileName: url.searchParams.get("fileName"), status: "QUEUED" } as unknown as ImportJob;
      return HttpResponse.json(job, { status: 201 });
    }),
  );
  return sent;
}

async function renderDialog(language: "en" | "pt-BR" = "en") {
  const rendered = await renderWithProviders(<RangeBuilderDialog onClose={vi.fn()} />, { url: "/range", language });
  await waitFor(() => expect(rendered.queryClient.getQueryData(sessionQuery().queryKey)).toBeDefined());
  return rendered;
}

describe("Add a range of call park extensions", () => {
  it("checks the range through the import's dry run, shows each one's outcome, and creates the valid ones as a task", async () => {
    const sent = answering();
    const { user } = await renderDialog();
    const dialog = screen.getByRole("dialog", { name: "Add a range of call park extensions" });
    await user.type(within(dialog).getByRole("combobox", { name: "Location" }), "Camp");
    await user.click(await screen.findByRole("option", { name: "Campinas" }));
    await user.type(within(dialog).getByRole("textbox", { name: "First extension" }), "8001");
    await user.type(within(dialog).getByRole("textbox", { name: "Last extension" }), "8003");
    expect(within(dialog).getByRole("textbox", { name: "Name pattern" })).toHaveValue("Park {n}");
    expect(within(dialog).getByText("3 call park extensions: Park 1 (8001) to Park 3 (8003).")).toBeInTheDocument();

    await user.click(within(dialog).getByRole("button", { name: "Check the range" }));
    expect(await within(dialog).findByText(/^3 rows: 2 to create/)).toBeInTheDocument();
    expect(sent).toEqual([
      {
        kind: "preview",
        mode: "partial",
        fileName: null,
        text: '"Location","Call Park Extension Name","Extension","Action"\r\n"Campinas","Park 1","8001","ADD"\r\n"Campinas","Park 2","8002","ADD"\r\n"Campinas","Park 3","8003","ADD"',
      },
    ]);
    // Who holds the taken one, on its row, and the free extensions near it when asked.
    expect(within(dialog).getByText(/Maria Silva/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole("button", { name: "Find free extensions near 8002" }));
    expect(await within(dialog).findByText("8004, 8005 and 8006 are free.")).toBeInTheDocument();
    expect(sent.filter((s) => s.kind === "suggest").map((s) => s.fileName)).toEqual(["L2 8002"]);

    await user.click(within(dialog).getByRole("button", { name: "Create" }));
    expect(await within(dialog).findByRole("link", { name: "Open the task" })).toBeInTheDocument();
    expect(within(dialog).getByRole("button", { name: "Add another range" })).toBeInTheDocument();
    expect(sent.at(-1)).toMatchObject({ kind: "create", mode: "partial", fileName: "range 8001-8003.csv" });
    expect(sent.at(-1)?.text).toBe(sent[0].text);
  });

  it("counts from the first extension, and asks for a new check once the range changes", async () => {
    const sent = answering();
    const { user } = await renderDialog();
    const dialog = screen.getByRole("dialog", { name: "Add a range of call park extensions" });
    await user.type(within(dialog).getByRole("combobox", { name: "Location" }), "São");
    await user.click(await screen.findByRole("option", { name: "São Paulo" }));
    await user.type(within(dialog).getByRole("textbox", { name: "First extension" }), "0098");
    await user.click(within(dialog).getByRole("radio", { name: "A number of extensions" }));
    await user.type(within(dialog).getByRole("spinbutton", { name: "How many" }), "3");
    const pattern = within(dialog).getByRole("textbox", { name: "Name pattern" });
    await user.clear(pattern);
    await user.type(pattern, "Doca {{ext}");
    expect(within(dialog).getByText("3 call park extensions: Doca 0098 (0098) to Doca 0100 (0100).")).toBeInTheDocument();
    await user.click(within(dialog).getByRole("button", { name: "Check the range" }));
    expect(await within(dialog).findByText(/^3 rows: 2 to create/)).toBeInTheDocument();
    expect(sent[0].text).toContain('"São Paulo","Doca 0099","0099","ADD"');

    await user.type(within(dialog).getByRole("spinbutton", { name: "How many" }), "0");
    expect(within(dialog).queryByText(/^3 rows: 2 to create/)).not.toBeInTheDocument();
    expect(within(dialog).getByRole("button", { name: "Create" })).toBeDisabled();
  });

  it("says what is wrong on its field, before asking the server, in Brazilian Portuguese", async () => {
    const sent = answering();
    const { user } = await renderDialog("pt-BR");
    const dialog = screen.getByRole("dialog", { name: "Adicionar um intervalo de ramais de estacionamento de chamadas" });
    await user.type(within(dialog).getByRole("textbox", { name: "Primeiro ramal" }), "8010");
    await user.type(within(dialog).getByRole("textbox", { name: "Último ramal" }), "8001");
    const pattern = within(dialog).getByRole("textbox", { name: "Padrão de nome" });
    expect(pattern).toHaveValue("Estacionamento {n}");
    await user.clear(pattern);
    await user.type(pattern, "Doca");
    await user.click(within(dialog).getByRole("button", { name: "Verificar o intervalo" }));
    expect(within(dialog).getByRole("textbox", { name: "Último ramal" })).toHaveAccessibleDescription("O último ramal deve vir depois do primeiro.");
    expect(pattern).toHaveAccessibleDescription(/Inclua \{n\} ou \{ext\} para que cada ramal de estacionamento de chamadas tenha um nome próprio\./);
    expect(within(dialog).getByRole("combobox", { name: "Local" })).toHaveAttribute("aria-invalid", "true");
    expect(sent).toEqual([]);
  });
});

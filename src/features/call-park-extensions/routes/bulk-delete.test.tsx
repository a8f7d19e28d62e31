import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { api } from "@domain/api/endpoints";
import { apiErrorResponse, callParkExtension, locationsHandler } from "@/test/fixtures";
import { renderWithProviders } from "@/test/render";
import { server } from "@/test/server";
import { mswPath } from "@/test/msw-path";
import type { LanguageCode } from "@/lib/i18n";
import { CALL_PARK_EXTENSIONS_PATH } from "@/lib/paths";
import CallParkExtensionListRoute from "./list-route";

const RECEPTION = callParkExtension("CPE1", "Reception park", "1001", "L1");
const LOBBY = callParkExtension("CPE3", "Lobby park", "1003", "L1");
const DOCK = callParkExtension("CPE2", "Loading dock", "2002", "L2");

/** The list, where each location's extensions are used, and DELETE refusing `refuse`; records what was asked. */
function serve({ refuse }: { refuse?: string } = {}) {
  const asked = { lists: 0, deleted: [] as string[], whereUsed: [] as string[] };
  server.use(
    locationsHandler,
    http.get(mswPath(api.callParkExtensions.list), () => {
      asked.lists += 1;
      return HttpResponse.json({ callParkExtensions: [RECEPTION, LOBBY, DOCK] }, { headers: { "X-Total-Count": "3" } });
    }),
    http.post(mswPath(api.callParkExtensions.whereUsed), async ({ params, request }) => {
      const { ids } = (await request.json()) as { ids: string[] };
      asked.whereUsed.push(`${String(params.locationId)}:${ids.join(",")}`);
      // Reception park is Front desk's second park destination of three; the others are in no group.
      const callParksOf = (id: string) => (id === "CPE1" ? [{ id: "G1", name: "Front desk", position: 2, of: 3 }] : []);
      return HttpResponse.json({ items: ids.map((id) => ({ id, callParks: callParksOf(id) })) });
    }),
    http.delete(mswPath(api.callParkExtensions.delete), ({ params }) => {
      if (params.callParkExtensionId === refuse) return apiErrorResponse(404, "callParkExtensionNotFound");
      asked.deleted.push(String(params.callParkExtensionId));
      return new HttpResponse(null, { status: 204 });
    }),
  );
  return asked;
}

const render = (language: LanguageCode = "en") =>
  renderWithProviders(<CallParkExtensionListRoute />, { url: CALL_PARK_EXTENSIONS_PATH, path: CALL_PARK_EXTENSIONS_PATH, language });

describe("call park extension list: deleting several at once", () => {
  it("deletes the ticked rows one by one after one confirmation naming them, and the group and position of each a group uses", async () => {
    const asked = serve();
    const { user } = await render();
    await screen.findByRole("link", { name: "Reception park" });
    expect(screen.queryByRole("button", { name: /^Delete \d/ })).not.toBeInTheDocument();

    await user.click(screen.getByRole("checkbox", { name: "Select Reception park (1001, São Paulo)" }));
    await user.click(screen.getByRole("checkbox", { name: "Select Loading dock (2002, Campinas)" }));
    expect(screen.getByText("2 selected")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Delete 2" }));

    const dialog = await screen.findByRole("alertdialog", { name: "Delete 2 call park extensions?" });
    const listed = within(dialog).getAllByRole("listitem").map((item) => item.textContent);
    expect(listed).toContain("Reception park (1001, São Paulo)");
    expect(listed).toContain("Loading dock (2002, Campinas)");
    expect(
      await within(dialog).findByText("Reception park (1001, São Paulo): used by the group Front desk as park destination 2 of 3"),
    ).toBeInTheDocument();
    expect(within(dialog).getByText("1 of them is a park destination of a call park group, which loses it:")).toBeInTheDocument();
    expect(within(dialog).queryByText(/Loading dock \(2002, Campinas\): used by/)).not.toBeInTheDocument();
    // Asked once per location, about the ticked rows of that location only.
    expect(asked.whereUsed.sort()).toEqual(["L1:CPE1", "L2:CPE2"]);
    expect(asked.deleted).toEqual([]);

    const listsBefore = asked.lists;
    await user.click(within(dialog).getByRole("button", { name: "Delete 2" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument());
    expect(asked.deleted).toEqual(["CPE1", "CPE2"]);
    await waitFor(() => expect(asked.lists).toBeGreaterThan(listsBefore));
    expect(screen.queryByText("2 selected")).not.toBeInTheDocument();
  });

  it("ticks the whole page from the header, and sums up what failed and why", async () => {
    const asked = serve({ refuse: "CPE3" });
    const { user } = await render();
    await screen.findByRole("link", { name: "Lobby park" });
    await user.click(screen.getByRole("checkbox", { name: "Select all on this page" }));
    await user.click(screen.getByRole("button", { name: "Delete 3" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Delete 3 call park extensions?" });
    await user.click(within(dialog).getByRole("button", { name: "Delete 3" }));

    const summary = await screen.findByRole("alertdialog", { name: "1 could not be deleted" });
    expect(within(summary).getByText("2 were deleted. These failed:")).toBeInTheDocument();
    expect(within(summary).getByRole("listitem")).toHaveTextContent(
      "Lobby park (1003, São Paulo): This call park extension does not exist, or it belongs to another location.",
    );
    expect(asked.deleted).toEqual(["CPE1", "CPE2"]);
    // What failed stays ticked, to try again.
    await user.click(within(summary).getByRole("button", { name: "Close" }));
    expect(await screen.findByText("1 selected")).toBeInTheDocument();
  });

  it("in Portuguese", async () => {
    serve();
    const { user } = await render("pt-BR");
    await user.click(await screen.findByRole("checkbox", { name: "Selecionar Reception park (1001, São Paulo)" }));
    await user.click(screen.getByRole("button", { name: "Excluir 1" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Excluir 1 ramal de estacionamento de chamadas?" });
    expect(
      await within(dialog).findByText("Reception park (1001, São Paulo): usado pelo grupo Front desk como destino de estacionamento 2 de 3"),
    ).toBeInTheDocument();
    expect(within(dialog).getByText("1 deles é destino de estacionamento de um grupo, que vai perdê-lo:")).toBeInTheDocument();
  });

  it("says plainly when no group uses the ticked rows", async () => {
    serve();
    const { user } = await render();
    await user.click(await screen.findByRole("checkbox", { name: "Select Loading dock (2002, Campinas)" }));
    await user.click(screen.getByRole("button", { name: "Delete 1" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Delete 1 call park extension?" });
    expect(await within(dialog).findByText("No call park group uses them as park destinations.")).toBeInTheDocument();
  });
});


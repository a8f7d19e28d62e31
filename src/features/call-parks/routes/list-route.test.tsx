import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { api } from "@domain/api/endpoints";
import type { CallParkListItem } from "@domain/schemas/call-park";
import { locationsHandler } from "@/test/fixtures";
import { mswPath } from "@/test/msw-path";
import { renderWithProviders } from "@/test/render";
import { server } from "@/test/server";
import { CALL_PARKS_PATH } from "@/lib/paths";
import CallParkListRoute from "./list-route";

const GROUPS: CallParkListItem[] = [
  { id: "G1", name: "Front desk", locationId: "L1", locationName: "São Paulo" },
  { id: "G2", name: "Dock team", locationId: "L2", locationName: "Campinas" },
];

function serve() {
  const asked = { queries: [] as URLSearchParams[], deleted: [] as string[] };
  server.use(
    locationsHandler,
    http.get(mswPath(api.callParks.orgList), ({ request }) => {
      asked.queries.push(new URL(request.url).searchParams);
      const left = GROUPS.filter((g) => !asked.deleted.includes(g.id));
      return HttpResponse.json({ callParks: left }, { headers: { "X-Total-Count": String(left.length) } });
    }),
    http.delete(mswPath(api.callParks.delete), ({ params }) => {
      asked.deleted.push(String(params.callParkId));
      return new HttpResponse(null, { status: 204 });
    }),
  );
  return asked;
}

describe("call park group list", () => {
  it("sorts by the clicked header through the server's order, kept in the URL", async () => {
    const asked = serve();
    const { user, router } = await renderWithProviders(<CallParkListRoute />, { url: CALL_PARKS_PATH, path: CALL_PARKS_PATH });
    await screen.findByRole("link", { name: "Front desk" });
    expect(asked.queries[0].get("order")).toBe("name-asc,locationName-asc");
    const location = screen.getByRole("columnheader", { name: "Location" });
    expect(location).toHaveAttribute("aria-sort", "none");

    await user.click(within(location).getByRole("button", { name: "Location" }));
    await waitFor(() => expect(router.state.location.search).toBe("?sort=locationName-asc"));
    await waitFor(() => expect(asked.queries.at(-1)?.get("order")).toBe("locationName-asc,name-asc"));
    expect(screen.getByRole("columnheader", { name: "Location" })).toHaveAttribute("aria-sort", "ascending");
    await user.click(within(screen.getByRole("columnheader", { name: "Location" })).getByRole("button"));
    await waitFor(() => expect(router.state.location.search).toBe("?sort=locationName-desc"));
    expect(screen.getByRole("columnheader", { name: "Location" })).toHaveAttribute("aria-sort", "descending");
  });

  it("deletes the ticked groups after one confirmation naming them, then loads the list again", async () => {
    const asked = serve();
    const { user } = await renderWithProviders(<CallParkListRoute />, { url: CALL_PARKS_PATH, path: CALL_PARKS_PATH });
    await screen.findByRole("link", { name: "Front desk" });
    await user.click(screen.getByRole("checkbox", { name: "Select all on this page" }));
    await user.click(screen.getByRole("button", { name: "Delete 2" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Delete 2 call park groups?" });
    expect(within(dialog).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["Front desk (São Paulo)", "Dock team (Campinas)"]);
    await user.click(within(dialog).getByRole("button", { name: "Delete 2" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument());
    expect(asked.deleted).toEqual(["G1", "G2"]);
    expect(await screen.findByText("There are no call park groups yet.")).toBeInTheDocument();
  });

  it("in Portuguese", async () => {
    serve();
    const { user } = await renderWithProviders(<CallParkListRoute />, { url: CALL_PARKS_PATH, path: CALL_PARKS_PATH, language: "pt-BR" });
    await user.click(await screen.findByRole("checkbox", { name: "Selecionar Front desk (São Paulo)" }));
    await user.click(screen.getByRole("button", { name: "Excluir 1" }));
    expect(await screen.findByRole("alertdialog", { name: "Excluir 1 grupo de estacionamento de chamadas?" })).toBeInTheDocument();
  });
});

import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { api } from "@domain/api/endpoints";
import type { CallParkListItem } from "@domain/schemas/call-park";
import { callParkAgent, locationsHandler } from "@/test/fixtures";
import { mswPath } from "@/test/msw-path";
import { renderWithProviders } from "@/test/render";
import { server } from "@/test/server";
import { CALL_PARKS_PATH } from "@/lib/paths";
import CallParkListRoute from "./list-route";

const GROUPS: CallParkListItem[] = [
  { id: "G1", name: "Front desk", locationId: "L1", locationName: "São Paulo" },
  { id: "G2", name: "Dock team", locationId: "L2", locationName: "Campinas" },
];

/** Front desk's twelve members; Dock team has none. */
const MEMBERS = Array.from({ length: 12 }, (_, i) => callParkAgent(`U${i + 1}`, `Member ${String(i + 1).padStart(2, "0")}`));
const detailOf = (id: string) => ({
  id,
  name: GROUPS.find((g) => g.id === id)?.name,
  recall: { option: "ALERT_PARKING_USER_ONLY" },
  agents: id === "G1" ? MEMBERS : [],
  parkOnAgentsEnabled: false,
  callParkExtensions: [],
});

function serve() {
  const asked = { queries: [] as URLSearchParams[], deleted: [] as string[], details: [] as string[] };
  server.use(
    locationsHandler,
    http.get(mswPath(api.callParks.orgList), ({ request }) => {
      asked.queries.push(new URL(request.url).searchParams);
      const left = GROUPS.filter((g) => !asked.deleted.includes(g.id));
      return HttpResponse.json({ callParks: left }, { headers: { "X-Total-Count": String(left.length) } });
    }),
    http.get(mswPath(api.callParks.get), ({ params }) => {
      asked.details.push(String(params.callParkId));
      return HttpResponse.json(detailOf(String(params.callParkId)));
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
    const { user, history } = await renderWithProviders(<CallParkListRoute />, { url: CALL_PARKS_PATH, path: CALL_PARKS_PATH });
    await screen.findByRole("link", { name: "Front desk" });
    expect(asked.queries[0].get("order")).toBe("name-asc,locationName-asc");
    const location = screen.getByRole("columnheader", { name: "Location" });
    expect(location).toHaveAttribute("aria-sort", "none");

    await user.click(within(location).getByRole("button", { name: "Location" }));
    await waitFor(() => expect(history.location.search).toBe("?sort=locationName-asc"));
    await waitFor(() => expect(asked.queries.at(-1)?.get("order")).toBe("locationName-asc,name-asc"));
    expect(screen.getByRole("columnheader", { name: "Location" })).toHaveAttribute("aria-sort", "ascending");
    await user.click(within(screen.getByRole("columnheader", { name: "Location" })).getByRole("button"));
    await waitFor(() => expect(history.location.search).toBe("?sort=locationName-desc"));
    expect(screen.getByRole("columnheader", { name: "Location" })).toHaveAttribute("aria-sort", "descending");
  });

  it("deletes the ticked groups after one confirmation naming them and their members, then loads the list again", async () => {
    const asked = serve();
    const { user } = await renderWithProviders(<CallParkListRoute />, { url: CALL_PARKS_PATH, path: CALL_PARKS_PATH });
    await screen.findByRole("link", { name: "Front desk" });
    await user.click(screen.getByRole("checkbox", { name: "Select all on this page" }));
    await user.click(screen.getByRole("button", { name: "Delete 2" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Delete 2 call park groups?" });
    // The groups going, then their members once asked for.
    await waitFor(() => expect(within(dialog).getAllByRole("list")).toHaveLength(2));
    const [going, members] = within(dialog).getAllByRole("list");
    expect(within(going).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["Front desk (São Paulo)", "Dock team (Campinas)"]);
    expect(within(dialog).getByText("Their members, who can no longer park calls with #58 once the groups are deleted:")).toBeInTheDocument();
    // Past ten names, nine and how many more.
    expect(within(members).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "Front desk (São Paulo): 12 members: Member 01, Member 02, Member 03, Member 04, Member 05, Member 06, Member 07, Member 08, Member 09 and 3 more",
      "Dock team (Campinas): no members",
    ]);
    await user.click(within(dialog).getByRole("button", { name: "Delete 2" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument());
    expect(asked.deleted).toEqual(["G1", "G2"]);
    // Each group read once, to name its members; never again once deleted (it would answer 404).
    expect(asked.details.sort()).toEqual(["G1", "G2"]);
    expect(await screen.findByText("There are no call park groups yet.")).toBeInTheDocument();
  });

  it("in Portuguese", async () => {
    serve();
    const { user } = await renderWithProviders(<CallParkListRoute />, { url: CALL_PARKS_PATH, path: CALL_PARKS_PATH, language: "pt-BR" });
    await user.click(await screen.findByRole("checkbox", { name: "Selecionar Front desk (São Paulo)" }));
    await user.click(screen.getByRole("button", { name: "Excluir 1" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Excluir 1 grupo de estacionamento de chamadas?" });
    expect(
      await within(dialog).findByText(
        "Front desk (São Paulo): 12 membros: Member 01, Member 02, Member 03, Member 04, Member 05, Member 06, Member 07, Member 08, Member 09 e mais 3",
      ),
    ).toBeInTheDocument();
    expect(within(dialog).getByText("Os membros, que não poderão mais estacionar chamadas com #58 depois que os grupos forem excluídos:")).toBeInTheDocument();
  });
});

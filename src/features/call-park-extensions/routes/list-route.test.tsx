import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import type { CallParkExtensionListItem } from "@domain/schemas/call-park-extension";
import { apiErrorResponse, callParkExtension, locationsHandler } from "@/test/fixtures";
import { renderWithProviders } from "@/test/render";
import { recordRequests, server } from "@/test/server";
import { mswPath } from "@/test/msw-path";
import { sessionHandler } from "@/test/session";
import { sessionQuery } from "@/lib/session";
import CallParkExtensionListRoute from "./list-route";
import { CALL_PARK_EXTENSIONS_PATH } from "@/lib/paths";

const LIST = mswPath(api.callParkExtensions.list);

const RECEPTION = callParkExtension("CPE1", "Reception park", "1001", "L1");
const DOCK = callParkExtension("CPE2", "Loading dock", "2002", "L2");

/** The list endpoint answering `items` with X-Total-Count `total`; keeps each request's query. */
function listAnswering(items: CallParkExtensionListItem[], total = items.length) {
  const queries: URLSearchParams[] = [];
  server.use(
    http.get(LIST, ({ request }) => {
      queries.push(new URL(request.url).searchParams);
      return HttpResponse.json({ callParkExtensions: items }, { headers: { "X-Total-Count": String(total) } });
    }),
  );
  return queries;
}

async function renderList(search = "") {
  server.use(locationsHandler);
  return renderWithProviders(<CallParkExtensionListRoute />, {
    url: `${CALL_PARK_EXTENSIONS_PATH}${search}`,
    path: CALL_PARK_EXTENSIONS_PATH,
  });
}

describe("call park extension list: what it asks the server", () => {
  it("sends the URL's search, location and page, and shows the page's range of the total", async () => {
    const queries = listAnswering([RECEPTION], 60);
    const { user } = await renderList("?q=park&location=L1&page=2");

    expect(await screen.findByRole("link", { name: "Reception park" })).toBeInTheDocument();
    const query = Object.fromEntries(queries[0]);
    expect(query).toMatchObject({ q: "park", locationId: "L1", start: "25", max: "25" });

    const pages = screen.getByRole("navigation", { name: "Pages" });
    expect(pages).toHaveTextContent("26–50 of 60");
    expect(screen.getByRole("searchbox", { name: "Search" })).toHaveValue("park");
    expect(screen.getByRole("link", { name: "Add New" })).toHaveAttribute(
      "href",
      `${CALL_PARK_EXTENSIONS_PATH}/new?location=L1`,
    );
    await waitFor(() => expect(screen.getByRole("combobox", { name: "Location" })).toHaveValue("São Paulo"));

    await user.click(within(pages).getByRole("button", { name: "Next" }));
    await waitFor(() => expect(queries.at(-1)?.get("start")).toBe("50"));
    expect(within(pages).getByRole("button", { name: "Next" })).toBeDisabled();
  });

  it("shows each extension's name, extension and location, the name linking to its page", async () => {
    listAnswering([RECEPTION, DOCK]);
    await renderList();

    const row = (await screen.findByRole("link", { name: "Loading dock" })).closest("tr")!;
    // First, the row's tick box for a bulk delete.
    expect(within(row).getAllByRole("cell").map((cell) => cell.textContent)).toEqual([
      "",
      "Loading dock",
      "2002",
      "Campinas",
      "",
    ]);
    expect(within(row).getByRole("link", { name: "Loading dock" })).toHaveAttribute(
      "href",
      `${CALL_PARK_EXTENSIONS_PATH}/L2/CPE2`,
    );
    expect(screen.getByRole("table", { name: "Call park extensions" })).toBeInTheDocument();
    expect(screen.getAllByRole("row")).toHaveLength(3);
  });
});

describe("call park extension list: empty and error states", () => {
  it("invites the first Add New when the organization has none", async () => {
    listAnswering([]);
    await renderList();
    expect(await screen.findByText("There are no call park extensions yet.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Clear search and filter" })).not.toBeInTheDocument();
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
    const addNew = screen.getAllByRole("link", { name: "Add New" });
    expect(addNew.map((link) => link.getAttribute("href"))).toEqual([
      `${CALL_PARK_EXTENSIONS_PATH}/new`,
      `${CALL_PARK_EXTENSIONS_PATH}/new`,
    ]);
  });

  it("offers to clear a search that matches nothing", async () => {
    const queries = listAnswering([]);
    const { user, history } = await renderList("?q=nothing&location=L2");
    expect(await screen.findByText("No call park extension matches this search.")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Clear search and filter" }));
    await waitFor(() => expect(history.location.search).toBe(""));
    await waitFor(() => expect(queries.at(-1)?.has("q")).toBe(false));
    expect(queries.at(-1)?.has("locationId")).toBe(false);
    expect(screen.getByRole("searchbox", { name: "Search" })).toHaveValue("");
    expect(await screen.findByText("There are no call park extensions yet.")).toBeInTheDocument();
  });

  it("explains a server failure and loads again on Try again", async () => {
    server.use(http.get(LIST, () => apiErrorResponse(500, "internal")));
    const { user } = await renderList();
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("This could not be loaded.");
    expect(alert).toHaveTextContent("Something went wrong on the server.");

    listAnswering([RECEPTION]);
    await user.click(within(alert).getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("link", { name: "Reception park" })).toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });
});

describe("call park extension list: a page past the end", () => {
  it("moves back to the last page that has rows instead of claiming there are none", async () => {
    const queries: URLSearchParams[] = [];
    server.use(
      http.get(LIST, ({ request }) => {
        const query = new URL(request.url).searchParams;
        queries.push(query);
        const items = Number(query.get("start")) < 60 ? [RECEPTION] : [];
        return HttpResponse.json({ callParkExtensions: items }, { headers: { "X-Total-Count": "60" } });
      }),
    );
    const { history } = await renderList("?page=9");
    expect(await screen.findByRole("link", { name: "Reception park" })).toBeInTheDocument();
    expect(history.location.search).toBe("?page=3");
    expect(queries.at(-1)?.get("start")).toBe("50");
    expect(screen.queryByText("There are no call park extensions yet.")).not.toBeInTheDocument();
  });
});

describe("call park extension list: search, sort and delete", () => {
  it("writes the search to the URL once typing pauses, back on the first page", async () => {
    const queries = listAnswering([RECEPTION]);
    const { user, history } = await renderList("?page=3");
    await screen.findByRole("link", { name: "Reception park" });

    await user.type(screen.getByRole("searchbox", { name: "Search" }), "dock");
    await waitFor(() => expect(history.location.search).toBe("?q=dock"));
    await waitFor(() => expect(Object.fromEntries(queries.at(-1)!)).toMatchObject({ q: "dock", start: "0" }));
  });

  it("sorts by the clicked column, reversing on a second click", async () => {
    const queries = listAnswering([RECEPTION, DOCK]);
    const { user } = await renderList();
    await screen.findByRole("link", { name: "Reception park" });
    const header = (name: string) => screen.getByRole("columnheader", { name });

    expect(queries[0].get("order")).toBe("name-asc,locationName-asc");
    expect(header("Name")).toHaveAttribute("aria-sort", "ascending");

    await user.click(screen.getByRole("button", { name: "Name" }));
    await waitFor(() => expect(queries.at(-1)?.get("order")).toBe("name-desc,locationName-asc"));
    expect(header("Name")).toHaveAttribute("aria-sort", "descending");

    await user.click(screen.getByRole("button", { name: "Location" }));
    await waitFor(() => expect(queries.at(-1)?.get("order")).toBe("locationName-asc,name-asc"));
    expect(header("Location")).toHaveAttribute("aria-sort", "ascending");
    expect(header("Name")).toHaveAttribute("aria-sort", "none");
  });

  it("deletes a row after a confirmation naming it, then loads the list again", async () => {
    const queries = listAnswering([RECEPTION, DOCK]);
    const deleted: string[] = [];
    server.use(
      http.delete(mswPath(api.callParkExtensions.delete), ({ request }) => {
        deleted.push(new URL(request.url).pathname);
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const { user } = await renderList();
    await screen.findByRole("link", { name: "Loading dock" });

    await user.click(screen.getByRole("button", { name: "Delete Loading dock" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Delete call park extension?" });
    expect(within(dialog).getByText(/^Loading dock \(extension 2002\) will be deleted\./)).toBeVisible();
    expect(deleted).toEqual([]);

    const loadsBefore = queries.length;
    await user.click(within(dialog).getByRole("button", { name: "Delete" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument());
    expect(deleted).toEqual([urlOf(api.callParkExtensions.delete, { locationId: "L2", callParkExtensionId: "CPE2" })]);
    expect(queries.length).toBeGreaterThan(loadsBefore);
  });

  it("leaves the row alone when the confirmation is cancelled", async () => {
    listAnswering([RECEPTION]);
    const recorder = recordRequests();
    const { user } = await renderList();
    await screen.findByRole("link", { name: "Reception park" });

    await user.click(screen.getByRole("button", { name: "Delete Reception park" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Delete call park extension?" });
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument());
    expect(recorder.requests.filter((r) => r.method === "DELETE")).toEqual([]);
    expect(screen.getByRole("link", { name: "Reception park" })).toBeInTheDocument();
  });
});

describe("call park extension list: what each role may do", () => {
  it("shows a read-only administrator every row, with no Add New, Edit or Delete", async () => {
    server.use(sessionHandler("READ_ONLY_ADMIN"));
    listAnswering([RECEPTION, DOCK]);
    const { queryClient } = await renderList();
    await waitFor(() => expect(queryClient.getQueryData(sessionQuery().queryKey)).toBeDefined());

    const row = (await screen.findByRole("link", { name: "Loading dock" })).closest("tr")!;
    expect(within(row).getAllByRole("cell").map((cell) => cell.textContent)).toEqual(["Loading dock", "2002", "Campinas"]);
    expect(screen.getByRole("link", { name: "Reception park" })).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "Add New" })).not.toBeInTheDocument();
    expect(screen.queryByRole("link", { name: /^Edit / })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /^Delete / })).not.toBeInTheDocument();
    expect(screen.queryByRole("columnheader", { name: "Actions" })).not.toBeInTheDocument();
    // Bulk manage stays: it offers the export.
    expect(screen.getByRole("link", { name: "Bulk manage" })).toBeInTheDocument();
  });

  it("offers a read-only administrator no Add New on an empty list", async () => {
    server.use(sessionHandler("READ_ONLY_ADMIN"));
    listAnswering([]);
    const { queryClient } = await renderList();
    expect(await screen.findByText("There are no call park extensions yet.")).toBeInTheDocument();
    await waitFor(() => expect(queryClient.getQueryData(sessionQuery().queryKey)).toBeDefined());
    expect(screen.queryByRole("link", { name: "Add New" })).not.toBeInTheDocument();
  });

  it("gives a location administrator Add New, and Edit and Delete on the rows of their own location", async () => {
    server.use(sessionHandler("LOCATION_ADMIN", ["L1"]));
    listAnswering([RECEPTION, DOCK]);
    await renderList();
    await screen.findByRole("link", { name: "Reception park" });
    expect(await screen.findByRole("button", { name: "Delete Reception park" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Edit Reception park" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Delete Loading dock" })).not.toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "Edit Loading dock" })).not.toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Add New" })).toBeInTheDocument();
  });

  it("gives the full administrator Add New, Edit and Delete", async () => {
    listAnswering([RECEPTION]);
    await renderList();
    expect(await screen.findByRole("button", { name: "Delete Reception park" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Edit Reception park" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Add New" })).toBeInTheDocument();
  });
});

import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { beforeEach, describe, expect, it } from "vitest";
import type { CallParkListItem } from "@/features/call-parks/api/types";
import { AVAILABLE_USERS, LOCATIONS, locationsHandler } from "@/test/fixtures";
import { renderWithProviders } from "@/test/render";
import { recordRequests, server } from "@/test/server";
import { sessionHandler } from "@/test/session";
import CreateCallParkRoute from "./create-route";

const NEW_PATH = "/services/calling/features/call-parks/new";
const LOCATION_GROUPS = "*/v1/telephony/config/locations/:locationId/callParks";
const DRAFT_KEY = "callParkAdmin.groupDraft.L1";

/** The location's groups answering the name check with `groups`; keeps each request's location and query. */
function namesAnswering(groups: CallParkListItem[]) {
  const calls: { locationId: string; query: URLSearchParams }[] = [];
  server.use(
    http.get(LOCATION_GROUPS, ({ request, params }) => {
      calls.push({ locationId: String(params.locationId), query: new URL(request.url).searchParams });
      return HttpResponse.json({ callParks: groups }, { headers: { "X-Total-Count": String(groups.length) } });
    }),
  );
  return calls;
}

async function renderWizard(search: string) {
  server.use(
    locationsHandler,
    http.get("*/v1/locations/:id", ({ params }) => {
      const location = LOCATIONS.find((l) => l.id === params.id);
      return location ? HttpResponse.json(location) : new HttpResponse(null, { status: 404 });
    }),
    http.get(AVAILABLE_USERS, () => HttpResponse.json({ agents: [] })),
  );
  return renderWithProviders(<CreateCallParkRoute />, { url: `${NEW_PATH}${search}`, path: NEW_PATH });
}

const nameField = () => screen.getByRole("textbox", { name: "Call park group name" });
const stepHeading = (name: string) => screen.findByRole("heading", { level: 2, name });

beforeEach(() => sessionStorage.clear());

describe("call park group wizard: reaching a step", () => {
  it("sends a link to a later step back to the name while the draft has none", async () => {
    const { router } = await renderWizard("?location=L1&step=members");
    await waitFor(() => expect(router.state.location.search).toBe("?location=L1&step=name"));
    expect(await stepHeading("Location and Name")).toBeInTheDocument();
    expect(nameField()).toHaveValue("");
    expect(screen.queryByRole("searchbox", { name: "Search members" })).not.toBeInTheDocument();
    expect(await screen.findByText("São Paulo", { selector: ".field-readonly" })).toBeInTheDocument();
  });

  it("asks for a location first when the link has none", async () => {
    const { user, router } = await renderWizard("");
    const dialog = await screen.findByRole("dialog", { name: "Select a location" });
    expect(screen.queryByRole("textbox", { name: "Call park group name" })).not.toBeInTheDocument();

    const combobox = within(dialog).getByRole("combobox", { name: "Location" });
    await waitFor(() => expect(combobox).toBeEnabled());
    await user.click(combobox);
    await user.click(await screen.findByRole("option", { name: "São Paulo" }));
    await user.click(within(dialog).getByRole("button", { name: "Next" }));

    await waitFor(() => expect(router.state.location.search).toBe("?location=L1&step=name"));
    expect(await stepHeading("Location and Name")).toBeInTheDocument();
    expect(screen.queryByRole("dialog", { name: "Select a location" })).not.toBeInTheDocument();
  });
});

describe("call park group wizard: the name step", () => {
  it("refuses Next on an empty name and stays, asking the server nothing", async () => {
    const recorder = recordRequests();
    const { user, router } = await renderWizard("?location=L1&step=name");
    await stepHeading("Location and Name");

    await user.click(screen.getByRole("button", { name: "Next" }));
    await waitFor(() => expect(nameField()).toHaveAccessibleDescription(expect.stringContaining("This field is required.")));
    expect(nameField()).toHaveAttribute("aria-invalid", "true");
    expect(router.state.location.search).toBe("?location=L1&step=name");
    expect(recorder.requests.filter((r) => new URL(r.url).pathname.endsWith("/callParks"))).toEqual([]);
  });

  it("refuses a name a group of the location already has, ignoring case and accents", async () => {
    const calls = namesAnswering([{ id: "CP1", name: "Recepção", locationId: "L1", locationName: "São Paulo" }]);
    const { user, router } = await renderWizard("?location=L1&step=name");
    await stepHeading("Location and Name");

    await user.type(nameField(), "recepcao");
    await user.click(screen.getByRole("button", { name: "Next" }));
    await waitFor(() =>
      expect(nameField()).toHaveAccessibleDescription(
        expect.stringContaining("A call park group named Recepção already exists in this location."),
      ),
    );
    expect(router.state.location.search).toBe("?location=L1&step=name");
    expect(calls).toHaveLength(1);
    expect(calls[0].locationId).toBe("L1");
    expect(calls[0].query.get("name")).toBe("recepcao");
  });

  it("keeps the draft in session storage, so a reload on the members step keeps the name", async () => {
    const calls = namesAnswering([]);
    const first = await renderWizard("?location=L1&step=name");
    await stepHeading("Location and Name");

    await first.user.type(nameField(), "  Front desk");
    expect(JSON.parse(sessionStorage.getItem(DRAFT_KEY)!)).toMatchObject({ name: "  Front desk" });
    await first.user.click(screen.getByRole("button", { name: "Next" }));
    await waitFor(() => expect(first.router.state.location.search).toBe("?location=L1&step=members"));
    expect(calls[0].query.get("name")).toBe("Front desk");
    expect(await stepHeading("Members")).toBeInTheDocument();
    first.unmount();

    const second = await renderWizard("?location=L1&step=members");
    expect(await stepHeading("Members")).toBeInTheDocument();
    expect(await screen.findByText("No available member matches.")).toBeInTheDocument();
    expect(second.router.state.location.search).toBe("?location=L1&step=members");

    await second.user.click(screen.getByRole("button", { name: "Back" }));
    expect(await stepHeading("Location and Name")).toBeInTheDocument();
    expect(nameField()).toHaveValue("  Front desk");
  });
});

describe("call park group wizard: an administrator who may not add", () => {
  it("tells a read-only administrator who opens its address, instead of asking for a location", async () => {
    server.use(sessionHandler("READ_ONLY_ADMIN"));
    await renderWizard("");
    expect(await screen.findByText(/You can view call park groups but not change them\./)).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 1, name: "Add call park group" })).toBeInTheDocument();
    expect(screen.queryByRole("dialog", { name: "Select a location" })).not.toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Call Park Groups" })).toHaveAttribute("href", "/services/calling/features/call-parks");
  });

  it("tells a read-only administrator on a step's address too, showing no field", async () => {
    server.use(sessionHandler("READ_ONLY_ADMIN"));
    await renderWizard("?location=L1&step=name");
    expect(await screen.findByText(/You can view call park groups but not change them\./)).toBeInTheDocument();
    expect(screen.queryByRole("textbox")).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Next" })).not.toBeInTheDocument();
  });
});

import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { beforeEach, describe, expect, it } from "vitest";
import { api } from "@domain/api/endpoints";
import type { CallParkListItem } from "@/features/call-parks/api/types";
import { apiErrorResponse, callParkAgent, LOCATIONS, locationsHandler, parkDestination } from "@/test/fixtures";
import { renderWithProviders } from "@/test/render";
import { recordRequests, server } from "@/test/server";
import { mswPath } from "@/test/msw-path";
import { sessionHandler } from "@/test/session";
import CreateCallParkRoute from "./create-route";

const NEW_PATH = "/services/calling/features/call-parks/new";
const DRAFT_KEY = "callParkAdmin.groupDraft.L1";

/** The location's groups answering the name check with `groups`; keeps each request's location and query. */
function namesAnswering(groups: CallParkListItem[]) {
  const calls: { locationId: string; query: URLSearchParams }[] = [];
  server.use(
    http.get(mswPath(api.callParks.list), ({ request, params }) => {
      calls.push({ locationId: String(params.locationId), query: new URL(request.url).searchParams });
      return HttpResponse.json({ callParks: groups }, { headers: { "X-Total-Count": String(groups.length) } });
    }),
  );
  return calls;
}

async function renderWizard(search: string) {
  server.use(
    locationsHandler,
    http.get(mswPath(api.locations.get), ({ params }) => {
      const location = LOCATIONS.find((l) => l.id === params.locationId);
      return location ? HttpResponse.json(location) : new HttpResponse(null, { status: 404 });
    }),
    http.get(mswPath(api.callParks.availableUsers), () => HttpResponse.json({ agents: [] })),
    http.get(mswPath(api.callParks.availableRecallHuntGroups), () => HttpResponse.json({ huntGroups: [{ id: "HG1", name: "Support" }] })),
  );
  return renderWithProviders(<CreateCallParkRoute />, { url: `${NEW_PATH}${search}`, path: NEW_PATH });
}

const nameField = () => screen.getByRole("textbox", { name: "Call park group name" });
const stepHeading = (name: string) => screen.findByRole("heading", { level: 2, name });

beforeEach(() => sessionStorage.clear());

describe("call park group wizard: reaching a step", () => {
  it("sends a link to a later step back to the name while the draft has none", async () => {
    const { history } = await renderWizard("?location=L1&step=members");
    await waitFor(() => expect(history.location.search).toBe("?location=L1&step=name"));
    expect(await stepHeading("Location and Name")).toBeInTheDocument();
    expect(nameField()).toHaveValue("");
    expect(screen.queryByRole("searchbox", { name: "Search members" })).not.toBeInTheDocument();
    expect(await screen.findByText("São Paulo", { selector: ".field-readonly" })).toBeInTheDocument();
  });

  it("asks for a location first when the link has none", async () => {
    const { user, history } = await renderWizard("");
    const dialog = await screen.findByRole("dialog", { name: "Select a location" });
    expect(screen.queryByRole("textbox", { name: "Call park group name" })).not.toBeInTheDocument();

    const combobox = within(dialog).getByRole("combobox", { name: "Location" });
    await waitFor(() => expect(combobox).toBeEnabled());
    await user.click(combobox);
    await user.click(await screen.findByRole("option", { name: "São Paulo" }));
    await user.click(within(dialog).getByRole("button", { name: "Next" }));

    await waitFor(() => expect(history.location.search).toBe("?location=L1&step=name"));
    expect(await stepHeading("Location and Name")).toBeInTheDocument();
    expect(screen.queryByRole("dialog", { name: "Select a location" })).not.toBeInTheDocument();
  });
});

describe("call park group wizard: the name step", () => {
  it("refuses Next on an empty name and stays, asking the server nothing", async () => {
    const recorder = recordRequests();
    const { user, history } = await renderWizard("?location=L1&step=name");
    await stepHeading("Location and Name");

    await user.click(screen.getByRole("button", { name: "Next" }));
    await waitFor(() => expect(nameField()).toHaveAccessibleDescription(expect.stringContaining("This field is required.")));
    expect(nameField()).toHaveAttribute("aria-invalid", "true");
    expect(history.location.search).toBe("?location=L1&step=name");
    expect(recorder.requests.filter((r) => new URL(r.url).pathname.endsWith("/callParks"))).toEqual([]);
  });

  it("refuses a name a group of the location already has, ignoring case and accents", async () => {
    const calls = namesAnswering([{ id: "CP1", name: "Recepção", locationId: "L1", locationName: "São Paulo" }]);
    const { user, history } = await renderWizard("?location=L1&step=name");
    await stepHeading("Location and Name");

    await user.type(nameField(), "recepcao");
    await user.click(screen.getByRole("button", { name: "Next" }));
    await waitFor(() =>
      expect(nameField()).toHaveAccessibleDescription(
        expect.stringContaining("A call park group named Recepção already exists in this location."),
      ),
    );
    expect(history.location.search).toBe("?location=L1&step=name");
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
    await waitFor(() => expect(first.history.location.search).toBe("?location=L1&step=members"));
    expect(calls[0].query.get("name")).toBe("Front desk");
    expect(await stepHeading("Members")).toBeInTheDocument();
    first.unmount();

    const second = await renderWizard("?location=L1&step=members");
    expect(await stepHeading("Members")).toBeInTheDocument();
    expect(await screen.findByText("No available member matches.")).toBeInTheDocument();
    expect(second.history.location.search).toBe("?location=L1&step=members");

    await second.user.click(screen.getByRole("button", { name: "Back" }));
    expect(await stepHeading("Location and Name")).toBeInTheDocument();
    expect(nameField()).toHaveValue("  Front desk");
  });
});

/** A draft left in session storage, as the wizard saves it. */
function savedDraft(overrides: Record<string, unknown> = {}) {
  const draft = {
    locationId: "L1",
    name: "Front desk",
    agents: [callParkAgent("U1", "Ana Souza", { extension: "1001" })],
    parkOnAgentsEnabled: false,
    callParkExtensions: [],
    recall: { option: "ALERT_PARKING_USER_ONLY" },
    ...overrides,
  };
  sessionStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
}

describe("call park group wizard: the recall step and Create", () => {
  it("asks for the hunt group on Next, not while the option is chosen", async () => {
    savedDraft();
    const { user, history } = await renderWizard("?location=L1&step=recall");
    await stepHeading("Recall settings");
    await user.click(screen.getByRole("radio", { name: "Alert parking user first, then hunt group" }));
    const huntGroup = await screen.findByRole("combobox", { name: "Hunt group" });
    expect(huntGroup).not.toHaveAttribute("aria-invalid");

    await user.click(screen.getByRole("button", { name: "Next" }));
    await waitFor(() => expect(huntGroup).toHaveAccessibleDescription("Choose the hunt group that recalled calls go to."));
    expect(history.location.search).toBe("?location=L1&step=recall");

    await user.selectOptions(huntGroup, "Support");
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(await stepHeading("Review")).toBeInTheDocument();
    expect(await screen.findByText("Alert parking user first, then hunt group — Support")).toBeInTheDocument();
  });

  it("sends a reload of the review back to the recall while its hunt group is missing", async () => {
    savedDraft({ recall: { option: "ALERT_HUNT_GROUP_ONLY" } });
    const { history } = await renderWizard("?location=L1&step=review");
    await waitFor(() => expect(history.location.search).toBe("?location=L1&step=recall"));
    expect(await stepHeading("Recall settings")).toBeInTheDocument();
  });

  it("goes to the step of the server's first issue and shows it at its field", async () => {
    savedDraft({ callParkExtensions: [parkDestination("CPE1", "Reception park", "5001")] });
    server.use(
      http.post(mswPath(api.callParks.create), () =>
        apiErrorResponse(409, "callParkMemberTaken", {
          params: { memberName: "Ana Souza", callParkName: "Sales" },
          issues: [{ path: ["agents", 0], code: "memberInOtherGroup", params: { memberName: "Ana Souza", callParkName: "Sales" } }],
        }),
      ),
    );
    const { user, history } = await renderWizard("?location=L1&step=review");
    await stepHeading("Review");
    await user.click(screen.getByRole("button", { name: "Create" }));

    await waitFor(() => expect(history.location.search).toBe("?location=L1&step=members"));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Ana Souza is already a member of the call park group Sales. Remove them from that group first.",
    );
    const chosen = await screen.findByRole("region", { name: "1 member" });
    expect(within(chosen).getByRole("button", { name: "Remove Ana Souza" })).toHaveAccessibleDescription(
      "Ana Souza is already a member of the call park group Sales.",
    );
    expect(JSON.parse(sessionStorage.getItem(DRAFT_KEY)!)).toMatchObject({ name: "Front desk" });
  });
});

describe("call park group wizard: a group that cannot park anything", () => {
  it.each([
    ["en", "Create", "This group cannot park any call", "It has no park destinations: a call would have nowhere to park.", "Go back", "Create anyway"],
    ["pt-BR", "Criar", "Este grupo não consegue estacionar nenhuma chamada", "Ele não tem destinos de estacionamento: uma chamada não teria onde ficar estacionada.", "Voltar", "Criar mesmo assim"],
  ] as const)("is created only after a warning (%s)", async (language, create, title, body, back, anyway) => {
    savedDraft();
    const posts: unknown[] = [];
    server.use(
      http.post(mswPath(api.callParks.create), async ({ request }) => {
        posts.push(await request.json());
        return HttpResponse.json({ id: "CP1" }, { status: 201 });
      }),
    );
    server.use(
      locationsHandler,
      http.get(mswPath(api.locations.get), () => HttpResponse.json(LOCATIONS[0])),
      http.get(mswPath(api.callParks.availableRecallHuntGroups), () => HttpResponse.json({ huntGroups: [] })),
    );
    const { user, history } = await renderWithProviders(<CreateCallParkRoute />, {
      url: `${NEW_PATH}?location=L1&step=review`,
      path: NEW_PATH,
      language,
    });
    await user.click(await screen.findByRole("button", { name: create }));
    const dialog = await screen.findByRole("alertdialog", { name: title });
    expect(within(dialog).getByText(body)).toBeInTheDocument();
    await user.click(within(dialog).getByRole("button", { name: back }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument());
    expect(posts).toEqual([]);

    await user.click(screen.getByRole("button", { name: create }));
    await user.click(within(await screen.findByRole("alertdialog", { name: title })).getByRole("button", { name: anyway }));
    await waitFor(() => expect(posts).toHaveLength(1));
    await waitFor(() => expect(history.location.pathname).not.toBe(NEW_PATH));
  });

  it("is created with no question when it has members and destinations", async () => {
    savedDraft({ callParkExtensions: [parkDestination("CPE1", "Reception park", "5001")] });
    const posts: unknown[] = [];
    server.use(
      http.post(mswPath(api.callParks.create), async ({ request }) => {
        posts.push(await request.json());
        return HttpResponse.json({ id: "CP1" }, { status: 201 });
      }),
    );
    const { user } = await renderWizard("?location=L1&step=review");
    await stepHeading("Review");
    await user.click(screen.getByRole("button", { name: "Create" }));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
  });
});

describe("call park group wizard: the keyboard", () => {
  it("puts focus on the new step's heading after Next", async () => {
    savedDraft();
    server.use(http.get(mswPath(api.callParks.availableCallParkExtensions), () => HttpResponse.json({ callParkExtensions: [] })));
    const { user } = await renderWizard("?location=L1&step=members");
    await stepHeading("Members");
    screen.getByRole("button", { name: "Next" }).focus();
    await user.keyboard("{Enter}");
    const heading = await stepHeading("Park Destinations");
    await waitFor(() => expect(heading).toHaveFocus());
  });

  it("opens the location question with focus in its Location field", async () => {
    await renderWizard("");
    const dialog = await screen.findByRole("dialog", { name: "Select a location" });
    await waitFor(() => expect(within(dialog).getByRole("combobox", { name: "Location" })).toHaveFocus());
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

import { screen, waitFor, within } from "@testing-library/react";
import type { UserEvent } from "@testing-library/user-event";
import { http, type HttpHandler, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { api } from "@domain/api/endpoints";
import { callParkAgent, LOCATIONS, parkDestination } from "@/test/fixtures";
import { renderWithProviders } from "@/test/render";
import { recordRequests, server } from "@/test/server";
import { mswPath } from "@/test/msw-path";
import { sessionHandler } from "@/test/session";
import { sessionQuery } from "@/lib/session";
import type { CallPark } from "@/features/call-parks/api/types";
import CallParkPanelRoute from "./panel-route";
import { CALL_PARKS_PATH } from "@/lib/paths";

const GROUP: CallPark = {
  id: "CP1",
  name: "Front desk",
  recall: { option: "ALERT_PARKING_USER_ONLY" },
  agents: [callParkAgent("U1", "Ana Souza", { extension: "1001" })],
  parkOnAgentsEnabled: false,
  callParkExtensions: [parkDestination("CPE1", "Reception park", "5001"), parkDestination("CPE2", "Loading dock", "5002")],
};

const RENAME_ENTRY = {
  id: "AE1",
  time: "2026-11-26T10:00:00.000Z",
  actorId: "webex",
  actorName: "Webex",
  actorEmail: "",
  sourceIp: "",
  action: "UPDATE",
  objectType: "callPark",
  objectId: "CP1",
  objectName: "Reception",
  trackingId: "T1",
  origin: "upstream",
} as const;

const SETTINGS = {
  callParkRecall: { option: "ALERT_PARKING_USER_ONLY" },
  callParkSettings: { ringPattern: "NORMAL", recallTime: 60, huntWaitTime: 90 },
};

/** Opens one part of the panel (its summary's disclosure) by its trigger's exact name. */
async function openPart(user: UserEvent, panel: HTMLElement, name: string) {
  const trigger = await within(panel).findByRole("button", { name, expanded: false });
  await user.click(trigger);
  expect(trigger).toHaveAttribute("aria-expanded", "true");
}

/** The side panel of GROUP in São Paulo (L1). */
async function renderPanel(overrides: HttpHandler[] = [], url = `${CALL_PARKS_PATH}/L1/CP1`, language: "en" | "pt-BR" = "en") {
  server.use(
    // Before the group's own address, whose :callParkId would also match these.
    http.get(mswPath(api.callParks.availableUsers), () => HttpResponse.json({ agents: [] })),
    http.get(mswPath(api.callParks.availableCallParkExtensions), () => HttpResponse.json({ callParkExtensions: [] })),
    http.get(mswPath(api.callParks.get), () => HttpResponse.json(GROUP)),
    http.get(mswPath(api.locations.get), ({ params }) => HttpResponse.json(LOCATIONS.find((l) => l.id === params.locationId))),
  );
  // Each in its own call: the last registered wins.
  for (const handler of overrides) server.use(handler);
  // Last, as a group's own address (any :callParkId) would also match these.
  server.use(
    http.get(mswPath(api.callParkSettings.get), () => HttpResponse.json(SETTINGS)),
    http.get(mswPath(api.callParks.availableRecallHuntGroups), () => HttpResponse.json({ huntGroups: [{ id: "HG1", name: "Support" }] })),
  );
  const rendered = await renderWithProviders(<CallParkPanelRoute />, {
    url,
    path: `${CALL_PARKS_PATH}/:locationId/:callParkId`,
    language,
  });
  await waitFor(() => expect(rendered.queryClient.getQueryData(sessionQuery().queryKey)).toBeDefined());
  return rendered;
}

describe("call park group side panel: what each role may do", () => {
  it("shows a read-only administrator every part as text, with nothing to change or delete", async () => {
    server.use(sessionHandler("READ_ONLY_ADMIN"));
    const recorder = recordRequests();
    const { user } = await renderPanel();
    const panel = await screen.findByRole("dialog", { name: "Front desk" });
    expect(await within(panel).findByText("São Paulo")).toBeInTheDocument();

    expect(within(panel).getByText("You can view call park groups but not change them.", { exact: false })).toHaveTextContent(
      "View only. You can view call park groups but not change them.",
    );
    // The summary, as the editor's opens, with no editor behind it.
    expect(within(panel).getByText("Front desk", { selector: "p" })).toBeInTheDocument();
    expect(within(panel).getByText("1 member: Ana Souza")).toBeInTheDocument();
    expect(within(panel).getByText("2 park destinations: Reception park (5001), Loading dock (5002)")).toBeInTheDocument();
    expect(within(panel).getByText("Alert parking user only")).toBeInTheDocument();
    expect(await within(panel).findByText("Recall Timer: 60 seconds")).toBeInTheDocument();

    // Besides closing the panel, the only controls open the full lists of members and destinations.
    expect(within(panel).getAllByRole("button").map((b) => b.getAttribute("aria-label") ?? b.textContent)).toEqual([
      "Close",
      "Members",
      "Park destinations",
    ]);
    await openPart(user, panel, "Park destinations");
    expect(within(panel).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["Reception park (5001)", "Loading dock (5002)"]);
    expect(within(panel).queryByRole("textbox")).not.toBeInTheDocument();
    expect(within(panel).queryByRole("checkbox", { name: "Use members as park destinations" })).not.toBeInTheDocument();
    expect(within(panel).queryByRole("radio")).not.toBeInTheDocument();
    expect(within(panel).queryByRole("link", { name: /^Edit/ })).not.toBeInTheDocument();
    // Reading the audit log is every role's.
    expect(within(panel).getByRole("link", { name: "View history of Front desk" })).toHaveAttribute("href", "/audit-log?objectId=CP1");
    expect(recorder.requests.filter((r) => r.method !== "GET")).toEqual([]);
  });

  it("gives the full administrator the editors, Save and Delete group", async () => {
    const { user } = await renderPanel();
    const panel = await screen.findByRole("dialog", { name: "Front desk" });
    await openPart(user, panel, "Name");
    await openPart(user, panel, "Park destinations");
    expect(await within(panel).findByRole("textbox", { name: "Call park group name" })).toHaveValue("Front desk");
    expect(within(panel).getByRole("checkbox", { name: "Use members as park destinations" })).toBeEnabled();
    expect(within(panel).getByRole("button", { name: "Save" })).toBeInTheDocument();
    expect(within(panel).getByRole("button", { name: "Delete group" })).toBeInTheDocument();
    expect(within(panel).queryByText(/View only/)).not.toBeInTheDocument();
    const history = within(panel).getByRole("link", { name: "View history of Front desk" });
    expect(history).toHaveTextContent("View history");
    expect(history).toHaveAttribute("href", "/audit-log?objectId=CP1");
  });

  it("gives a location administrator the editors in their own location", async () => {
    server.use(sessionHandler("LOCATION_ADMIN", ["L1"]));
    const { user } = await renderPanel();
    const panel = await screen.findByRole("dialog", { name: "Front desk" });
    expect(await within(panel).findByRole("button", { name: "Delete group" })).toBeInTheDocument();
    await openPart(user, panel, "Name");
    expect(within(panel).getByRole("textbox", { name: "Call park group name" })).toBeInTheDocument();
  });
});

describe("call park group side panel: opens on a summary", () => {
  const MANY: CallPark = {
    ...GROUP,
    recall: { option: "ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP", huntGroupId: "HG1", huntGroupName: "Support" },
    agents: ["Ana Souza", "Bruno Lima", "Carla Dias", "Davi Rocha", "Eva Nunes"].map((name, i) => callParkAgent(`U${i + 1}`, name)),
  };
  const withMany = () => http.get(mswPath(api.callParks.get), () => HttpResponse.json(MANY));

  it("says each part in English, every part collapsed, with no editor showing", async () => {
    await renderPanel([withMany()]);
    const panel = await screen.findByRole("dialog", { name: "Front desk" });
    expect(await within(panel).findByText("5 members: Ana Souza, Bruno Lima, Carla Dias and 2 more")).toBeInTheDocument();
    expect(within(panel).getByText("2 park destinations: Reception park (5001), Loading dock (5002)")).toBeInTheDocument();
    expect(within(panel).getByText("Alert parking user first, then hunt group", { selector: "p" })).toBeInTheDocument();
    expect(within(panel).getByText("Hunt group: Support")).toBeInTheDocument();
    expect(await within(panel).findByText(/Recall Timer: 60 seconds/)).toHaveTextContent("Alert Hunt Group Wait Time: 90 seconds");
    expect(await within(panel).findByText("São Paulo")).toBeInTheDocument();
    for (const part of ["Name", "Members", "Park destinations", "Recall"]) {
      expect(within(panel).getByRole("button", { name: part })).toHaveAttribute("aria-expanded", "false");
    }
    // The summary describes its trigger, for a screen reader to say before opening.
    expect(within(panel).getByRole("button", { name: "Members" })).toHaveAccessibleDescription(
      "5 members: Ana Souza, Bruno Lima, Carla Dias and 2 more",
    );
    expect(within(panel).queryByRole("textbox")).not.toBeInTheDocument();
    expect(within(panel).queryByRole("checkbox")).not.toBeInTheDocument();
    expect(within(panel).queryByRole("radio")).not.toBeInTheDocument();
  });

  it("says each part in Portuguese", async () => {
    await renderPanel([withMany()], undefined, "pt-BR");
    const panel = await screen.findByRole("dialog", { name: "Front desk" });
    expect(await within(panel).findByText("5 membros: Ana Souza, Bruno Lima, Carla Dias e mais 2")).toBeInTheDocument();
    expect(within(panel).getByText("2 destinos de estacionamento: Reception park (5001), Loading dock (5002)")).toBeInTheDocument();
    expect(within(panel).getByText("Alertar primeiro o usuário que estacionou, depois o grupo de busca", { selector: "p" })).toBeInTheDocument();
    expect(within(panel).getByText("Grupo de busca: Support")).toBeInTheDocument();
    expect(await within(panel).findByText(/Tempo de rechamada: 60 segundos/)).toHaveTextContent(
      "Tempo de espera para alertar o grupo de busca: 90 segundos",
    );
    for (const part of ["Nome", "Membros", "Destinos de estacionamento", "Rechamada"]) {
      expect(within(panel).getByRole("button", { name: part })).toHaveAttribute("aria-expanded", "false");
    }
    expect(within(panel).queryByRole("textbox")).not.toBeInTheDocument();
  });

  it("says a group without members or destinations has none, in both languages", async () => {
    const empty = http.get(mswPath(api.callParks.get), () => HttpResponse.json({ ...GROUP, agents: [], callParkExtensions: [] }));
    const en = await renderPanel([empty]);
    expect(await screen.findByText("No members")).toBeInTheDocument();
    expect(screen.getByText("No park destinations")).toBeInTheDocument();
    en.unmount();
    await renderPanel([empty], undefined, "pt-BR");
    expect(await screen.findByText("Nenhum membro")).toBeInTheDocument();
    expect(screen.getByText("Nenhum destino de estacionamento")).toBeInTheDocument();
  });

  it("opens a part into its editor from the keyboard, focus staying on its trigger, several at once", async () => {
    const { user } = await renderPanel();
    const panel = await screen.findByRole("dialog", { name: "Front desk" });
    const members = await within(panel).findByRole("button", { name: "Members" });
    members.focus();
    await user.keyboard("{Enter}");
    expect(members).toHaveAttribute("aria-expanded", "true");
    expect(members).toHaveFocus();
    expect(within(panel).getByRole("group", { name: "Members" })).toBeVisible();
    expect(within(panel).getByRole("button", { name: "Remove Ana Souza" })).toBeInTheDocument();
    expect(within(panel).queryByText("1 member: Ana Souza")).not.toBeInTheDocument();

    const recall = within(panel).getByRole("button", { name: "Recall" });
    recall.focus();
    await user.keyboard(" ");
    expect(within(panel).getByRole("radio", { name: "Alert parking user only" })).toBeChecked();
    // Opening another leaves the first open.
    expect(members).toHaveAttribute("aria-expanded", "true");

    // Closed again, the part shows its summary once more.
    members.focus();
    await user.keyboard("{Enter}");
    expect(members).toHaveAttribute("aria-expanded", "false");
    expect(within(panel).queryByRole("button", { name: "Remove Ana Souza" })).not.toBeInTheDocument();
    expect(within(panel).getByText("1 member: Ana Souza")).toBeInTheDocument();
  });
});

describe("call park group side panel: a rename", () => {
  it("saves, closes and never asks for the old id again: renamed, the group has a new one", async () => {
    server.use(
      http.put(mswPath(api.callParks.update), () => HttpResponse.json({ id: "CP1-renamed" })),
      http.get(mswPath(api.callParks.list), () => HttpResponse.json({ callParks: [] })),
    );
    const { user, history } = await renderPanel();
    // The old id answers 404 once renamed.
    let renamed = false;
    server.use(
      http.get(mswPath(api.callParks.get), ({ params }) =>
        renamed && params.callParkId === "CP1"
          ? HttpResponse.json({ message: "gone", errors: [{ errorCode: 0, description: "gone" }], trackingId: "T" }, { status: 404 })
          : HttpResponse.json(GROUP),
      ),
    );
    const panel = await screen.findByRole("dialog", { name: "Front desk" });
    await openPart(user, panel, "Name");
    const name = await within(panel).findByRole("textbox", { name: "Call park group name" });
    await user.clear(name);
    await user.type(name, "Reception");
    const recorder = recordRequests();
    server.events.on("request:end", ({ request }) => {
      if (request.method === "PUT") renamed = true;
    });
    await user.click(within(panel).getByRole("button", { name: "Save" }));
    await waitFor(() => expect(history.location.pathname).toBe(CALL_PARKS_PATH));

    expect(recorder.requests.filter((r) => r.method === "PUT").map((r) => new URL(r.url).pathname)).toEqual([
      expect.stringMatching(/\/callParks\/CP1$/),
    ]);
    const detailReads = recorder.requests.filter((r) => r.method === "GET" && /\/callParks\/CP1$/.test(new URL(r.url).pathname));
    expect(detailReads).toEqual([]);
  });
});

describe("call park group side panel: a group renamed elsewhere", () => {
  const gone = () =>
    http.get(mswPath(api.callParks.get), ({ params }) =>
      params.callParkId === "CP1"
        ? HttpResponse.json({ message: "gone", errors: [{ errorCode: 4043, description: "gone" }], trackingId: "T", code: "callParkNotFound" }, { status: 404 })
        : HttpResponse.json({ ...GROUP, id: "CP1-renamed", name: "Reception" }),
    );

  it("follows the group to its new id, which its history names", async () => {
    const auditLog = http.get(mswPath(api.auditEvents.list), ({ request }) =>
      new URL(request.url).searchParams.get("objectId") === "CP1"
        ? HttpResponse.json({ items: [{ ...RENAME_ENTRY, objectId: "CP1-renamed" }] })
        : HttpResponse.json({ items: [] }),
    );
    const { history } = await renderPanel([gone(), auditLog], `${CALL_PARKS_PATH}/L1/CP1?q=front`);
    await waitFor(() => expect(history.location.pathname).toBe(`${CALL_PARKS_PATH}/L1/CP1-renamed`));
    expect(history.location.search).toBe("?q=front");
    expect(await screen.findByRole("dialog", { name: "Reception" })).toBeInTheDocument();
  });

  it("says the group no longer exists when its history ends in a deletion", async () => {
    const auditLog = http.get(mswPath(api.auditEvents.list), () => HttpResponse.json({ items: [{ ...RENAME_ENTRY, action: "DELETE", objectId: "CP1" }] }));
    const { history } = await renderPanel([gone(), auditLog]);
    expect(await screen.findByText(/This call park group does not exist/)).toBeInTheDocument();
    expect(history.location.pathname).toBe(`${CALL_PARKS_PATH}/L1/CP1`);
  });
});

describe("call park group side panel: unsaved edits", () => {
  async function editName() {
    const rendered = await renderPanel();
    const panel = await screen.findByRole("dialog", { name: "Front desk" });
    await openPart(rendered.user, panel, "Name");
    const name = await within(panel).findByRole("textbox", { name: "Call park group name" });
    await rendered.user.clear(name);
    await rendered.user.type(name, "Reception");
    return { ...rendered, panel, name };
  }

  it("closing with the close button asks first; staying keeps the edits, leaving closes", async () => {
    const { user, history, panel, name } = await editName();
    await user.click(within(panel).getByRole("button", { name: "Close" }));
    const question = await screen.findByRole("alertdialog", { name: "Leave without saving?" });
    expect(question).toHaveTextContent("Your changes to this call park group have not been saved and will be lost.");
    expect(history.location.pathname).toBe(`${CALL_PARKS_PATH}/L1/CP1`);
    await user.click(within(question).getByRole("button", { name: "Stay and keep editing" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument());
    expect(name).toHaveValue("Reception");

    await user.click(within(panel).getByRole("button", { name: "Close" }));
    const again = await screen.findByRole("alertdialog", { name: "Leave without saving?" });
    await user.click(within(again).getByRole("button", { name: "Leave without saving" }));
    await waitFor(() => expect(history.location.pathname).toBe(CALL_PARKS_PATH));
  });

  it("closes without asking when nothing was changed, or when the group is deleted", async () => {
    const untouched = await renderPanel();
    const panel = await screen.findByRole("dialog", { name: "Front desk" });
    await within(panel).findByText("1 member: Ana Souza");
    await untouched.user.click(within(panel).getByRole("button", { name: "Close" }));
    await waitFor(() => expect(untouched.history.location.pathname).toBe(CALL_PARKS_PATH));
    untouched.unmount();

    server.use(http.delete(mswPath(api.callParks.delete), () => new HttpResponse(null, { status: 204 })));
    const { user, history, panel: edited } = await editName();
    await user.click(within(edited).getByRole("button", { name: "Delete group" }));
    await user.click(await screen.findByRole("button", { name: "Delete" }));
    await waitFor(() => expect(history.location.pathname).toBe(CALL_PARKS_PATH));
    expect(screen.queryByRole("alertdialog", { name: "Leave without saving?" })).not.toBeInTheDocument();
  });
});

describe("call park group side panel: its location", () => {
  it("holds its line while the location's name is asked for, so nothing below it moves when the name comes", async () => {
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    await renderPanel([
      http.get(mswPath(api.locations.get), async ({ params }) => {
        await answered;
        return HttpResponse.json(LOCATIONS.find((l) => l.id === params.locationId));
      }),
    ]);
    const panel = await screen.findByRole("dialog", { name: "Front desk" });
    const location = await within(panel).findByRole("region", { name: "Location" });
    expect(location).toHaveTextContent("Loading…");
    answer();
    await waitFor(() => expect(location).toHaveTextContent("São Paulo"));
  });
});

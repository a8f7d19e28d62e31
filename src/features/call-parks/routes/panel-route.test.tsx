import { screen, waitFor, within } from "@testing-library/react";
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

/** The side panel of GROUP in São Paulo (L1). */
async function renderPanel(overrides: HttpHandler[] = [], url = `${CALL_PARKS_PATH}/L1/CP1`) {
  server.use(
    // Before the group's own address, whose :callParkId would also match these.
    http.get(mswPath(api.callParks.availableUsers), () => HttpResponse.json({ agents: [] })),
    http.get(mswPath(api.callParks.availableCallParkExtensions), () => HttpResponse.json({ callParkExtensions: [] })),
    http.get(mswPath(api.callParks.get), () => HttpResponse.json(GROUP)),
    http.get(mswPath(api.locations.get), ({ params }) => HttpResponse.json(LOCATIONS.find((l) => l.id === params.locationId))),
  );
  // Each in its own call: the last registered wins.
  for (const handler of overrides) server.use(handler);
  const rendered = await renderWithProviders(<CallParkPanelRoute />, {
    url,
    path: `${CALL_PARKS_PATH}/:locationId/:callParkId`,
  });
  await waitFor(() => expect(rendered.queryClient.getQueryData(sessionQuery().queryKey)).toBeDefined());
  return rendered;
}

describe("call park group side panel: what each role may do", () => {
  it("shows a read-only administrator every part as text, with nothing to change or delete", async () => {
    server.use(sessionHandler("READ_ONLY_ADMIN"));
    const recorder = recordRequests();
    await renderPanel();
    const panel = await screen.findByRole("dialog", { name: "Front desk" });
    expect(await within(panel).findByText("São Paulo")).toBeInTheDocument();

    expect(within(panel).getByText("You can view call park groups but not change them.", { exact: false })).toHaveTextContent(
      "View only. You can view call park groups but not change them.",
    );
    expect(within(panel).getByText("Front desk", { selector: "dd" })).toBeInTheDocument();
    expect(within(panel).getByText(/Ana Souza/)).toBeInTheDocument();
    expect(within(panel).getByText(/Reception park/)).toBeInTheDocument();
    expect(within(panel).getByText(/Loading dock/)).toBeInTheDocument();
    expect(within(panel).getByText("Alert parking user only")).toBeInTheDocument();

    // The only control left closes the panel.
    expect(within(panel).getAllByRole("button").map((b) => b.getAttribute("aria-label") ?? b.textContent)).toEqual(["Close"]);
    expect(within(panel).queryByRole("textbox")).not.toBeInTheDocument();
    expect(within(panel).queryByRole("checkbox", { name: "Use members as park destinations" })).not.toBeInTheDocument();
    expect(within(panel).queryByRole("radio")).not.toBeInTheDocument();
    expect(within(panel).queryByRole("link", { name: /^Edit/ })).not.toBeInTheDocument();
    // Reading the audit log is every role's.
    expect(within(panel).getByRole("link", { name: "View history of Front desk" })).toHaveAttribute("href", "/audit-log?objectId=CP1");
    expect(recorder.requests.filter((r) => r.method !== "GET")).toEqual([]);
  });

  it("gives the full administrator the editors, Save and Delete group", async () => {
    await renderPanel();
    const panel = await screen.findByRole("dialog", { name: "Front desk" });
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
    await renderPanel();
    const panel = await screen.findByRole("dialog", { name: "Front desk" });
    expect(await within(panel).findByRole("button", { name: "Delete group" })).toBeInTheDocument();
    expect(within(panel).getByRole("textbox", { name: "Call park group name" })).toBeInTheDocument();
  });
});

describe("call park group side panel: a rename", () => {
  it("saves, closes and never asks for the old id again: renamed, the group has a new one", async () => {
    server.use(
      http.put(mswPath(api.callParks.update), () => HttpResponse.json({ id: "CP1-renamed" })),
      http.get(mswPath(api.callParks.list), () => HttpResponse.json({ callParks: [] })),
    );
    const { user, router } = await renderPanel();
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
    const name = await within(panel).findByRole("textbox", { name: "Call park group name" });
    await user.clear(name);
    await user.type(name, "Reception");
    const recorder = recordRequests();
    server.events.on("request:end", ({ request }) => {
      if (request.method === "PUT") renamed = true;
    });
    await user.click(within(panel).getByRole("button", { name: "Save" }));
    await waitFor(() => expect(router.state.location.pathname).toBe(CALL_PARKS_PATH));

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
    const history = http.get(mswPath(api.auditEvents.list), ({ request }) =>
      new URL(request.url).searchParams.get("objectId") === "CP1"
        ? HttpResponse.json({ items: [{ ...RENAME_ENTRY, objectId: "CP1-renamed" }] })
        : HttpResponse.json({ items: [] }),
    );
    const { router } = await renderPanel([gone(), history], `${CALL_PARKS_PATH}/L1/CP1?q=front`);
    await waitFor(() => expect(router.state.location.pathname).toBe(`${CALL_PARKS_PATH}/L1/CP1-renamed`));
    expect(router.state.location.search).toBe("?q=front");
    expect(await screen.findByRole("dialog", { name: "Reception" })).toBeInTheDocument();
  });

  it("says the group no longer exists when its history ends in a deletion", async () => {
    const history = http.get(mswPath(api.auditEvents.list), () => HttpResponse.json({ items: [{ ...RENAME_ENTRY, action: "DELETE", objectId: "CP1" }] }));
    const { router } = await renderPanel([gone(), history]);
    expect(await screen.findByText(/This call park group does not exist/)).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`${CALL_PARKS_PATH}/L1/CP1`);
  });
});

describe("call park group side panel: unsaved edits", () => {
  async function editName() {
    const rendered = await renderPanel();
    const panel = await screen.findByRole("dialog", { name: "Front desk" });
    const name = await within(panel).findByRole("textbox", { name: "Call park group name" });
    await rendered.user.clear(name);
    await rendered.user.type(name, "Reception");
    return { ...rendered, panel, name };
  }

  it("closing with the close button asks first; staying keeps the edits, leaving closes", async () => {
    const { user, router, panel, name } = await editName();
    await user.click(within(panel).getByRole("button", { name: "Close" }));
    const question = await screen.findByRole("alertdialog", { name: "Leave without saving?" });
    expect(question).toHaveTextContent("Your changes to this call park group have not been saved and will be lost.");
    expect(router.state.location.pathname).toBe(`${CALL_PARKS_PATH}/L1/CP1`);
    await user.click(within(question).getByRole("button", { name: "Stay and keep editing" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument());
    expect(name).toHaveValue("Reception");

    await user.click(within(panel).getByRole("button", { name: "Close" }));
    const again = await screen.findByRole("alertdialog", { name: "Leave without saving?" });
    await user.click(within(again).getByRole("button", { name: "Leave without saving" }));
    await waitFor(() => expect(router.state.location.pathname).toBe(CALL_PARKS_PATH));
  });

  it("closes without asking when nothing was changed, or when the group is deleted", async () => {
    const untouched = await renderPanel();
    const panel = await screen.findByRole("dialog", { name: "Front desk" });
    await within(panel).findByRole("textbox", { name: "Call park group name" });
    await untouched.user.click(within(panel).getByRole("button", { name: "Close" }));
    await waitFor(() => expect(untouched.router.state.location.pathname).toBe(CALL_PARKS_PATH));
    untouched.unmount();

    server.use(http.delete(mswPath(api.callParks.delete), () => new HttpResponse(null, { status: 204 })));
    const { user, router, panel: edited } = await editName();
    await user.click(within(edited).getByRole("button", { name: "Delete group" }));
    await user.click(await screen.findByRole("button", { name: "Delete" }));
    await waitFor(() => expect(router.state.location.pathname).toBe(CALL_PARKS_PATH));
    expect(screen.queryByRole("alertdialog", { name: "Leave without saving?" })).not.toBeInTheDocument();
  });
});

import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it, vi } from "vitest";
import { api } from "@domain/api/endpoints";
import type { LanguageCode } from "@/lib/i18n";
import { CALL_PARKS_PATH } from "@/lib/paths";
import { sessionQuery } from "@/lib/session";
import { toastQueue } from "@/lib/toast";
import { callParkAgent, LOCATIONS, parkDestination } from "@/test/fixtures";
import { mswPath } from "@/test/msw-path";
import { renderWithProviders } from "@/test/render";
import { server } from "@/test/server";
import { callParkQueries } from "@/features/call-parks/api/queries";
import type { CallPark } from "@/features/call-parks/api/types";
import CallParkPanelRoute from "./panel-route";

// The side panel saves only what the administrator changed, on the version it opened
// (If-Match), whatever a refresh brought since; when someone else changed the group
// meanwhile (412) it shows what changed and lets them reload that version or apply
// their changes on top of it.

const ANA = callParkAgent("U1", "Ana Souza", { extension: "1001" });
const BRUNO = callParkAgent("U2", "Bruno Lima", { extension: "1002" });
const RECEPTION = parkDestination("CPE1", "Reception park", "5001");
const DOCK = parkDestination("CPE2", "Loading dock", "5002");

const OPENED: CallPark = {
  id: "CP1",
  name: "Front desk",
  recall: { option: "ALERT_PARKING_USER_ONLY" },
  agents: [ANA],
  parkOnAgentsEnabled: false,
  callParkExtensions: [RECEPTION, DOCK],
};
/** Another administrator added a member. */
const MEMBER_ADDED: CallPark = { ...OPENED, agents: [ANA, BRUNO] };

const EDITORS = ["Beatriz Souza", "Carlos Lima"];

interface Sent {
  ifMatch: string | null;
  body: unknown;
}

/**
 * The group's versions, served one after the other (ETag "v1", "v2"…): a PUT refused as
 * changed meanwhile (the first `refusals` of them) moves the group on to its next version,
 * as does `publish` (a change someone else saved, found by a refresh).
 */
function serve(versions: CallPark[], { refusals = 0 } = {}) {
  const sent: Sent[] = [];
  let version = 0;
  server.use(
    // Before the group's own address, whose :callParkId would also match these.
    http.get(mswPath(api.callParks.availableUsers), () => HttpResponse.json({ agents: [] })),
    http.get(mswPath(api.callParks.availableCallParkExtensions), () => HttpResponse.json({ callParkExtensions: [] })),
    http.get(mswPath(api.callParks.availableRecallHuntGroups), () =>
      HttpResponse.json({ huntGroups: [{ id: "HG1", name: "Suporte" }] }),
    ),
    http.get(mswPath(api.callParkSettings.get), () =>
      HttpResponse.json({
        callParkRecall: { option: "ALERT_PARKING_USER_ONLY" },
        callParkSettings: { ringPattern: "NORMAL", recallTime: 45, huntWaitTime: 45 },
      }),
    ),
    http.get(mswPath(api.callParks.get), () => HttpResponse.json(versions[version], { headers: { etag: `"v${version + 1}"` } })),
    http.get(mswPath(api.locations.get), ({ params }) => HttpResponse.json(LOCATIONS.find((l) => l.id === params.locationId))),
    http.put(mswPath(api.callParks.update), async ({ request }) => {
      sent.push({ ifMatch: request.headers.get("if-match"), body: await request.json() });
      if (sent.length <= refusals) {
        version += 1;
        const name = EDITORS[sent.length - 1];
        return HttpResponse.json(
          {
            message: `${name} changed this…`,
            errors: [{ description: `${name} changed this…`, errorCode: 4120 }],
            trackingId: "CPA_test",
            code: "changedMeanwhile",
            params: { context: "known", name, at: "2026-11-26T10:00:00.000Z" },
          },
          { status: 412 },
        );
      }
      return HttpResponse.json({ id: "CP1" });
    }),
  );
  return {
    sent,
    publish: () => {
      version += 1;
    },
  };
}

async function renderPanel(language: LanguageCode = "en") {
  const rendered = await renderWithProviders(<CallParkPanelRoute />, {
    url: `${CALL_PARKS_PATH}/L1/CP1`,
    path: `${CALL_PARKS_PATH}/:locationId/:callParkId`,
    language,
  });
  await waitFor(() => expect(rendered.queryClient.getQueryData(sessionQuery().queryKey)).toBeDefined());
  return rendered;
}

const nameField = () => screen.getByRole("textbox", { name: "Call park group name" });

type User = Awaited<ReturnType<typeof renderPanel>>["user"];

/** Opens a part of the panel's summary, unless it is open already. */
async function openPart(user: User, name: string) {
  const trigger = await screen.findByRole("button", { name });
  if (trigger.getAttribute("aria-expanded") === "false") await user.click(trigger);
}

async function rename(user: User, name: string) {
  await openPart(user, "Name");
  const field = await screen.findByRole("textbox", { name: "Call park group name" });
  await user.clear(field);
  await user.type(field, name);
}

/** The conflict dialog's rows, each as its cells' text, below the header. */
function rowsOf(dialog: HTMLElement) {
  return within(dialog)
    .getAllByRole("row")
    .slice(1)
    .map((row) => [...row.children].map((cell) => cell.textContent));
}

const memberNames = (count: string) =>
  within(screen.getByRole("region", { name: count }))
    .getAllByRole("listitem")
    .map((li) => li.textContent);

describe("call park group side panel: saving on the version opened", () => {
  it("sends only the changed field, with the ETag of the version opened", async () => {
    const { sent } = serve([OPENED]);
    const { user, history } = await renderPanel();
    await rename(user, "Reception");
    await user.click(screen.getByRole("button", { name: "Save" }));

    await waitFor(() => expect(history.location.pathname).toBe(CALL_PARKS_PATH));
    expect(sent).toEqual([{ ifMatch: '"v1"', body: { name: "Reception" } }]);
  });

  it("keeps the administrator's edits and the version opened when a refresh brings a newer one", async () => {
    const { sent, publish } = serve([OPENED, MEMBER_ADDED]);
    const { user, history, queryClient } = await renderPanel();
    await rename(user, "Reception");

    // Someone else adds a member; the panel's query refreshes behind the administrator's back.
    publish();
    const detailKey = callParkQueries.detail("L1", "CP1").queryKey;
    await queryClient.invalidateQueries({ queryKey: detailKey });
    await waitFor(() => expect(queryClient.getQueryData(detailKey)).toMatchObject({ etag: '"v2"' }));

    expect(nameField()).toHaveValue("Reception");
    expect(screen.getByText("1 member: Ana Souza")).toBeInTheDocument();
    await openPart(user, "Members");
    expect(memberNames("1 member")).toEqual([expect.stringContaining("Ana Souza")]);
    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(history.location.pathname).toBe(CALL_PARKS_PATH));
    expect(sent).toEqual([{ ifMatch: '"v1"', body: { name: "Reception" } }]);
  });
});

describe("call park group side panel: changed meanwhile (412)", () => {
  it("shows who changed what, and applies the administrator's change on top of theirs", async () => {
    const { sent } = serve([OPENED, MEMBER_ADDED], { refusals: 1 });
    const { user, history } = await renderPanel();
    await rename(user, "Reception");
    await user.click(screen.getByRole("button", { name: "Save" }));

    const dialog = await screen.findByRole("alertdialog", { name: "Someone else changed this" });
    expect(dialog).toHaveTextContent(/Beatriz Souza changed it on .*2026.*, after you opened it\. Your changes have not been saved yet\./);
    expect(rowsOf(dialog)).toEqual([
      ["Call park group name", "Front desk", "Front desk", "Reception"],
      ["Members", "Ana Souza", "Ana Souza, Bruno Lima", "Not changed"],
    ]);
    expect(history.location.pathname).toBe(`${CALL_PARKS_PATH}/L1/CP1`);

    await user.click(within(dialog).getByRole("button", { name: "Apply my changes on top" }));
    await waitFor(() => expect(history.location.pathname).toBe(CALL_PARKS_PATH));
    expect(sent).toEqual([
      { ifMatch: '"v1"', body: { name: "Reception" } },
      { ifMatch: '"v2"', body: { name: "Reception" } },
    ]);
  });

  it("can reload their version instead: the form shows it and the next save is made on it", async () => {
    const { sent } = serve([OPENED, MEMBER_ADDED], { refusals: 1 });
    const { user, history } = await renderPanel();
    await rename(user, "Reception");
    await user.click(screen.getByRole("button", { name: "Save" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Someone else changed this" });
    await user.click(within(dialog).getByRole("button", { name: "Reload their version" }));

    await waitFor(() => expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument());
    // Name stays open across the reload; Members, closed, says their version, and opens into it.
    expect(nameField()).toHaveValue("Front desk");
    expect(screen.getByText("2 members: Ana Souza, Bruno Lima")).toBeInTheDocument();
    await openPart(user, "Members");
    expect(memberNames("2 members")).toEqual([expect.stringContaining("Ana Souza"), expect.stringContaining("Bruno Lima")]);
    expect(screen.getByRole("button", { name: "Save" })).toBeDisabled();

    await rename(user, "Lobby");
    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(history.location.pathname).toBe(CALL_PARKS_PATH));
    expect(sent).toEqual([
      { ifMatch: '"v1"', body: { name: "Reception" } },
      { ifMatch: '"v2"', body: { name: "Lobby" } },
    ]);
  });

  it("says the tracking ID to quote when their version cannot be read after the refusal", async () => {
    const { sent } = serve([OPENED, MEMBER_ADDED], { refusals: 1 });
    const { user } = await renderPanel();
    await rename(user, "Reception");
    // The refusal moves the group on; reading that version then fails.
    server.use(
      http.get(mswPath(api.callParks.get), () =>
        HttpResponse.json(
          { message: "Down", errors: [{ description: "Down", errorCode: 5000 }], trackingId: "CPA_reload_1" },
          { status: 503, headers: { TrackingID: "CPA_reload_1" } },
        ),
      ),
    );
    const shown = vi.spyOn(toastQueue, "add");
    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(shown).toHaveBeenCalledWith(expect.objectContaining({ tone: "error", trackingId: "CPA_reload_1" }), expect.anything()));
    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
    expect(nameField()).toHaveValue("Reception");
    expect(sent).toHaveLength(1);
  });

  it("keeps editing on Keep editing: the dialog closes, the edits stay, nothing more is sent", async () => {
    const { sent } = serve([OPENED, MEMBER_ADDED], { refusals: 1 });
    const { user, history } = await renderPanel();
    await rename(user, "Reception");
    await user.click(screen.getByRole("button", { name: "Save" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Someone else changed this" });
    await user.click(within(dialog).getByRole("button", { name: "Keep editing" }));

    await waitFor(() => expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument());
    expect(nameField()).toHaveValue("Reception");
    expect(history.location.pathname).toBe(`${CALL_PARKS_PATH}/L1/CP1`);
    expect(sent).toHaveLength(1);
  });

  it("opens the dialog again, with the newer version, when applying on top is refused too", async () => {
    const huntGroupRecall: CallPark = {
      ...MEMBER_ADDED,
      recall: { option: "ALERT_HUNT_GROUP_ONLY", huntGroupId: "HG1", huntGroupName: "Support" },
    };
    const { sent } = serve([OPENED, MEMBER_ADDED, huntGroupRecall], { refusals: 2 });
    const { user, history } = await renderPanel();
    await rename(user, "Reception");
    await user.click(screen.getByRole("button", { name: "Save" }));
    const first = await screen.findByRole("alertdialog", { name: "Someone else changed this" });
    await user.click(within(first).getByRole("button", { name: "Apply my changes on top" }));

    await waitFor(() => expect(screen.getByRole("alertdialog")).toHaveTextContent(/Carlos Lima changed it on/));
    const second = screen.getByRole("alertdialog", { name: "Someone else changed this" });
    expect(rowsOf(second)).toEqual([
      ["Call park group name", "Front desk", "Front desk", "Reception"],
      ["Members", "Ana Souza", "Ana Souza, Bruno Lima", "Not changed"],
      ["Recall To", "Alert parking user only", "Alert hunt group only — Support", "Not changed"],
    ]);

    await user.click(within(second).getByRole("button", { name: "Apply my changes on top" }));
    await waitFor(() => expect(history.location.pathname).toBe(CALL_PARKS_PATH));
    expect(sent).toEqual([
      { ifMatch: '"v1"', body: { name: "Reception" } },
      { ifMatch: '"v2"', body: { name: "Reception" } },
      { ifMatch: '"v3"', body: { name: "Reception" } },
    ]);
  });

  it("names every part in the user's language: members as destinations, the destinations, the recall and its hunt group", async () => {
    // Someone else made the members the park destinations; this administrator chose a hunt group recall.
    const onMembers: CallPark = { ...OPENED, parkOnAgentsEnabled: true, callParkExtensions: [] };
    const { sent } = serve([OPENED, onMembers], { refusals: 1 });
    const { user, history } = await renderPanel("pt-BR");
    await openPart(user, "Rechamada");
    await user.click(await screen.findByRole("radio", { name: "Alertar somente o grupo de busca" }));
    const huntGroup = await screen.findByRole("combobox", { name: "Grupo de busca" });
    await screen.findByRole("option", { name: "Suporte" });
    await user.selectOptions(huntGroup, "Suporte");
    await user.click(screen.getByRole("button", { name: "Salvar" }));

    const dialog = await screen.findByRole("alertdialog", { name: "Outra pessoa alterou isto" });
    expect(rowsOf(dialog)).toEqual([
      ["Usar membros como destinos de estacionamento", "Não", "Sim", "Sem alteração"],
      ["Destinos de estacionamento", "Reception park (5001), Loading dock (5002)", "(nenhum)", "Sem alteração"],
      [
        "Rechamar para",
        "Alertar somente o usuário que estacionou",
        "Alertar somente o usuário que estacionou",
        "Alertar somente o grupo de busca — Suporte",
      ],
    ]);

    await user.click(within(dialog).getByRole("button", { name: "Aplicar minhas alterações por cima" }));
    await waitFor(() => expect(history.location.pathname).toBe(CALL_PARKS_PATH));
    expect(sent).toEqual([
      { ifMatch: '"v1"', body: { recall: { option: "ALERT_HUNT_GROUP_ONLY", huntGroupId: "HG1" } } },
      { ifMatch: '"v2"', body: { recall: { option: "ALERT_HUNT_GROUP_ONLY", huntGroupId: "HG1" } } },
    ]);
  });
});

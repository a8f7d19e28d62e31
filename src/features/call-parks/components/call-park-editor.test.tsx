import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it, vi } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { apiErrorResponse, callParkAgent, LOCATIONS, parkDestination } from "@/test/fixtures";
import { renderWithProviders } from "@/test/render";
import { recordRequests, server } from "@/test/server";
import { mswPath } from "@/test/msw-path";
import type { CallPark } from "@/features/call-parks/api/types";
import { CallParkEditor } from "./call-park-editor";

const ANA = callParkAgent("U1", "Ana Souza", { extension: "1001" });
const RECEPTION = parkDestination("CPE1", "Reception park", "5001");
const DOCK = parkDestination("CPE2", "Loading dock", "5002");

const GROUP: CallPark = {
  id: "CP1",
  name: "Front desk",
  recall: { option: "ALERT_PARKING_USER_ONLY" },
  agents: [ANA],
  parkOnAgentsEnabled: false,
  callParkExtensions: [RECEPTION, DOCK],
};

/** The editor of GROUP, with the parts named in `open` opened; PUT answers 200 and keeps each body with its path. */
async function renderEditor(language: "en" | "pt-BR" = "en", open: string[] = [], group: CallPark = GROUP) {
  const puts: { path: string; body: unknown }[] = [];
  server.use(
    http.get(mswPath(api.callParks.availableUsers), () => HttpResponse.json({ agents: [] })),
    http.get(mswPath(api.locations.get), () => HttpResponse.json(LOCATIONS[0])),
    http.get(mswPath(api.callParks.availableCallParkExtensions), () => HttpResponse.json({ callParkExtensions: [] })),
    http.put(mswPath(api.callParks.update), async ({ request, params }) => {
      puts.push({ path: new URL(request.url).pathname, body: await request.json() });
      return HttpResponse.json({ id: String(params.callParkId) });
    }),
    http.get(mswPath(api.callParkSettings.get), () =>
      HttpResponse.json({
        callParkRecall: { option: "ALERT_PARKING_USER_ONLY" },
        callParkSettings: { ringPattern: "NORMAL", recallTime: 45, huntWaitTime: 45 },
      }),
    ),
  );
  const onSaved = vi.fn();
  const rendered = await renderWithProviders(<CallParkEditor locationId="L1" group={group} onSaved={onSaved} onReload={vi.fn()} leaving={{ current: false }} />, { language });
  for (const part of open) await rendered.user.click(screen.getByRole("button", { name: part }));
  return { ...rendered, puts, onSaved };
}

const parkOnMembers = () => screen.getByRole("checkbox", { name: "Use members as park destinations" });
const save = () => screen.getByRole("button", { name: "Save" });

async function tickAndFindConfirmation(user: Awaited<ReturnType<typeof renderEditor>>["user"]) {
  await user.click(parkOnMembers());
  const dialog = await screen.findByRole("alertdialog", { name: "Use members as park destinations?" });
  expect(
    within(dialog).getByText("The 2 call park extensions will be removed from the destination list."),
  ).toBeInTheDocument();
  return dialog;
}

describe("CallParkEditor: using the members as park destinations", () => {
  it("leaves everything as it was on No, Cancel", async () => {
    const recorder = recordRequests();
    const { user } = await renderEditor("en", ["Park destinations"]);
    const chosen = screen.getByRole("region", { name: "2 park destinations" });
    expect(within(chosen).getByText("Reception park")).toBeInTheDocument();
    expect(save()).toBeDisabled();

    const dialog = await tickAndFindConfirmation(user);
    await user.click(within(dialog).getByRole("button", { name: "No, Cancel" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument());

    expect(parkOnMembers()).not.toBeChecked();
    const still = screen.getByRole("region", { name: "2 park destinations" });
    expect(within(still).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      expect.stringMatching(/^1\.Reception park/),
      expect.stringMatching(/^2\.Loading dock/),
    ]);
    expect(save()).toBeDisabled();
    expect(recorder.requests.filter((r) => r.method !== "GET")).toEqual([]);
  });

  it("ticks the box on Yes, continue and saves the members as destinations with no call park extensions", async () => {
    const { user, puts, onSaved } = await renderEditor("en", ["Park destinations"]);
    const dialog = await tickAndFindConfirmation(user);
    await user.click(within(dialog).getByRole("button", { name: "Yes, continue" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument());

    expect(parkOnMembers()).toBeChecked();
    expect(screen.queryByText("Reception park")).not.toBeInTheDocument();
    expect(screen.queryByText("Loading dock")).not.toBeInTheDocument();
    expect(save()).toBeEnabled();

    await user.click(save());
    await waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
    expect(puts).toEqual([
      {
        path: urlOf(api.callParks.update, { locationId: "L1", callParkId: "CP1" }),
        // Only what changed: the members as destinations, and so no call park extensions.
        body: { parkOnAgentsEnabled: true, callParkExtensions: [] },
      },
    ]);
  });

  it("empties the destination list on Yes, continue, so unticking shows none", async () => {
    const { user } = await renderEditor("en", ["Park destinations"]);
    const dialog = await tickAndFindConfirmation(user);
    await user.click(within(dialog).getByRole("button", { name: "Yes, continue" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument());

    await user.click(parkOnMembers());
    expect(parkOnMembers()).not.toBeChecked();
    expect(screen.getByRole("region", { name: "0 park destinations" })).toHaveTextContent("No park destinations yet.");
    expect(screen.queryByText("Reception park")).not.toBeInTheDocument();

    // With no call park extensions left there is nothing to confirm.
    await user.click(parkOnMembers());
    expect(parkOnMembers()).toBeChecked();
    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
  });
});

describe("CallParkEditor: checks and the server's answer, at their fields", () => {
  const nameField = () => screen.getByRole("textbox", { name: "Call park group name" });

  it("checks the hunt group on Save, not while choosing, and reports it with the name's problem, sending nothing", async () => {
    server.use(
      http.get(mswPath(api.callParks.availableRecallHuntGroups), () => HttpResponse.json({ huntGroups: [{ id: "HG1", name: "Support" }] })),
    );
    const recorder = recordRequests();
    const { user } = await renderEditor("en", ["Name", "Recall"]);
    await user.clear(nameField());
    await user.click(screen.getByRole("radio", { name: "Alert hunt group only" }));
    const huntGroup = await screen.findByRole("combobox", { name: "Hunt group" });
    expect(huntGroup).not.toHaveAttribute("aria-invalid");

    await user.click(save());
    await waitFor(() => expect(huntGroup).toHaveAccessibleDescription("Choose the hunt group that recalled calls go to."));
    expect(nameField()).toHaveAccessibleDescription(expect.stringContaining("This field is required."));
    expect(recorder.requests.filter((r) => r.method !== "GET")).toEqual([]);

    await user.selectOptions(huntGroup, "Support");
    expect(huntGroup).not.toHaveAttribute("aria-invalid");
  });

  it("puts the server's issues back on the name and on the member they name, in the user's language, opening Members to show it", async () => {
    // Only Name is opened: Members opens itself for the server's issue about a member.
    const { user, onSaved } = await renderEditor("en", ["Name"]);
    expect(screen.getByRole("button", { name: "Members" })).toHaveAttribute("aria-expanded", "false");
    server.use(
      http.put(mswPath(api.callParks.update), () =>
        apiErrorResponse(409, "callParkNameTaken", {
          params: { name: "Sales" },
          issues: [
            { path: ["name"], code: "nameTaken", params: { name: "Sales" } },
            { path: ["agents", 0], code: "memberInOtherGroup", params: { memberName: "Ana Souza", callParkName: "Sales" } },
          ],
        }),
      ),
    );
    await user.clear(nameField());
    await user.type(nameField(), "sales");
    // Before the rename is saved, who parks calls in the group.
    const note = screen.getAllByRole("note").find((n) => n.textContent?.includes("will be called"))!;
    expect(note).toHaveTextContent(/will be called sales once saved\. Its members keep parking calls in it with #58\./);
    expect(note).toHaveTextContent("Ana Souza");
    await user.click(save());

    const taken = "A call park group named Sales already exists in this location.";
    const inOtherGroup = "Ana Souza is already a member of the call park group Sales.";
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent(taken);
    // The error state names the tracking ID to quote, with its copy button.
    expect(alert).toHaveTextContent("Tracking ID: TEST_TRACKING_ID");
    expect(within(alert).getByRole("button", { name: "Copy tracking ID" })).toBeInTheDocument();
    await waitFor(() => expect(nameField()).toHaveAccessibleDescription(expect.stringContaining(taken)));
    expect(screen.getByRole("button", { name: "Members" })).toHaveAttribute("aria-expanded", "true");
    const members = screen.getByRole("region", { name: "1 member" });
    expect(within(members).getByText(inOtherGroup)).toBeVisible();
    expect(within(members).getByRole("button", { name: "Remove Ana Souza" })).toHaveAccessibleDescription(inOtherGroup);
    expect(onSaved).not.toHaveBeenCalled();

    // Changing the list re-checks it: the positions the server named no longer hold.
    await user.click(within(members).getByRole("button", { name: "Remove Ana Souza" }));
    expect(screen.queryByText(inOtherGroup, { selector: ".pick-reason" })).not.toBeInTheDocument();
  });
});

describe("CallParkEditor: a group left unable to park anything", () => {
  it("is saved only after a warning that it has no park destinations", async () => {
    const { user, puts, onSaved } = await renderEditor("en", ["Park destinations"]);
    await user.click(screen.getByRole("button", { name: "Remove Reception park" }));
    await user.click(screen.getByRole("button", { name: "Remove Loading dock" }));
    await user.click(save());
    const dialog = await screen.findByRole("alertdialog", { name: "This group cannot park any call" });
    expect(within(dialog).getByText("It has no park destinations: a call would have nowhere to park.")).toBeInTheDocument();
    expect(within(dialog).queryByText("It has no members: nobody can park a call with it.")).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole("button", { name: "Go back" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument());
    expect(puts).toEqual([]);

    await user.click(save());
    await user.click(
      within(await screen.findByRole("alertdialog", { name: "This group cannot park any call" })).getByRole("button", {
        name: "Save anyway",
      }),
    );
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(puts).toHaveLength(1);
  });

  it("asks in Portuguese about a group with no members", async () => {
    const { user } = await renderEditor("pt-BR", ["Membros"]);
    await user.click(await screen.findByRole("button", { name: "Remover Ana Souza" }));
    await user.click(screen.getByRole("button", { name: "Salvar" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Este grupo não consegue estacionar nenhuma chamada" });
    expect(within(dialog).getByText("Ele não tem membros: ninguém poderá estacionar uma chamada com ele.")).toBeInTheDocument();
    expect(within(dialog).getByRole("button", { name: "Salvar mesmo assim" })).toBeInTheDocument();
  });
});

describe("CallParkEditor: a summary whose parts open into their editors", () => {
  it("opens on the summary, every editor out of sight", async () => {
    await renderEditor();
    expect(screen.getByText("1 member: Ana Souza")).toBeVisible();
    expect(screen.getByText("2 park destinations: Reception park (5001), Loading dock (5002)")).toBeVisible();
    expect(await screen.findByText("Recall Timer: 45 seconds")).toBeVisible();
    expect(await screen.findByText("São Paulo")).toBeVisible();
    expect(screen.queryByRole("textbox", { name: "Call park group name" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Remove Ana Souza" })).not.toBeInTheDocument();
  });

  it("keeps a part with unsaved changes open, and its summary tells the edit once closed after a discard", async () => {
    const { user } = await renderEditor("en", ["Name"]);
    const trigger = screen.getByRole("button", { name: "Name" });
    const name = screen.getByRole("textbox", { name: "Call park group name" });
    await user.clear(name);
    await user.type(name, "Lobby");
    await user.click(trigger);
    expect(trigger).toHaveAttribute("aria-expanded", "true");
    expect(name).toBeVisible();

    await user.click(screen.getByRole("button", { name: "Discard changes" }));
    await user.click(trigger);
    expect(trigger).toHaveAttribute("aria-expanded", "false");
    expect(screen.getByText("Front desk", { selector: "p" })).toBeVisible();
  });

  it("opens the part of a field that fails its check on Save: a hunt group gone since the group was saved", async () => {
    server.use(http.get(mswPath(api.callParks.availableRecallHuntGroups), () => HttpResponse.json({ huntGroups: [] })));
    const { user, puts } = await renderEditor("en", ["Name"], { ...GROUP, recall: { option: "ALERT_HUNT_GROUP_ONLY" } });
    const recall = screen.getByRole("button", { name: "Recall" });
    expect(recall).toHaveAttribute("aria-expanded", "false");
    await user.type(screen.getByRole("textbox", { name: "Call park group name" }), " 2");
    await user.click(save());
    await waitFor(() => expect(recall).toHaveAttribute("aria-expanded", "true"));
    expect(screen.getByRole("combobox", { name: "Hunt group" })).toHaveAccessibleDescription("Choose the hunt group that recalled calls go to.");
    expect(puts).toEqual([]);
  });
});

import { screen, waitFor, within } from "@testing-library/react";
import type { UserEvent } from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { api } from "@domain/api/endpoints";
import type { CallParkSettings } from "@domain/schemas/call-park-settings";
import { apiErrorResponse } from "@/test/fixtures";
import { renderWithProviders } from "@/test/render";
import { server } from "@/test/server";
import { mswPath } from "@/test/msw-path";
import { CallParkSettingsForm } from "./call-park-settings-form";

const HUNT_GROUPS = [
  { id: "HG1", name: "Suporte" },
  { id: "HG2", name: "Vendas" },
];
const DEFAULTS: CallParkSettings = {
  callParkRecall: { option: "ALERT_PARKING_USER_ONLY" },
  callParkSettings: { ringPattern: "NORMAL", recallTime: 45, huntWaitTime: 45 },
};

/** Answers PUT …/settings with `answer` and keeps each body sent. */
function putAnswering(answer: () => Response = () => new HttpResponse(null, { status: 204 })) {
  const bodies: unknown[] = [];
  server.use(
    http.put(mswPath(api.callParkSettings.update), async ({ request }) => {
      bodies.push(await request.json());
      return answer();
    }),
  );
  return bodies;
}

async function renderForm({
  settings = DEFAULTS,
  groupsUsingHuntWaitTime = 0,
  language = "en",
}: { settings?: CallParkSettings; groupsUsingHuntWaitTime?: number; language?: "en" | "pt-BR" } = {}) {
  return renderWithProviders(
    <CallParkSettingsForm
      locationId="L1"
      settings={settings}
      huntGroups={HUNT_GROUPS}
      groupsUsingHuntWaitTime={groupsUsingHuntWaitTime}
    />,
    { url: "/locations/L1/calling", language },
  );
}

async function choose(user: UserEvent, label: string, option: string) {
  const field = screen.getByText(label, { selector: "label, span" }).closest(".field") as HTMLElement;
  await user.click(within(field).getByRole("button"));
  await user.click(await screen.findByRole("option", { name: option }));
}

const summary = () => screen.getByTestId("recall-summary");
const saveButton = (name = "Save") => screen.getByRole("button", { name });

describe("CallParkSettingsForm", () => {
  it("shows the settings, with Save disabled until something changes", async () => {
    const { user } = await renderForm();
    expect(screen.getByRole("spinbutton", { name: "Recall Timer (seconds)" })).toHaveValue(45);
    expect(screen.getByRole("spinbutton", { name: "Alert Hunt Group Wait Time (seconds)" })).toHaveValue(45);
    expect(screen.queryByText("Hunt group", { selector: "label, span" })).not.toBeInTheDocument();
    expect(saveButton()).toBeDisabled();

    await user.type(screen.getByRole("spinbutton", { name: "Recall Timer (seconds)" }), "0");
    expect(saveButton()).toBeEnabled();
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(screen.getByRole("spinbutton", { name: "Recall Timer (seconds)" })).toHaveValue(45);
    expect(saveButton()).toBeDisabled();
  });

  it("sends only what changed: the ring pattern alone", async () => {
    const bodies = putAnswering();
    const { user } = await renderForm();
    await choose(user, "Ring pattern", "Short-Short-Long");
    await user.click(saveButton());
    await waitFor(() => expect(bodies).toEqual([{ callParkSettings: { ringPattern: "SHORT_SHORT_LONG" } }]));
    await waitFor(() => expect(saveButton()).toBeDisabled());
  });

  it("asks for the hunt group of a hunt-group option before sending anything, then sends option and hunt group", async () => {
    const bodies = putAnswering();
    const { user } = await renderForm();
    await choose(user, "Recall options for directed call park", "Alert hunt group only");
    await user.click(saveButton());
    expect(await screen.findByText("Choose the hunt group that recalled calls go to.")).toBeInTheDocument();
    expect(bodies).toEqual([]);

    await choose(user, "Hunt group", "Vendas");
    expect(summary()).toHaveTextContent("After 45 s the call goes to hunt group Vendas with a Normal ring.");
    await user.click(saveButton());
    await waitFor(() =>
      expect(bodies).toEqual([{ callParkRecall: { option: "ALERT_HUNT_GROUP_ONLY", huntGroupId: "HG2" } }]),
    );
  });

  it("puts the server's refusal of the hunt group on its field", async () => {
    putAnswering(() =>
      apiErrorResponse(400, "validation", {
        issues: [{ path: ["callParkRecall", "huntGroupId"], code: "huntGroupOtherLocation", params: { name: "Vendas" } }],
      }),
    );
    const { user } = await renderForm();
    await choose(user, "Recall options for directed call park", "Alert parking user first, then hunt group");
    await choose(user, "Hunt group", "Vendas");
    await user.click(saveButton());
    expect(await screen.findByText("The hunt group Vendas belongs to another location.")).toBeInTheDocument();
    expect(saveButton()).toBeEnabled();
  });

  it("explains an out-of-range timer on its field and keeps it from the summary", async () => {
    const bodies = putAnswering();
    const { user } = await renderForm();
    const timer = screen.getByRole("spinbutton", { name: "Recall Timer (seconds)" });
    await user.clear(timer);
    await user.type(timer, "601");
    expect(timer).toHaveAttribute("aria-invalid", "true");
    expect(timer).toHaveAccessibleDescription(expect.stringContaining("Enter a number of seconds from 30 to 600."));
    expect(summary()).toHaveTextContent("Correct the highlighted values to see what will happen to a parked call.");
    await user.click(saveButton());
    expect(bodies).toEqual([]);
  });

  it("tells whether the Alert Hunt Group Wait Time is in use, here or by the location's groups", async () => {
    const { user } = await renderForm({ groupsUsingHuntWaitTime: 2 });
    const wait = screen.getByRole("spinbutton", { name: "Alert Hunt Group Wait Time (seconds)" });
    expect(wait).toHaveAccessibleDescription(expect.stringContaining("In use by 2 call park groups of this location."));
    await choose(user, "Recall options for directed call park", "Alert parking user first, then hunt group");
    expect(wait).toHaveAccessibleDescription(expect.stringContaining("In use by the recall option above."));
  });

  it("speaks Portuguese, summary included", async () => {
    await renderForm({
      language: "pt-BR",
      settings: {
        callParkRecall: { option: "ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP", huntGroupId: "HG1", huntGroupName: "Suporte" },
        callParkSettings: { ringPattern: "LONG_LONG", recallTime: 45, huntWaitTime: 45 },
      },
    });
    expect(screen.getByText("Opções de lembrar para estacionamento de chamada direcionado")).toBeInTheDocument();
    expect(screen.getByText("Padrão de toques")).toBeInTheDocument();
    expect(saveButton("Salvar")).toBeDisabled();
    expect(summary()).toHaveTextContent(
      "Após 45 s, a chamada volta a tocar para quem a estacionou, com o toque Longo-Longo; após mais 45 s, ela vai para o grupo de busca Suporte.",
    );
  });
});

import { screen, waitFor, within } from "@testing-library/react";
import type { UserEvent } from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { afterEach, describe, expect, it } from "vitest";
import { api } from "@domain/api/endpoints";
import type { CallParkSettings } from "@domain/schemas/call-park-settings";
import { apiErrorResponse } from "@/test/fixtures";
import { renderWithProviders } from "@/test/render";
import { server } from "@/test/server";
import { mswPath } from "@/test/msw-path";
import { ToastOutlet } from "@/components/toast-outlet";
import { toastQueue } from "@/lib/toast";
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
    expect(screen.getByText("Opções de rechamada do estacionamento de chamada direcionado")).toBeInTheDocument();
    expect(screen.getByText("Padrão de toques")).toBeInTheDocument();
    expect(saveButton("Salvar")).toBeDisabled();
    expect(summary()).toHaveTextContent(
      "Após 45 s, a chamada volta a tocar para quem a estacionou, com o toque Longo-Longo; após mais 45 s, ela vai para o grupo de busca Suporte.",
    );
  });
});

describe("CallParkSettingsForm when someone else changed the settings meanwhile", () => {
  const THEIRS: CallParkSettings = { ...DEFAULTS, callParkSettings: { ...DEFAULTS.callParkSettings, recallTime: 150 } };

  /** The first save is refused (412): Beatriz changed the Recall Timer after the form opened. */
  function refusingFirst() {
    const sent: { ifMatch: string | null; body: unknown }[] = [];
    server.use(
      http.get(mswPath(api.callParkSettings.get), () => HttpResponse.json(THEIRS, { headers: { etag: '"v2"' } })),
      http.put(mswPath(api.callParkSettings.update), async ({ request }) => {
        sent.push({ ifMatch: request.headers.get("if-match"), body: await request.json() });
        if (sent.length > 1) return new HttpResponse(null, { status: 204 });
        return HttpResponse.json(
          {
            message: "Changed meanwhile",
            errors: [{ description: "Changed meanwhile", errorCode: 4120 }],
            trackingId: "CPA_test",
            code: "changedMeanwhile",
            params: { context: "known", name: "Beatriz Souza", at: "2026-11-26T10:00:00.000Z" },
          },
          { status: 412 },
        );
      }),
    );
    return sent;
  }

  async function refusedSave() {
    const sent = refusingFirst();
    const rendered = await renderForm({ settings: { ...DEFAULTS, etag: '"v1"' } as CallParkSettings });
    await choose(rendered.user, "Ring pattern", "Short-Short-Long");
    await rendered.user.click(saveButton());
    const dialog = await screen.findByRole("alertdialog", { name: "Someone else changed this" });
    return { ...rendered, sent, dialog };
  }

  it("shows who changed what, and applies the administrator's change on top of theirs", async () => {
    const { user, sent, dialog } = await refusedSave();
    expect(dialog).toHaveTextContent(/Beatriz Souza changed it on .*2026/);
    const rows = within(dialog).getAllByRole("row").slice(1).map((row) => [...row.children].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ["Ring pattern", "Normal", "Normal", "Short-Short-Long"],
      ["Recall Timer (seconds)", "45", "150", "Not changed"],
    ]);
    await user.click(within(dialog).getByRole("button", { name: "Apply my changes on top" }));
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent).toEqual([
      { ifMatch: '"v1"', body: { callParkSettings: { ringPattern: "SHORT_SHORT_LONG" } } },
      { ifMatch: '"v2"', body: { callParkSettings: { ringPattern: "SHORT_SHORT_LONG" } } },
    ]);
    await waitFor(() => expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument());
  });

  it("can reload their version instead: the form shows it, and the next save is made on it", async () => {
    const { user, sent, dialog } = await refusedSave();
    await user.click(within(dialog).getByRole("button", { name: "Reload their version" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument());
    expect(screen.getByRole("spinbutton", { name: "Recall Timer (seconds)" })).toHaveValue(150);
    expect(saveButton()).toBeDisabled();
    await choose(user, "Ring pattern", "Long-Long");
    await user.click(saveButton());
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1]).toEqual({ ifMatch: '"v2"', body: { callParkSettings: { ringPattern: "LONG_LONG" } } });
  });
});

describe("CallParkSettingsForm: an error's tracking ID", () => {
  afterEach(() => toastQueue.visibleToasts.forEach((toast) => toastQueue.close(toast.key)));

  it.each([
    ["from the error's body", { trackingId: "CPA_body" }, {}, "CPA_body", "en"],
    ["from the TrackingID header", {}, { TrackingID: "CPA_header" }, "CPA_header", "pt-BR"],
  ] as const)(
    "the toast of a 412 whose latest settings cannot be read shows it, %s, with a copy button",
    async (_where, body: Record<string, string>, headers: Record<string, string>, trackingId, language) => {
      server.use(
        // Someone changed the settings meanwhile (412), and reading their version then fails.
        http.put(mswPath(api.callParkSettings.update), () =>
          HttpResponse.json(
            {
              message: "Changed meanwhile",
              errors: [{ description: "Changed meanwhile", errorCode: 4120 }],
              code: "changedMeanwhile",
              params: { context: "known", name: "Beatriz Souza", at: "2026-11-26T10:00:00.000Z" },
            },
            { status: 412 },
          ),
        ),
        http.get(mswPath(api.callParkSettings.get), () =>
          HttpResponse.json(
            { message: "Internal error", errors: [{ description: "Internal error", errorCode: 5000 }], code: "internal", ...body },
            { status: 500, headers },
          ),
        ),
      );
      const { user } = await renderWithProviders(
        <>
          <CallParkSettingsForm locationId="L1" settings={{ ...DEFAULTS, etag: '"v1"' } as CallParkSettings} huntGroups={HUNT_GROUPS} groupsUsingHuntWaitTime={0} />
          <ToastOutlet />
        </>,
        { url: "/locations/L1/calling", language },
      );
      const words =
        language === "en"
          ? { ring: "Ring pattern", option: "Short-Short-Long", save: "Save", region: "Notifications", label: "Tracking ID", copy: "Copy tracking ID" }
          : { ring: "Padrão de toques", option: "Curto-Curto-Longo", save: "Salvar", region: "Notificações", label: "ID de rastreamento", copy: "Copiar ID de rastreamento" };
      await choose(user, words.ring, words.option);
      await user.click(saveButton(words.save));

      const toasts = await screen.findByRole("region", { name: words.region });
      await waitFor(() => expect(toasts).toHaveTextContent(`${words.label}: ${trackingId}`));
      expect(within(toasts).getByRole("button", { name: words.copy })).toBeInTheDocument();
    },
  );
});

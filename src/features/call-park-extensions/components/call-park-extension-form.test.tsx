import { screen, waitFor, within } from "@testing-library/react";
import type { UserEvent } from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { describe, expect, it, vi } from "vitest";
import { api } from "@domain/api/endpoints";
import type { CallParkExtensionForm as FormValues } from "@domain/schemas/call-park-extension";
import { callApi } from "@/lib/api-client";
import { apiErrorResponse, extensionStatus, LOCATIONS, locationsHandler, VALIDATE_EXTENSIONS } from "@/test/fixtures";
import { renderWithProviders } from "@/test/render";
import { recordRequests, server } from "@/test/server";
import { mswPath } from "@/test/msw-path";
import { CallParkExtensionForm } from "./call-park-extension-form";

const SUGGEST_EXTENSIONS = mswPath(api.callParkExtensions.suggestExtensions);

/** Answers suggestExtensions with `answer` (or refuses with `status`) and keeps what each call asked. */
function suggestionsAnswering(answer: string[] | { status: number }) {
  const calls: { locationId: string; body: unknown }[] = [];
  server.use(
    http.post(SUGGEST_EXTENSIONS, async ({ request, params }) => {
      calls.push({ locationId: String(params.locationId), body: await request.json() });
      return Array.isArray(answer) ? HttpResponse.json({ extensions: answer }) : apiErrorResponse(answer.status, "internal");
    }),
  );
  return calls;
}

async function renderForm(
  { language = "en", onSubmit = vi.fn(async () => {}), ownId }: {
    language?: "en" | "pt-BR";
    onSubmit?: (values: FormValues) => Promise<unknown>;
    ownId?: string;
  } = {},
) {
  server.use(locationsHandler);
  // A taken extension's message offers the free ones nearest to it: these, unless a test says otherwise.
  suggestionsAnswering(["1000", "1037", "1038"]);
  const rendered = await renderWithProviders(
    <CallParkExtensionForm
      ownId={ownId}
      defaultValues={{}}
      cancelTo="/services/calling/features/call-park-extensions"
      submitLabel="Add call park extension"
      onSubmit={onSubmit}
    />,
    { url: "/services/calling/features/call-park-extensions/new", language },
  );
  return { ...rendered, onSubmit };
}

async function chooseLocation(user: UserEvent, name: string, label = "Location") {
  const combobox = screen.getByRole("combobox", { name: label });
  await waitFor(() => expect(combobox).toBeEnabled());
  await user.click(combobox);
  await user.click(await screen.findByRole("option", { name }));
  expect(combobox).toHaveValue(name);
}

const nameField = (label = "Call park extension name") => screen.getByRole("textbox", { name: label });
const extensionField = (label = "Extension") => screen.getByRole("textbox", { name: label });

/** Answers validateExtensions with `answer` and keeps what each call asked. */
function validateExtensionsAnswering(answer: (extension: string) => ReturnType<typeof extensionStatus>) {
  const calls: { locationId: string; extensions: string[] }[] = [];
  server.use(
    http.post(VALIDATE_EXTENSIONS, async ({ request, params }) => {
      const body = (await request.json()) as { extensions: string[] };
      calls.push({ locationId: String(params.locationId), extensions: body.extensions });
      return HttpResponse.json(answer(body.extensions[0]));
    }),
  );
  return calls;
}

describe("CallParkExtensionForm: checks as the admin types", () => {
  it("refuses a name of 31 characters", async () => {
    const { user } = await renderForm();
    await user.type(nameField(), "x".repeat(31));
    expect(nameField()).toHaveAccessibleDescription(expect.stringContaining("Enter at most 30 characters."));
    expect(nameField()).toHaveAttribute("aria-invalid", "true");

    await user.type(nameField(), "{Backspace}");
    expect(nameField()).not.toHaveAccessibleDescription(expect.stringContaining("Enter at most 30 characters."));
    expect(nameField()).not.toHaveAttribute("aria-invalid");
  });

  it("refuses an extension with a letter, then one of a single digit", async () => {
    const { user } = await renderForm();
    await user.type(extensionField(), "12a");
    expect(extensionField()).toHaveAccessibleDescription(
      expect.stringContaining("An extension contains digits only (0–9)."),
    );

    await user.clear(extensionField());
    await user.type(extensionField(), "7");
    expect(extensionField()).toHaveAccessibleDescription(expect.stringContaining("An extension has 2 to 10 digits."));
  });

  it("shows every required field on an empty Save and sends nothing to the API", async () => {
    const recorder = recordRequests();
    const { user, onSubmit } = await renderForm();
    await waitFor(() => expect(screen.getByRole("combobox", { name: "Location" })).toBeEnabled());

    await user.click(screen.getByRole("button", { name: "Save" }));

    await waitFor(() =>
      expect(screen.getByRole("combobox", { name: "Location" })).toHaveAccessibleDescription(
        expect.stringContaining("Choose a location."),
      ),
    );
    expect(nameField()).toHaveAccessibleDescription(expect.stringContaining("This field is required."));
    expect(extensionField()).toHaveAccessibleDescription(expect.stringContaining("This field is required."));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(recorder.requests.filter((r) => r.method !== "GET")).toEqual([]);
  });
});

describe("CallParkExtensionForm: asks the server whether the extension is free", () => {
  it("names the person who already holds the extension, and does not save", async () => {
    const calls = validateExtensionsAnswering((extension) =>
      extensionStatus(extension, "DUPLICATE", { type: "PEOPLE", id: "P1", name: "Maria Silva" }),
    );
    const { user, onSubmit } = await renderForm();
    await chooseLocation(user, "São Paulo");
    await user.type(nameField(), "Reception park");
    await user.type(extensionField(), "1001");

    await waitFor(
      () =>
        expect(extensionField()).toHaveAccessibleDescription(
          expect.stringContaining("Extension 1001 is already used by the person Maria Silva."),
        )
    );
    expect(calls.at(-1)).toEqual({ locationId: "L1", extensions: ["1001"] });
    expect(extensionField()).toHaveAttribute("aria-invalid", "true");

    const checksBeforeSave = calls.length;
    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(extensionField()).toHaveFocus());
    expect(calls).toHaveLength(checksBeforeSave + 1);
    expect(extensionField()).toHaveAccessibleDescription(
      expect.stringContaining("Extension 1001 is already used by the person Maria Silva."),
    );
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("says the extension is available, and saves the form's values", async () => {
    const calls = validateExtensionsAnswering((extension) => extensionStatus(extension, "VALID"));
    const { user, onSubmit } = await renderForm();
    await chooseLocation(user, "Campinas");
    await user.type(nameField(), "Reception park");
    await user.type(extensionField(), "2001");

    await waitFor(
      () => expect(extensionField()).toHaveAccessibleDescription(expect.stringContaining("This extension is available."))
    );
    expect(calls.at(-1)).toEqual({ locationId: "L2", extensions: ["2001"] });

    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit).toHaveBeenCalledWith({ locationId: "L2", name: "Reception park", extension: "2001" });
  });
});

describe("CallParkExtensionForm: a taken extension stays said", () => {
  it("keeps the message on the Extension field through other edits, tabbing and Save, until the extension changes", async () => {
    // The first check answers at once; any later check of 1001 waits, as a slow server would.
    let checks = 0;
    server.use(
      http.post(VALIDATE_EXTENSIONS, async ({ request }) => {
        const [extension] = ((await request.json()) as { extensions: string[] }).extensions;
        if (extension !== "1001") return HttpResponse.json(extensionStatus(extension, "VALID"));
        checks += 1;
        if (checks > 1) await new Promise(() => {});
        return HttpResponse.json(extensionStatus(extension, "DUPLICATE", { type: "PEOPLE", id: "P1", name: "Maria Silva" }));
      }),
    );
    const { user } = await renderForm();
    await chooseLocation(user, "São Paulo");
    await user.type(extensionField(), "1001");
    const taken = "Extension 1001 is already used by the person Maria Silva.";
    await waitFor(() => expect(extensionField()).toHaveAccessibleDescription(expect.stringContaining(taken)));

    await user.tab();
    await user.click(nameField());
    await user.type(nameField(), "Reception park");
    await user.tab();
    await user.tab();
    await user.click(screen.getByRole("button", { name: "Save" }));
    // Asked again, the server has not answered yet: the message is still there.
    await waitFor(() => expect(checks).toBe(2));
    await screen.findByRole("button", { name: "Saving…" });
    expect(extensionField()).toHaveAccessibleDescription(expect.stringContaining(taken));
    expect(extensionField()).toHaveAttribute("aria-invalid", "true");

    await user.clear(extensionField());
    await user.type(extensionField(), "1002");
    await waitFor(() => expect(extensionField()).toHaveAccessibleDescription(expect.stringContaining("This extension is available.")));
    expect(extensionField()).not.toHaveAccessibleDescription(expect.stringContaining("already used"));
  });
});

describe("CallParkExtensionForm: a location at its limit", () => {
  function fullSaoPaulo() {
    server.use(
      http.get(mswPath(api.locations.list), ({ request }) => {
        const query = new URL(request.url).searchParams;
        const items = LOCATIONS.filter((l) => !query.get("id") || l.id === query.get("id")).map((l) => ({
          ...l,
          callParkCounts: { callParkExtensions: l.id === "L1" ? 100 : 3, callParks: 0, callParksUsingHuntWaitTime: 0 },
        }));
        return HttpResponse.json({ items }, { headers: { "X-Total-Count": String(items.length) } });
      }),
    );
  }

  it.each([
    ["en", "Location", "Extension", "Save", "São Paulo Full (100 of 100)", "This location already has the maximum of 100 call park extensions.", "This extension is available."],
    ["pt-BR", "Local", "Ramal", "Salvar", "São Paulo Lotado (100 de 100)", "Este local já tem o máximo de 100 ramais de estacionamento de chamadas.", "Este ramal está disponível."],
  ] as const)("says it is full before Save and never that the extension is available (%s)", async (language, label, extensionLabel, save, option, fullMessage, available) => {
    validateExtensionsAnswering((extension) => extensionStatus(extension, "VALID"));
    fullSaoPaulo();
    const onSubmit = vi.fn(async () => {});
    const rendered = await renderWithProviders(
      <CallParkExtensionForm defaultValues={{}} cancelTo="/" submitLabel="Add" onSubmit={onSubmit} />,
      { language },
    );
    const { user } = rendered;
    const combobox = screen.getByRole("combobox", { name: label });
    await user.click(combobox);
    await user.click(await screen.findByRole("option", { name: option }));
    await waitFor(() => expect(combobox).toHaveAccessibleDescription(expect.stringContaining(fullMessage)));

    await user.type(nameField(language === "en" ? undefined : "Nome do ramal de estacionamento de chamadas"), "Reception park");
    await user.type(extensionField(extensionLabel), "2001");
    await waitFor(() => expect(extensionField(extensionLabel)).not.toHaveAccessibleDescription(expect.stringContaining("…")));
    expect(extensionField(extensionLabel)).not.toHaveAccessibleDescription(expect.stringContaining(available));
    await user.click(screen.getByRole("button", { name: save }));
    await waitFor(() => expect(screen.getByRole("button", { name: save })).toBeEnabled());
    expect(combobox).toHaveAccessibleDescription(expect.stringContaining(fullMessage));
    expect(onSubmit).not.toHaveBeenCalled();
  });
});

describe("CallParkExtensionForm: the server's refusal on Save", () => {
  async function fillAndSave(refusal: Response) {
    validateExtensionsAnswering((extension) => extensionStatus(extension, "VALID"));
    server.use(http.post(mswPath(api.callParkExtensions.create), () => refusal));
    const onSubmit = vi.fn(({ locationId, name, extension }: FormValues) =>
      callApi(api.callParkExtensions.create, { params: { locationId }, body: { name, extension } }),
    );
    const { user } = await renderForm({ onSubmit });
    await chooseLocation(user, "São Paulo");
    await user.type(nameField(), "Reception park");
    await user.type(extensionField(), "1001");
    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    return onSubmit;
  }

  it("puts a full location on the Location field", async () => {
    await fillAndSave(
      apiErrorResponse(409, "callParkExtensionLimit", {
        params: { max: 100 },
        issues: [{ path: ["locationId"], code: "locationFull", params: { max: 100 } }],
      }),
    );
    const message = "This location already has the maximum of 100 call park extensions.";
    await waitFor(() =>
      expect(screen.getByRole("combobox", { name: "Location" })).toHaveAccessibleDescription(
        expect.stringContaining(message),
      ),
    );
    expect(extensionField()).not.toHaveAccessibleDescription(expect.stringContaining(message));
  });

  it("puts an extension taken meanwhile on the Extension field", async () => {
    const params = { extension: "1001", ownerName: "Loading dock", context: "CALL_PARK_EXTENSION" };
    await fillAndSave(
      apiErrorResponse(409, "extensionTaken", { params, issues: [{ path: ["extension"], code: "extensionTaken", params }] }),
    );
    await waitFor(() =>
      expect(extensionField()).toHaveAccessibleDescription(
        expect.stringContaining("Extension 1001 is already used by the call park extension Loading dock."),
      ),
    );
    expect(nameField()).not.toHaveAttribute("aria-invalid");
  });
});

describe("CallParkExtensionForm in Portuguese", () => {
  it("labels its fields and words its messages in pt-BR", async () => {
    const { user } = await renderForm({ language: "pt-BR" });
    const form = screen.getByRole("form", { name: "Add call park extension" });
    expect(within(form).getByRole("combobox", { name: "Local" })).toBeInTheDocument();
    const name = nameField("Nome do ramal de estacionamento de chamadas");
    expect(extensionField("Ramal")).toBeInTheDocument();

    await user.type(name, "x".repeat(31));
    expect(name).toHaveAccessibleDescription(expect.stringContaining("Insira no máximo 30 caracteres."));

    await user.click(within(form).getByRole("button", { name: "Salvar" }));
    await waitFor(() =>
      expect(within(form).getByRole("combobox", { name: "Local" })).toHaveAccessibleDescription(
        expect.stringContaining("Escolha um local."),
      ),
    );
    expect(extensionField("Ramal")).toHaveAccessibleDescription(expect.stringContaining("Este campo é obrigatório."));
  });
});

describe("CallParkExtensionForm: a taken extension's message offers the free ones nearest to it", () => {
  // A description computed over buttons may space them apart ("1007 , 1008"): the words are what is checked.
  const saying = (text: string) =>
    expect.stringMatching(new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s*").replace(/,/g, "\\s*,")));
  const MARIA = { type: "PEOPLE" as const, id: "P9", name: "Maria Rossi" };

  /** 1002 taken (by `owner`), anything else free. */
  function takenIs1002(owner?: typeof MARIA) {
    return validateExtensionsAnswering((extension) =>
      extension === "1002" ? extensionStatus(extension, "DUPLICATE", owner) : extensionStatus(extension, "VALID"),
    );
  }

  it("names who holds it and the free ones, each a button that puts it in the field and checks it again", async () => {
    const checks = takenIs1002(MARIA);
    const { user, onSubmit } = await renderForm();
    const asked = suggestionsAnswering(["1007", "1008", "1012"]);
    await chooseLocation(user, "São Paulo");
    await user.type(nameField(), "Reception park");
    await user.type(extensionField(), "1002");

    const message = "Extension 1002 is already used by the person Maria Rossi. 1007, 1008 and 1012 are free.";
    await waitFor(() => expect(extensionField()).toHaveAccessibleDescription(saying(message)));
    expect(extensionField()).toHaveAttribute("aria-invalid", "true");
    expect(asked).toEqual([{ locationId: "L1", body: { near: "1002", count: 3 } }]);
    for (const free of ["1007", "1008", "1012"]) expect(screen.getByRole("button", { name: free })).toHaveAttribute("title", `Use ${free}`);

    await user.click(screen.getByRole("button", { name: "1008" }));
    expect(extensionField()).toHaveValue("1008");
    expect(extensionField()).toHaveFocus();
    await waitFor(() => expect(extensionField()).toHaveAccessibleDescription(expect.stringContaining("This extension is available.")));
    expect(checks.at(-1)).toEqual({ locationId: "L1", extensions: ["1008"] });
    expect(extensionField()).not.toHaveAttribute("aria-invalid");
    expect(screen.queryByRole("button", { name: "1007" })).not.toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith({ locationId: "L1", name: "Reception park", extension: "1008" }));
  });

  it("is reached by keyboard: Tab from the field to the first free one, Enter to take it", async () => {
    takenIs1002(MARIA);
    const { user } = await renderForm();
    suggestionsAnswering(["1007", "1008", "1012"]);
    await chooseLocation(user, "São Paulo");
    await user.type(extensionField(), "1002");
    await screen.findByRole("button", { name: "1007" });

    await user.click(extensionField());
    await user.tab();
    expect(screen.getByRole("button", { name: "1007" })).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(extensionField()).toHaveValue("1007");
    expect(extensionField()).toHaveFocus();
  });

  it("says it in Portuguese, listing as Portuguese lists", async () => {
    takenIs1002(MARIA);
    const { user } = await renderForm({ language: "pt-BR" });
    suggestionsAnswering(["1007", "1008", "1012"]);
    await chooseLocation(user, "São Paulo", "Local");
    await user.type(extensionField("Ramal"), "1002");
    await waitFor(() =>
      expect(extensionField("Ramal")).toHaveAccessibleDescription(
        saying("O ramal 1002 já é usado pela pessoa Maria Rossi. 1007, 1008 e 1012 estão livres."),
      ),
    );
    expect(screen.getByRole("button", { name: "1012" })).toHaveAttribute("title", "Usar 1012");
  });

  it("words one free extension in the singular, and a holder the server does not name", async () => {
    takenIs1002();
    const { user } = await renderForm();
    suggestionsAnswering(["1003"]);
    await chooseLocation(user, "São Paulo");
    await user.type(extensionField(), "1002");
    await waitFor(() =>
      expect(extensionField()).toHaveAccessibleDescription(
        expect.stringContaining("Extension 1002 is already in use in this location. 1003 is free."),
      ),
    );
  });

  it("says when none near it is free", async () => {
    takenIs1002(MARIA);
    const { user } = await renderForm({ language: "pt-BR" });
    suggestionsAnswering([]);
    await chooseLocation(user, "São Paulo", "Local");
    await user.type(extensionField("Ramal"), "1002");
    await waitFor(() =>
      expect(extensionField("Ramal")).toHaveAccessibleDescription(
        expect.stringContaining("O ramal 1002 já é usado pela pessoa Maria Rossi. Nenhum ramal próximo com o mesmo número de dígitos está livre."),
      ),
    );
  });

  it("still says it is taken when the suggestions cannot be had", async () => {
    takenIs1002(MARIA);
    const { user } = await renderForm();
    const asked = suggestionsAnswering({ status: 500 });
    await chooseLocation(user, "São Paulo");
    await user.type(extensionField(), "1002");
    await waitFor(() => expect(asked).toHaveLength(1));
    await waitFor(() =>
      expect(extensionField()).toHaveAccessibleDescription("2 to 10 digits, free in the location's numbering plan. Extension 1002 is already used by the person Maria Rossi."),
    );
    expect(extensionField()).toHaveAttribute("aria-invalid", "true");
    expect(screen.queryByRole("button", { name: "1000" })).not.toBeInTheDocument();
  });

  it("asks for none when the number is the edited extension's own", async () => {
    validateExtensionsAnswering((extension) => extensionStatus(extension, "DUPLICATE", { type: "CALL_PARK_EXTENSION", id: "CPE1", name: "Reception park" }));
    const { user } = await renderForm({ ownId: "CPE1" });
    const asked = suggestionsAnswering(["1000"]);
    await chooseLocation(user, "São Paulo");
    await user.type(extensionField(), "1001");
    await waitFor(() => expect(extensionField()).toHaveAccessibleDescription(expect.stringContaining("This extension is available.")));
    expect(asked).toEqual([]);
  });
});

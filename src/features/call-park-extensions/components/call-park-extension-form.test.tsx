import { screen, waitFor, within } from "@testing-library/react";
import type { UserEvent } from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { describe, expect, it, vi } from "vitest";
import { api } from "@domain/api/endpoints";
import type { CallParkExtensionForm as FormValues } from "@domain/schemas/call-park-extension";
import { callApi } from "@/lib/api-client";
import { apiErrorResponse, extensionStatus, locationsHandler, VALIDATE_EXTENSIONS } from "@/test/fixtures";
import { renderWithProviders } from "@/test/render";
import { recordRequests, server } from "@/test/server";
import { mswPath } from "@/test/msw-path";
import { CallParkExtensionForm } from "./call-park-extension-form";

async function renderForm(
  { language = "en", onSubmit = vi.fn(async () => {}) }: {
    language?: "en" | "pt-BR";
    onSubmit?: (values: FormValues) => Promise<unknown>;
  } = {},
) {
  server.use(locationsHandler);
  const rendered = await renderWithProviders(
    <CallParkExtensionForm
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

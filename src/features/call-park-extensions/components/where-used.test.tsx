import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { api } from "@domain/api/endpoints";
import type { CallParkUse } from "@domain/schemas/call-park-extension-usage";
import { CALL_PARK_EXTENSIONS_PATH } from "@/lib/paths";
import { sessionQuery } from "@/lib/session";
import type { LanguageCode } from "@/lib/i18n";
import { apiErrorResponse, callParkExtension, LOCATIONS } from "@/test/fixtures";
import { mswPath } from "@/test/msw-path";
import { renderWithProviders } from "@/test/render";
import { server } from "@/test/server";
import EditCallParkExtensionRoute from "@/features/call-park-extensions/routes/edit-route";
import { DeleteCallParkExtensionDialog } from "./delete-call-park-extension";

// Before a call park extension is deleted or takes a new number, the dialog says which
// group parks on it and at which position of its hunting order (the server's where-used).

const FRONT_DESK: CallParkUse = { id: "G1", name: "Front desk", position: 2, of: 3 };
const RECEPTION = callParkExtension("CPE1", "Reception park", "1001", "L1");

/** where-used answering `uses` for CPE1 (or failing); records each body asked. */
function serveWhereUsed(uses: CallParkUse[] | "fail") {
  const asked: unknown[] = [];
  server.use(
    http.post(mswPath(api.callParkExtensions.whereUsed), async ({ request, params }) => {
      const body = (await request.json()) as { ids: string[] };
      asked.push({ locationId: params.locationId, ...body });
      if (uses === "fail") return apiErrorResponse(500, "internal");
      return HttpResponse.json({ items: body.ids.map((id) => ({ id, callParks: id === "CPE1" ? uses : [] })) });
    }),
  );
  return asked;
}

const TARGET = { locationId: "L1", id: "CPE1", name: "Reception park", extension: "1001" };

async function openDelete(language: LanguageCode = "en") {
  await renderWithProviders(<DeleteCallParkExtensionDialog target={TARGET} onClose={() => undefined} />, { language });
  return screen.findByRole("alertdialog");
}

describe("the delete dialog of a call park extension: where it is used", () => {
  it("names the group that parks on it and its position in the hunting order", async () => {
    const asked = serveWhereUsed([FRONT_DESK]);
    const dialog = await openDelete();
    expect(
      await within(dialog).findByText(
        "Used by the group Front desk as park destination 2 of 3: calls parked with #58 will no longer land on it.",
      ),
    ).toBeInTheDocument();
    expect(within(dialog).getByRole("status")).toHaveTextContent("Front desk");
    expect(asked).toEqual([{ locationId: "L1", ids: ["CPE1"] }]);
  });

  it("in Portuguese", async () => {
    serveWhereUsed([FRONT_DESK]);
    const dialog = await openDelete("pt-BR");
    expect(
      await within(dialog).findByText(
        "Usado pelo grupo Front desk como destino de estacionamento 2 de 3: as chamadas estacionadas com #58 não vão mais cair nele.",
      ),
    ).toBeInTheDocument();
  });

  it("says plainly that no group uses it", async () => {
    serveWhereUsed([]);
    const dialog = await openDelete();
    expect(await within(dialog).findByText("No call park group uses it as a park destination.")).toBeInTheDocument();
  });

  it("says plainly that no group uses it, in Portuguese", async () => {
    serveWhereUsed([]);
    const dialog = await openDelete("pt-BR");
    expect(
      await within(dialog).findByText("Nenhum grupo de estacionamento de chamadas usa este ramal como destino de estacionamento."),
    ).toBeInTheDocument();
  });

  it("says when it could not check, and still lets the delete go ahead", async () => {
    serveWhereUsed("fail");
    const dialog = await openDelete();
    expect(await within(dialog).findByText("Could not check whether a call park group uses it.")).toBeInTheDocument();
    expect(within(dialog).getByRole("button", { name: "Delete" })).toBeEnabled();
  });
});

/** The edit page over CPE1, every extension free; records the PUTs. */
function serveEdit() {
  const sent: unknown[] = [];
  server.use(
    http.get(mswPath(api.callParkExtensions.get), () => HttpResponse.json(RECEPTION, { headers: { etag: '"v1"' } })),
    http.get(mswPath(api.locations.get), ({ params }) => HttpResponse.json(LOCATIONS.find((l) => l.id === params.locationId))),
    http.post(mswPath(api.callParkExtensions.validateExtensions), async ({ request }) => {
      const { extensions } = (await request.json()) as { extensions: string[] };
      return HttpResponse.json({ status: "OK", extensionStatus: extensions.map((extension) => ({ extension, state: "VALID" })) });
    }),
    http.put(mswPath(api.callParkExtensions.update), async ({ request }) => {
      sent.push(await request.json());
      return new HttpResponse(null, { status: 204 });
    }),
  );
  return sent;
}

async function renderEdit(language: LanguageCode = "en") {
  const rendered = await renderWithProviders(<EditCallParkExtensionRoute />, {
    url: `${CALL_PARK_EXTENSIONS_PATH}/L1/CPE1`,
    path: `${CALL_PARK_EXTENSIONS_PATH}/:locationId/:id`,
    language,
  });
  await waitFor(() => expect(rendered.queryClient.getQueryData(sessionQuery().queryKey)).toBeDefined());
  await screen.findByRole("heading", { level: 1, name: "Reception park" });
  return rendered;
}

async function typeInto(user: Awaited<ReturnType<typeof renderEdit>>["user"], label: string, value: string, save: string) {
  const field = screen.getByRole("textbox", { name: label });
  await user.clear(field);
  await user.type(field, value);
  await user.click(screen.getByRole("button", { name: save }));
}

describe("changing a call park extension's number: where it is used", () => {
  it("asks first, naming the group and position, and saves only once the administrator agrees", async () => {
    serveWhereUsed([FRONT_DESK]);
    const sent = serveEdit();
    const { user, history } = await renderEdit();
    await typeInto(user, "Extension", "1007", "Save");

    const dialog = await screen.findByRole("alertdialog", { name: "Change the extension of a park destination?" });
    expect(dialog).toHaveTextContent(
      "Used by the group Front desk as park destination 2 of 3: calls parked with #58 will land on 1007 instead of 1001, and are retrieved with *881007.",
    );
    expect(sent).toEqual([]);
    await user.click(within(dialog).getByRole("button", { name: "Change extension" }));
    await waitFor(() => expect(history.location.pathname).toBe(CALL_PARK_EXTENSIONS_PATH));
    expect(sent).toEqual([{ extension: "1007" }]);
  });

  it("saves nothing when the administrator goes back", async () => {
    serveWhereUsed([FRONT_DESK]);
    const sent = serveEdit();
    const { user, history } = await renderEdit();
    await typeInto(user, "Extension", "1007", "Save");
    const dialog = await screen.findByRole("alertdialog", { name: "Change the extension of a park destination?" });
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument());
    expect(sent).toEqual([]);
    expect(history.location.pathname).toBe(`${CALL_PARK_EXTENSIONS_PATH}/L1/CPE1`);
    expect(screen.getByRole("button", { name: "Save" })).toBeEnabled();
  });

  it("asks in Portuguese", async () => {
    serveWhereUsed([FRONT_DESK]);
    serveEdit();
    const { user } = await renderEdit("pt-BR");
    await typeInto(user, "Ramal", "1007", "Salvar");
    const dialog = await screen.findByRole("alertdialog", { name: "Alterar o ramal de um destino de estacionamento?" });
    expect(dialog).toHaveTextContent(
      "Usado pelo grupo Front desk como destino de estacionamento 2 de 3: as chamadas estacionadas com #58 vão cair em 1007 em vez de 1001 e serão recuperadas com *881007.",
    );
    expect(within(dialog).getByRole("button", { name: "Alterar ramal" })).toBeInTheDocument();
  });

  it("saves at once when no group uses it", async () => {
    const asked = serveWhereUsed([]);
    const sent = serveEdit();
    const { user, history } = await renderEdit();
    await typeInto(user, "Extension", "1007", "Save");
    await waitFor(() => expect(history.location.pathname).toBe(CALL_PARK_EXTENSIONS_PATH));
    expect(sent).toEqual([{ extension: "1007" }]);
    expect(asked).toHaveLength(1);
    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
  });

  it("asks nothing when only the name changes", async () => {
    const asked = serveWhereUsed([FRONT_DESK]);
    const sent = serveEdit();
    const { user, history } = await renderEdit();
    await typeInto(user, "Call park extension name", "Front park", "Save");
    await waitFor(() => expect(history.location.pathname).toBe(CALL_PARK_EXTENSIONS_PATH));
    expect(sent).toEqual([{ name: "Front park" }]);
    expect(asked).toEqual([]);
  });
});

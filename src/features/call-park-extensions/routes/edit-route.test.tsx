import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { afterEach, describe, expect, it } from "vitest";
import { api } from "@domain/api/endpoints";
import { sessionQuery } from "@/lib/session";
import { CALL_PARK_EXTENSIONS_PATH } from "@/lib/paths";
import { callParkExtension, LOCATIONS } from "@/test/fixtures";
import { mswPath } from "@/test/msw-path";
import { renderWithProviders } from "@/test/render";
import { server } from "@/test/server";
import { ToastOutlet } from "@/components/toast-outlet";
import { toastQueue } from "@/lib/toast";
import EditCallParkExtensionRoute from "./edit-route";

// The edit page saves only what the administrator changed, on the version they opened
// (If-Match); when someone else changed the extension meanwhile (412) it shows what
// changed and lets them reload that version or apply their change on top of it.

const OPENED = callParkExtension("CPE1", "Reception park", "1001", "L1");
const THEIRS = { ...OPENED, extension: "1009" };

interface Sent {
  ifMatch: string | null;
  body: unknown;
}

function serve({ refuseFirst }: { refuseFirst: boolean }) {
  const sent: Sent[] = [];
  let version = 1;
  server.use(
    http.get(mswPath(api.callParkExtensions.get), () =>
      HttpResponse.json(version === 1 ? OPENED : THEIRS, { headers: { etag: `"v${version}"` } }),
    ),
    http.get(mswPath(api.locations.get), ({ params }) => HttpResponse.json(LOCATIONS.find((l) => l.id === params.locationId))),
    http.post(mswPath(api.callParkExtensions.validateExtensions), () =>
      HttpResponse.json({ status: "OK", extensionStatus: [{ extension: "1001", state: "VALID" }] }),
    ),
    http.put(mswPath(api.callParkExtensions.update), async ({ request }) => {
      sent.push({ ifMatch: request.headers.get("if-match"), body: await request.json() });
      if (refuseFirst && sent.length === 1) {
        // Someone else changed the extension after this page opened it.
        version = 2;
        return HttpResponse.json(
          {
            message: "Beatriz Souza changed this…",
            errors: [{ description: "Beatriz Souza changed this…", errorCode: 4120 }],
            trackingId: "CPA_test",
            code: "changedMeanwhile",
            params: { context: "known", name: "Beatriz Souza", at: "2026-11-26T10:00:00.000Z" },
          },
          { status: 412 },
        );
      }
      return new HttpResponse(null, { status: 204 });
    }),
  );
  return sent;
}

async function renderEdit() {
  const rendered = await renderWithProviders(
    <>
      <EditCallParkExtensionRoute />
      <ToastOutlet />
    </>,
    {
      url: `${CALL_PARK_EXTENSIONS_PATH}/L1/CPE1`,
      path: `${CALL_PARK_EXTENSIONS_PATH}/:locationId/:id`,
    },
  );
  await waitFor(() => expect(rendered.queryClient.getQueryData(sessionQuery().queryKey)).toBeDefined());
  await screen.findByRole("heading", { level: 1, name: "Reception park" });
  return rendered;
}

async function rename(user: Awaited<ReturnType<typeof renderEdit>>["user"], name: string) {
  const field = screen.getByRole("textbox", { name: "Call park extension name" });
  await user.clear(field);
  await user.type(field, name);
  await user.click(screen.getByRole("button", { name: "Save" }));
}

describe("saving a call park extension", () => {
  it("sends only the changed field, with the ETag of the version opened", async () => {
    const sent = serve({ refuseFirst: false });
    const { user, history } = await renderEdit();
    await rename(user, "Front park");
    await waitFor(() => expect(history.location.pathname).toBe(CALL_PARK_EXTENSIONS_PATH));
    expect(sent).toEqual([{ ifMatch: '"v1"', body: { name: "Front park" } }]);
  });

  it("on 412 shows who changed what, and applies the administrator's change on top of theirs", async () => {
    const sent = serve({ refuseFirst: true });
    const { user, history } = await renderEdit();
    await rename(user, "Front park");

    const dialog = await screen.findByRole("alertdialog", { name: "Someone else changed this" });
    expect(dialog).toHaveTextContent(/Beatriz Souza changed it on .*2026.*, after you opened it\. Your changes have not been saved yet\./);
    const rows = within(dialog).getAllByRole("row").slice(1).map((row) => [...row.children].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ["Call park extension name", "Reception park", "Reception park", "Front park"],
      ["Extension", "1001", "1009", "Not changed"],
    ]);
    expect(history.location.pathname).toBe(`${CALL_PARK_EXTENSIONS_PATH}/L1/CPE1`);

    await user.click(within(dialog).getByRole("button", { name: "Apply my changes on top" }));
    await waitFor(() => expect(history.location.pathname).toBe(CALL_PARK_EXTENSIONS_PATH));
    expect(sent).toEqual([
      { ifMatch: '"v1"', body: { name: "Front park" } },
      { ifMatch: '"v2"', body: { name: "Front park" } },
    ]);
  });

  it("on 412 can reload their version instead: the form shows it and the next save is made on it", async () => {
    const sent = serve({ refuseFirst: true });
    const { user } = await renderEdit();
    await rename(user, "Front park");
    const dialog = await screen.findByRole("alertdialog", { name: "Someone else changed this" });
    await user.click(within(dialog).getByRole("button", { name: "Reload their version" }));

    await waitFor(() => expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument());
    expect(screen.getByRole("textbox", { name: "Extension" })).toHaveValue("1009");
    expect(screen.getByRole("textbox", { name: "Call park extension name" })).toHaveValue("Reception park");
    await rename(user, "Lobby park");
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1]).toEqual({ ifMatch: '"v2"', body: { name: "Lobby park" } });
  });
});

describe("saving a call park extension: an error's tracking ID", () => {
  afterEach(() => toastQueue.visibleToasts.forEach((toast) => toastQueue.close(toast.key)));

  it.each([
    ["from the error's body", { trackingId: "CPA_body" }, {}, "CPA_body"],
    ["from the TrackingID header", {}, { TrackingID: "CPA_header" }, "CPA_header"],
  ])(
    "the toast of a 412 whose latest version cannot be read shows it, %s, with a copy button",
    async (_where, body: Record<string, string>, headers: Record<string, string>, trackingId) => {
      serve({ refuseFirst: true });
      let reads = 0;
      server.use(
        http.get(mswPath(api.callParkExtensions.get), () => {
          reads++;
          // The page opens on the first read; the read after the 412 fails.
          if (reads === 1) return HttpResponse.json(OPENED, { headers: { etag: '"v1"' } });
          return HttpResponse.json(
            { message: "Internal error", errors: [{ description: "Internal error", errorCode: 5000 }], code: "internal", ...body },
            { status: 500, headers },
          );
        }),
      );
      const { user } = await renderEdit();
      await rename(user, "Front park");

      const toasts = await screen.findByRole("region", { name: "Notifications" });
      await waitFor(() => expect(toasts).toHaveTextContent(`Tracking ID: ${trackingId}`));
      expect(within(toasts).getByRole("button", { name: "Copy tracking ID" })).toBeInTheDocument();
      expect(screen.queryByRole("alertdialog", { name: "Someone else changed this" })).not.toBeInTheDocument();
    },
  );
});

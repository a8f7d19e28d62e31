import { act, screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { afterEach, describe, expect, it, vi } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import type { GatewayStatus } from "@domain/schemas/gateway-status";
import { queryRoots } from "@/lib/query-keys";
import { gatewayStatusQuery, sessionQuery } from "@/lib/session";
import { renderWithProviders } from "@/test/render";
import { recordRequests, server } from "@/test/server";
import { mswPath } from "@/test/msw-path";
import { gatewayStatusHandler } from "@/test/session";
import { syncRun, webexStatus } from "@/features/gateway/test-status";
import { GatewayBadge } from "./gateway-badge";

const STATUS = mswPath(api.gateway.status);
const SYNC = mswPath(api.gateway.sync);

afterEach(() => {
  vi.useRealTimers();
});

async function renderBadge(status?: GatewayStatus, language: "en" | "pt-BR" = "en") {
  if (status) server.use(gatewayStatusHandler(status));
  const rendered = await renderWithProviders(<GatewayBadge />, { language });
  await waitFor(() => expect(rendered.queryClient.getQueryData(gatewayStatusQuery().queryKey)).toBeDefined());
  return rendered;
}

/** The summary button that opens the details; its name is everything the badge says. */
const summary = (name: RegExp | string) => screen.findByRole("button", { name });

describe("Webex badge", () => {
  it("is absent on a standalone server: nothing at all is rendered", async () => {
    const { container, queryClient } = await renderBadge();
    expect(queryClient.getQueryData(gatewayStatusQuery().queryKey)).toMatchObject({ mode: "standalone" });
    expect(container).toBeEmptyDOMElement();
  });

  it("names Webex, the organization and how long ago it synchronized", async () => {
    await renderBadge(webexStatus());
    const button = await summary("Webex Acme Telecom Synchronized 3 minutes ago");
    expect(button).toHaveAttribute("aria-expanded", "false");
    expect(screen.getByRole("button", { name: "Synchronize now" })).not.toHaveAttribute("aria-disabled");
  });

  it("in Portuguese", async () => {
    await renderBadge(webexStatus(), "pt-BR");
    await summary("Webex Acme Telecom Sincronizado há 3 minutos");
    expect(screen.getByRole("button", { name: "Sincronizar agora" })).toBeInTheDocument();
  });

  it("says just now under a minute, yesterday a day ago, and that it never ran before the first run", async () => {
    server.use(gatewayStatusHandler(webexStatus({ lastSync: syncRun({ finishedAt: new Date().toISOString() }) })));
    const { queryClient, unmount } = await renderBadge();
    await summary("Webex Acme Telecom Synchronized just now");
    unmount();

    queryClient.clear();
    await renderBadge(webexStatus({ lastSync: syncRun({ finishedAt: new Date(Date.now() - 30 * 3_600_000).toISOString() }) }), "pt-BR");
    await summary("Webex Acme Telecom Sincronizado ontem");
  });

  it("says it has not synchronized yet, without an organization name before it is known", async () => {
    await renderBadge(webexStatus({ organization: undefined, lastSync: undefined }));
    await summary("Webex Not synchronized yet");
  });

  it("keeps the relative time true as time passes", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    await renderBadge(webexStatus());
    await summary("Webex Acme Telecom Synchronized 3 minutes ago");
    await act(() => vi.advanceTimersByTimeAsync(2 * 60_000));
    await summary("Webex Acme Telecom Synchronized 5 minutes ago");
  });
});

describe("Webex badge: Synchronize now", () => {
  /**
   * Webex mode, a click on Synchronize now, the sync answering "running", then the status,
   * read again 5 s later, saying the run ended with `drift` changes found outside the app.
   */
  async function synchronize(end: Partial<GatewayStatus["lastSync"]>, language: "en" | "pt-BR" = "en") {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const running = webexStatus({ syncing: true, lastSync: syncRun({ startedAt: new Date().toISOString(), finishedAt: undefined, outcome: "running" }) });
    const finished = webexStatus({ lastSync: syncRun({ ...end, startedAt: running.lastSync!.startedAt, finishedAt: new Date().toISOString() }) });
    let current = webexStatus();
    server.use(
      http.get(STATUS, () => HttpResponse.json(current)),
      http.post(SYNC, () => {
        current = running;
        return HttpResponse.json(running);
      }),
    );
    const recorder = recordRequests();
    const rendered = await renderWithProviders(<GatewayBadge />, { language });
    const button = await screen.findByRole("button", { name: language === "en" ? "Synchronize now" : "Sincronizar agora" });
    // Data a synchronisation may change, and data it never does.
    rendered.queryClient.setQueryData([...queryRoots.callParkExtensions, "count"], 6);
    rendered.queryClient.setQueryData(sessionQuery().queryKey, rendered.queryClient.getQueryData(sessionQuery().queryKey));

    await rendered.user.click(button);
    const runningName = language === "en" ? "Synchronizing…" : "Sincronizando…";
    await waitFor(() => expect(button).toHaveAccessibleName(runningName));
    expect(button).toHaveAttribute("aria-disabled", "true");
    expect(recorder.requests.filter((r) => r.method === "POST").map((r) => new URL(r.url).pathname)).toEqual([
      urlOf(api.gateway.sync, {}),
    ]);
    // While it runs, pressing again starts nothing.
    await rendered.user.click(button);
    expect(recorder.requests.filter((r) => r.method === "POST")).toHaveLength(1);
    const status = screen.getByRole("status");
    expect(status).toBeEmptyDOMElement();

    current = finished;
    await act(() => vi.advanceTimersByTimeAsync(5_000));
    await waitFor(() => expect(status).not.toBeEmptyDOMElement());
    expect(button).not.toHaveAttribute("aria-disabled");
    expect(rendered.queryClient.getQueryState([...queryRoots.callParkExtensions, "count"])?.isInvalidated).toBe(true);
    expect(rendered.queryClient.getQueryState(sessionQuery().queryKey)?.isInvalidated).toBe(false);
    return { ...rendered, status, button };
  }

  it.each([
    [0, "Synchronization with Webex finished. No changes made outside Call Park Admin were found."],
    [1, "Synchronization with Webex finished: 1 change made outside Call Park Admin was found."],
    [2, "Synchronization with Webex finished: 2 changes made outside Call Park Admin were found."],
  ])("starts a run, shows it running, and announces its end with %i change(s) found outside", async (drift, message) => {
    const { status, button } = await synchronize({ drift });
    expect(status).toHaveTextContent(message);
    expect(button).toHaveAccessibleName("Synchronize now");
    await summary("Webex Acme Telecom Synchronized just now");
  });

  it.each([
    [0, "Sincronização com o Webex concluída. Nenhuma alteração feita fora do Call Park Admin foi encontrada."],
    [1, "Sincronização com o Webex concluída: 1 alteração feita fora do Call Park Admin foi encontrada."],
    [2, "Sincronização com o Webex concluída: 2 alterações feitas fora do Call Park Admin foram encontradas."],
  ])("announces the end in Portuguese with %i change(s) found outside", async (drift, message) => {
    const { status } = await synchronize({ drift }, "pt-BR");
    expect(status).toHaveTextContent(message);
  });

  it("announces a failed run with its first error", async () => {
    const { status } = await synchronize({
      outcome: "failed",
      errors: [{ message: "Webex answered 503 Service Unavailable.", trackingId: "ROUTER_1" }, { message: "Second" }],
    });
    expect(status).toHaveTextContent("Synchronization with Webex failed: Webex answered 503 Service Unavailable.");
    await summary("Webex Acme Telecom Synchronization failed just now");
  });

  it("refreshes silently after a run it did not start (a scheduled one)", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let current = webexStatus({ syncing: true, lastSync: syncRun({ outcome: "running", finishedAt: undefined }) });
    server.use(http.get(STATUS, () => HttpResponse.json(current)));
    const { queryClient } = await renderWithProviders(<GatewayBadge />);
    await summary("Webex Acme Telecom Synchronizing…");
    queryClient.setQueryData([...queryRoots.locations, "list", {}], { items: [], total: 0 });

    current = webexStatus({ lastSync: syncRun({ drift: 4, finishedAt: new Date().toISOString() }) });
    await act(() => vi.advanceTimersByTimeAsync(5_000));
    await summary("Webex Acme Telecom Synchronized just now");
    expect(queryClient.getQueryState([...queryRoots.locations, "list", {}])?.isInvalidated).toBe(true);
    expect(screen.getByRole("status")).toBeEmptyDOMElement();
  });
});

describe("Webex badge: details", () => {
  it("starts a run from the popover, which then shows it running", async () => {
    let current = webexStatus();
    const running = webexStatus({ syncing: true, lastSync: syncRun({ startedAt: new Date().toISOString(), finishedAt: undefined, outcome: "running" }) });
    server.use(
      http.get(STATUS, () => HttpResponse.json(current)),
      http.post(SYNC, () => {
        current = running;
        return HttpResponse.json(running);
      }),
    );
    const { user } = await renderWithProviders(<GatewayBadge />);
    await user.click(await summary("Webex Acme Telecom Synchronized 3 minutes ago"));
    const dialog = await screen.findByRole("dialog", { name: "Synchronization with Webex" });
    await user.click(within(dialog).getByRole("button", { name: "Synchronize now" }));
    await waitFor(() => expect(within(dialog).getByRole("button", { name: "Synchronizing…" })).toHaveAttribute("aria-disabled", "true"));
    expect(within(dialog).getByText("Running")).toBeInTheDocument();
    expect(within(dialog).getByText("Still running")).toBeInTheDocument();
  });


  it("shows a failed run as such, its details and Webex tracking ID reachable from the keyboard", async () => {
    const failed = webexStatus({
      lastSync: syncRun({
        outcome: "failed",
        drift: 2,
        errors: [
          { message: "Webex refused the token: 401 Unauthorized.", trackingId: "ROUTER_5F2A" },
          { message: "Hunt groups of London could not be read." },
        ],
      }),
    });
    const { user } = await renderBadge(failed);
    const button = await summary("Webex Acme Telecom Synchronization failed 3 minutes ago");

    await user.tab();
    expect(button).toHaveFocus();
    await user.keyboard("{Enter}");
    const dialog = await screen.findByRole("dialog", { name: "Synchronization with Webex" });
    expect(button).toHaveAttribute("aria-expanded", "true");

    const terms = [...dialog.querySelectorAll("dt")].map((dt) => dt.textContent);
    const values = [...dialog.querySelectorAll("dd")].map((dd) => dd.textContent);
    expect(Object.fromEntries(terms.map((term, i) => [term, values[i]]))).toEqual({
      Organization: "Acme Telecom",
      "Webex API": "https://webexapis.com/v1",
      "Last synchronization": "Failed",
      Started: expect.any(String),
      Finished: expect.any(String),
      "Objects synchronized": "1,234",
      "Webex API requests": "37",
      "Changes found outside Call Park Admin": "2",
    });
    const errors = within(dialog).getByRole("region", { name: "Errors" });
    const items = within(errors).getAllByRole("listitem");
    expect(items[0]).toHaveTextContent("Webex refused the token: 401 Unauthorized.Webex tracking ID: ROUTER_5F2A");
    expect(items[1]).toHaveTextContent("Hunt groups of London could not be read.");

    // The way to the changes found outside, by keyboard, and Escape back to the badge.
    await user.tab();
    expect(within(dialog).getByRole("link", { name: "View the changes made outside Call Park Admin" })).toHaveFocus();
    expect(within(dialog).getByRole("link", { name: "View the changes made outside Call Park Admin" })).toHaveAttribute(
      "href",
      "/audit-log?origin=upstream",
    );
    // Synchronize now is there too (a narrow screen shows only the badge's icon).
    await user.tab();
    expect(within(dialog).getByRole("button", { name: "Synchronize now" })).toHaveFocus();
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    await waitFor(() => expect(button).toHaveFocus());
  });

  it("in Portuguese, without a run yet", async () => {
    const { user } = await renderBadge(webexStatus({ lastSync: undefined }), "pt-BR");
    await user.click(await summary("Webex Acme Telecom Ainda não sincronizado"));
    const dialog = await screen.findByRole("dialog", { name: "Sincronização com o Webex" });
    expect(dialog).toHaveTextContent("O Call Park Admin ainda não sincronizou com o Webex.");
    expect(within(dialog).queryByRole("link")).not.toBeInTheDocument();
  });
});

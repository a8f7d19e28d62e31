import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { api } from "@domain/api/endpoints";
import type { CallParkExtensionListItem } from "@domain/schemas/call-park-extension";
import CallParkExtensionListRoute from "@/features/call-park-extensions/routes/list-route";
import { webexStatus } from "@/features/gateway/test-status";
import { CALL_PARK_EXTENSIONS_PATH, FEATURES_PATH } from "@/lib/paths";
import { gatewayStatusQuery, sessionQuery } from "@/lib/session";
import { callParkExtension, locationsHandler } from "@/test/fixtures";
import { renderWithProviders } from "@/test/render";
import { server } from "@/test/server";
import { mswPath } from "@/test/msw-path";
import { gatewayStatusHandler } from "@/test/session";
import { AppShell } from "./app-shell";

const organizationHandler = http.get(mswPath(api.organizations.list), () =>
  HttpResponse.json({ items: [{ id: "ORG1", displayName: "Acme Telecom", created: "2024-01-01T00:00:00.000Z" }] }),
);

async function renderShell() {
  server.use(organizationHandler);
  const rendered = await renderWithProviders(<AppShell />, { url: FEATURES_PATH });
  await waitFor(() => expect(rendered.queryClient.getQueryData(gatewayStatusQuery().queryKey)).toBeDefined());
  // The user menu is the last thing the top bar loads.
  await waitFor(() => expect(screen.getByRole("button", { name: /Test Admin/ })).toBeEnabled());
  return rendered;
}

describe("the app shell in each gateway mode", () => {
  it("standalone: the top bar holds only its usual tools, and no banner shows", async () => {
    await renderShell();
    const header = screen.getByRole("banner");
    expect(header.querySelector(".top-bar-tools")!.children).toHaveLength(3);
    expect(within(header).queryByRole("button", { name: /Webex/ })).not.toBeInTheDocument();
    expect(within(header).queryByRole("button", { name: "Synchronize now" })).not.toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(screen.queryByRole("status")).not.toBeInTheDocument();
  });

  it("Webex: the badge in the top bar, the banners at the top of the main content", async () => {
    server.use(gatewayStatusHandler(webexStatus({ credential: "expired", readOnly: true, missingScopes: ["spark-admin:telephony_config_write"] })));
    await renderShell();
    const header = screen.getByRole("banner");
    expect(await within(header).findByRole("button", { name: "Webex Acme Telecom Synchronized 3 minutes ago" })).toBeInTheDocument();
    expect(within(header).getByRole("button", { name: "Synchronize now" })).toBeInTheDocument();

    const main = screen.getByRole("main");
    const alert = await within(main).findByRole("alert");
    expect(alert).toHaveTextContent("Webex cannot be reached.");
    expect(main.firstElementChild).toBe(alert);
    expect(within(main).getByText("Call Park Admin is read-only.").closest("[role=status]")).toBeInTheDocument();
  });
});

describe("a Webex token without the write scope: the screens are read-only", () => {
  const RECEPTION: CallParkExtensionListItem = callParkExtension("CPE1", "Reception park", "1001", "L1");

  async function renderList() {
    server.use(
      locationsHandler,
      http.get(mswPath(api.callParkExtensions.list), () =>
        HttpResponse.json({ callParkExtensions: [RECEPTION] }, { headers: { "X-Total-Count": "1" } }),
      ),
    );
    const rendered = await renderWithProviders(<CallParkExtensionListRoute />, { url: CALL_PARK_EXTENSIONS_PATH, path: CALL_PARK_EXTENSIONS_PATH });
    await waitFor(() => expect(rendered.queryClient.getQueryData(sessionQuery().queryKey)).toBeDefined());
    await waitFor(() => expect(rendered.queryClient.getQueryData(gatewayStatusQuery().queryKey)).toBeDefined());
    await screen.findByRole("link", { name: "Reception park" });
    return rendered;
  }

  it("a full administrator otherwise gets Add New, Edit and Delete on the call park extension list", async () => {
    server.use(gatewayStatusHandler(webexStatus()));
    await renderList();
    expect(await screen.findByRole("link", { name: "Add New" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Edit Reception park" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Delete Reception park" })).toBeInTheDocument();
  });

  it("with the gateway read-only, the same administrator sees the list without them", async () => {
    server.use(gatewayStatusHandler(webexStatus({ readOnly: true, missingScopes: ["spark-admin:telephony_config_write"] })));
    await renderList();
    expect(screen.queryByRole("link", { name: "Add New" })).not.toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "Edit Reception park" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Delete Reception park" })).not.toBeInTheDocument();
    // Reading stays, with the export of Bulk manage.
    expect(screen.getByRole("link", { name: "Bulk manage" })).toBeInTheDocument();
  });
});

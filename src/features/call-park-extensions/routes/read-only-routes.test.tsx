import { screen, waitFor } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { api } from "@domain/api/endpoints";
import { sessionQuery } from "@/lib/session";
import { callParkExtension, LOCATIONS, locationsHandler } from "@/test/fixtures";
import { renderWithProviders } from "@/test/render";
import { server } from "@/test/server";
import { mswPath } from "@/test/msw-path";
import { sessionHandler } from "@/test/session";
import CreateCallParkExtensionRoute from "./create-route";
import EditCallParkExtensionRoute from "./edit-route";
import { CALL_PARK_EXTENSIONS_PATH } from "@/lib/paths";

const RECEPTION = callParkExtension("CPE1", "Reception park", "1001", "L1");

async function waitForSession(queryClient: { getQueryData: (key: readonly unknown[]) => unknown }) {
  await waitFor(() => expect(queryClient.getQueryData(sessionQuery().queryKey)).toBeDefined());
}

async function renderEdit() {
  server.use(
    http.get(mswPath(api.callParkExtensions.get), () => HttpResponse.json(RECEPTION)),
    http.get(mswPath(api.locations.get), ({ params }) => HttpResponse.json(LOCATIONS.find((l) => l.id === params.locationId))),
  );
  const rendered = await renderWithProviders(<EditCallParkExtensionRoute />, {
    url: `${CALL_PARK_EXTENSIONS_PATH}/L1/CPE1`,
    path: `${CALL_PARK_EXTENSIONS_PATH}/:locationId/:id`,
  });
  await waitForSession(rendered.queryClient);
  await screen.findByRole("heading", { level: 1, name: "Reception park" });
  return rendered;
}

describe("call park extension pages for a read-only administrator", () => {
  it("Add New's address says they may not add, with no form", async () => {
    server.use(sessionHandler("READ_ONLY_ADMIN"), locationsHandler);
    const { queryClient } = await renderWithProviders(<CreateCallParkExtensionRoute />, { url: `${CALL_PARK_EXTENSIONS_PATH}/new` });
    await waitForSession(queryClient);
    expect(await screen.findByRole("note")).toHaveTextContent("View only. You can view call park extensions but not change them.");
    expect(screen.queryByRole("form")).not.toBeInTheDocument();
    expect(screen.queryByRole("textbox")).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Save" })).not.toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Call Park Extensions" })).toHaveAttribute("href", CALL_PARK_EXTENSIONS_PATH);
  });

  it("an extension's page shows its values as text, with no Save or Delete", async () => {
    server.use(sessionHandler("READ_ONLY_ADMIN"));
    await renderEdit();
    const details = screen.getByRole("region", { name: "Reception park" });
    await waitFor(() => expect(details).toHaveTextContent("São Paulo"));
    expect([...details.querySelectorAll("dd")].map((dd) => dd.textContent)).toEqual(["São Paulo", "Reception park", "1001"]);
    expect(screen.queryByRole("textbox")).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Save" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Delete" })).not.toBeInTheDocument();
    // Reading the audit log is every role's: the way to this extension's history stays.
    expect(screen.getByRole("link", { name: "View history of Reception park" })).toHaveAttribute("href", "/audit-log?objectId=CPE1");
  });

  it("the full administrator gets the form, Save and Delete there", async () => {
    await renderEdit();
    expect(screen.getByRole("textbox", { name: "Call park extension name" })).toHaveValue("Reception park");
    expect(screen.getByRole("button", { name: "Save" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Delete" })).toBeInTheDocument();
    const history = screen.getByRole("link", { name: "View history of Reception park" });
    expect(history).toHaveTextContent("View history");
    expect(history).toHaveAttribute("href", "/audit-log?objectId=CPE1");
  });
});

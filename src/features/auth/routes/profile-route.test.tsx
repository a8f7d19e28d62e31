import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { api } from "@domain/api/endpoints";
import type { AccessToken } from "@domain/schemas/auth";
import { apiErrorResponse, locationsHandler } from "@/test/fixtures";
import { renderWithProviders } from "@/test/render";
import { server } from "@/test/server";
import { mswPath } from "@/test/msw-path";
import { sessionHandler } from "@/test/session";
import { expectedDateTime, plainSpaces } from "@/test/local-date";
import ProfileRoute from "./profile-route";

const CI: AccessToken = { id: "T1", name: "CI pipeline", hint: "abcd", created: "2025-03-12T14:05:00.000Z", lastUsed: "2025-03-13T09:30:00.000Z" };

/** An access token API over an in-memory list; keeps the requests that changed it. */
function tokenApi(initial: AccessToken[]) {
  let items = [...initial];
  const created: unknown[] = [];
  const revoked: string[] = [];
  server.use(
    http.get(mswPath(api.people.listAccessTokens), () => HttpResponse.json({ items })),
    http.post(mswPath(api.people.createAccessToken), async ({ request }) => {
      const body = (await request.json()) as { name: string };
      created.push(body);
      const token = { id: "T9", name: body.name, hint: "wxyz", created: "2025-04-01T10:00:00.000Z" };
      items = [...items, token];
      return HttpResponse.json({ ...token, token: "cpa_secretvalue1234wxyz" }, { status: 201 });
    }),
    http.delete(mswPath(api.people.revokeAccessToken), ({ params }) => {
      revoked.push(String(params.tokenId));
      items = items.filter((t) => t.id !== params.tokenId);
      return new HttpResponse(null, { status: 204 });
    }),
  );
  return { created, revoked };
}

const renderProfile = (language: "en" | "pt-BR" = "en") => renderWithProviders(<ProfileRoute />, { url: "/profile", language });

describe("Profile", () => {
  it("shows the person, their role and their tokens with dates in the UI language", async () => {
    tokenApi([CI]);
    await renderProfile();
    expect(screen.getByRole("heading", { level: 1, name: "Profile" })).toBeInTheDocument();
    expect(await screen.findByText("Test Admin")).toBeInTheDocument();
    expect(screen.getByText("admin@example.com")).toBeInTheDocument();
    expect(screen.getByText("Full administrator")).toBeInTheDocument();
    expect(screen.getByText("Authorization: Bearer <token>")).toBeInTheDocument();
    const row = (await screen.findByRole("cell", { name: "CI pipeline" })).closest("tr")!;
    const format = (iso: string) => expectedDateTime(iso, "en", "short");
    expect(within(row).getAllByRole("cell").map((c) => plainSpaces(c.textContent))).toEqual([
      "CI pipeline",
      "…abcd",
      format(CI.created),
      format(CI.lastUsed!),
      "Revoke",
    ]);
  });

  it("says when there are no tokens, in Portuguese too", async () => {
    tokenApi([]);
    await renderProfile("pt-BR");
    expect(await screen.findByText("Você não tem tokens de acesso.")).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 2, name: "Tokens de acesso pessoais" })).toBeInTheDocument();
    expect(screen.getByText("Administrador completo")).toBeInTheDocument();
  });

  it("lists a location administrator's locations", async () => {
    server.use(sessionHandler("LOCATION_ADMIN", ["L1"]), locationsHandler);
    tokenApi([]);
    await renderProfile();
    expect(await screen.findByText("São Paulo")).toBeInTheDocument();
    expect(screen.getByText("Location administrator")).toBeInTheDocument();
    expect(screen.queryByText(/Campinas/)).not.toBeInTheDocument();
  });
});

describe("Profile: creating a token", () => {
  it("checks the name, then shows the token once, copies it, and forgets it on closing", async () => {
    const { created } = tokenApi([CI]);
    const { user } = await renderProfile();
    await user.click(await screen.findByRole("button", { name: "Create token" }));
    let dialog = await screen.findByRole("dialog", { name: "Create access token" });
    const name = within(dialog).getByLabelText("Token name");
    expect(name).toHaveFocus();

    await user.click(within(dialog).getByRole("button", { name: "Create token" }));
    expect(await within(dialog).findByText("This field is required.")).toBeInTheDocument();
    expect(created).toEqual([]);

    await user.type(name, "Nightly export{Enter}");
    dialog = await screen.findByRole("dialog", { name: "Access token created" });
    const value = within(dialog).getByLabelText("Your new access token");
    expect(value).toHaveValue("cpa_secretvalue1234wxyz");
    expect(value).toHaveAttribute("readonly");
    expect(value).toHaveFocus();
    expect(value).toHaveAccessibleDescription(/will not be shown again/);
    expect(created).toEqual([{ name: "Nightly export" }]);

    await user.click(within(dialog).getByRole("button", { name: "Copy" }));
    expect(await navigator.clipboard.readText()).toBe("cpa_secretvalue1234wxyz");

    await user.click(within(dialog).getByRole("button", { name: "Done" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(screen.queryByDisplayValue("cpa_secretvalue1234wxyz")).not.toBeInTheDocument();
    expect(document.body).not.toHaveTextContent("cpa_secretvalue1234wxyz");
    const row = (await screen.findByRole("cell", { name: "Nightly export" })).closest("tr")!;
    expect(row).toHaveTextContent("…wxyz");
    expect(row).toHaveTextContent("Never");

    // Opened again, it asks for a new name: the old token is gone for good.
    await user.click(screen.getByRole("button", { name: "Create token" }));
    dialog = await screen.findByRole("dialog", { name: "Create access token" });
    expect(within(dialog).getByLabelText("Token name")).toHaveValue("");
    expect(document.body).not.toHaveTextContent("cpa_secretvalue1234wxyz");
  });

  it("puts the server's issue on the name field", async () => {
    tokenApi([]);
    server.use(http.post(mswPath(api.people.createAccessToken), () => apiErrorResponse(400, "validation", { issues: [{ path: ["name"], code: "tooLong", params: { max: 80 } }] })));
    const { user } = await renderProfile();
    await user.click(await screen.findByRole("button", { name: "Create token" }));
    const dialog = await screen.findByRole("dialog", { name: "Create access token" });
    await user.type(within(dialog).getByLabelText("Token name"), "x{Enter}");
    expect(await within(dialog).findByText("Enter at most 80 characters.")).toBeInTheDocument();
  });
});

describe("Profile: revoking a token", () => {
  it("asks first, then revokes it on the server and drops the row", async () => {
    const { revoked } = tokenApi([CI]);
    const { user } = await renderProfile();
    await user.click(await screen.findByRole("button", { name: "Revoke token CI pipeline" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Revoke access token" });
    expect(dialog).toHaveTextContent("“CI pipeline”");
    expect(revoked).toEqual([]);

    await user.click(within(dialog).getByRole("button", { name: "Revoke" }));
    await waitFor(() => expect(revoked).toEqual(["T1"]));
    expect(await screen.findByText("You have no access tokens.")).toBeInTheDocument();
    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
  });
});

import { screen, waitFor } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { sessionQuery } from "@/lib/session";
import { renderWithProviders } from "@/test/render";
import { recordRequests, server } from "@/test/server";
import { mswPath } from "@/test/msw-path";
import { sessionHandler } from "@/test/session";
import { UserMenu } from "./user-menu";

const assign = vi.fn();

beforeEach(() => {
  // jsdom cannot load another page; the sign-out's full reload is observed instead.
  vi.stubGlobal("location", { ...window.location, assign });
});
afterEach(() => {
  vi.unstubAllGlobals();
  assign.mockReset();
});

/** The menu's button, once the session is known: usable at once, its menu's code loading when wanted. */
async function menuButton() {
  const button = await screen.findByRole("button", { name: /Test Admin/ });
  expect(button).toBeEnabled();
  return button;
}

describe("User menu", () => {
  it("shows who is signed in and their role, and leads to the profile", async () => {
    const { user, history } = await renderWithProviders(<UserMenu />, { url: "/tasks", path: "*" });
    const button = await menuButton();
    expect(button).toHaveTextContent("Full administrator");

    await user.click(button);
    await user.click(await screen.findByRole("menuitem", { name: "Profile and access tokens" }));
    expect(history.location.pathname).toBe("/profile");
  });

  it("links to the API reference, a page of the server rather than a screen of the SPA", async () => {
    const { user } = await renderWithProviders(<UserMenu />);
    await user.click(await menuButton());
    // A plain link (a full page load of /docs), not a client-side route the SPA would answer with its 404.
    expect(await screen.findByRole("menuitem", { name: "API reference" })).toHaveAttribute("href", "/docs");
  });

  it("names the API reference in Portuguese", async () => {
    const { user } = await renderWithProviders(<UserMenu />, { language: "pt-BR" });
    await user.click(await menuButton());
    expect(await screen.findByRole("menuitem", { name: "Referência da API" })).toHaveAttribute("href", "/docs");
  });

  it("names the other roles in Portuguese", async () => {
    server.use(sessionHandler("LOCATION_ADMIN"));
    await renderWithProviders(<UserMenu />, { language: "pt-BR" });
    expect(await screen.findByRole("button", { name: /Test Admin/ })).toHaveTextContent("Administrador de local");
  });

  it("names a read-only administrator", async () => {
    server.use(sessionHandler("READ_ONLY_ADMIN"));
    await renderWithProviders(<UserMenu />);
    expect(await screen.findByRole("button", { name: /Test Admin/ })).toHaveTextContent("Read-only administrator");
  });

  it("signs out: ends the session on the server, forgets the cache, goes to sign-in", async () => {
    server.use(http.delete(mswPath(api.session.signOut), () => new HttpResponse(null, { status: 204 })));
    const { requests } = recordRequests();
    const { user, queryClient } = await renderWithProviders(<UserMenu />);
    await user.click(await menuButton());
    await user.click(await screen.findByRole("menuitem", { name: "Sign out" }));

    await waitFor(() => expect(assign).toHaveBeenCalledWith("/sign-in"));
    const signOut = requests.find((r) => r.method === "DELETE");
    expect(new URL(signOut!.url).pathname).toBe(urlOf(api.session.signOut));
    expect(signOut!.headers.get("x-csrf-token")).toBe("test-csrf-token");
    expect(queryClient.getQueryData(sessionQuery().queryKey)).toBeUndefined();
  });
});

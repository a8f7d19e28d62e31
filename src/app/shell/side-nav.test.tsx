import { screen, waitFor } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { api } from "@domain/api/endpoints";
import { FEATURES_PATH, TASKS_PATH } from "@/lib/paths";
import { renderWithProviders } from "@/test/render";
import { server } from "@/test/server";
import { mswPath } from "@/test/msw-path";
import { AppShell } from "./app-shell";

const organizationHandler = http.get(mswPath(api.organizations.list), () =>
  HttpResponse.json({ items: [{ id: "ORG1", displayName: "Acme Telecom", created: "2024-01-01T00:00:00.000Z" }] }),
);

// The shell on every address, so that following a link keeps it on screen.
async function renderShell(language: "en" | "pt-BR" = "en") {
  server.use(organizationHandler);
  const rendered = await renderWithProviders(<AppShell />, { url: FEATURES_PATH, path: "*", language });
  await waitFor(() => expect(screen.getByRole("button", { name: /Test Admin/ })).toBeEnabled());
  return rendered;
}

const navigation = (name = "Main") => screen.getByRole("navigation", { name });

describe("the navigation's Menu button (narrow screens)", () => {
  it("is a disclosure of the navigation: it says whether it is open and which element it opens", async () => {
    const { user } = await renderShell();
    const menu = screen.getByRole("button", { name: "Menu" });
    expect(menu).toHaveAttribute("aria-expanded", "false");
    expect(menu).toHaveAttribute("aria-controls", navigation().id);
    expect(navigation()).not.toHaveClass("side-nav-open");

    await user.click(menu);
    expect(menu).toHaveAttribute("aria-expanded", "true");
    expect(navigation()).toHaveClass("side-nav-open");

    await user.click(menu);
    expect(menu).toHaveAttribute("aria-expanded", "false");
    expect(navigation()).not.toHaveClass("side-nav-open");
  });

  it("closes on Escape and gives focus back to the button", async () => {
    const { user } = await renderShell();
    const menu = screen.getByRole("button", { name: "Menu" });
    await user.click(menu);
    // Escape from within the navigation, as from the button itself.
    screen.getByRole("link", { name: "Locations" }).focus();

    await user.keyboard("{Escape}");
    expect(menu).toHaveAttribute("aria-expanded", "false");
    expect(navigation()).not.toHaveClass("side-nav-open");
    expect(menu).toHaveFocus();
  });

  it("opens by keyboard and closes once a link is followed", async () => {
    const { user, history } = await renderShell();
    const menu = screen.getByRole("button", { name: "Menu" });
    menu.focus();
    await user.keyboard("{Enter}");
    expect(menu).toHaveAttribute("aria-expanded", "true");

    await user.click(screen.getByRole("link", { name: "Tasks" }));
    await waitFor(() => expect(history.location.pathname).toBe(TASKS_PATH));
    expect(menu).toHaveAttribute("aria-expanded", "false");
    expect(navigation()).not.toHaveClass("side-nav-open");
  });

  it("gives focus to the new page's main region once a link is followed, not to the page's <body>", async () => {
    const { user, history } = await renderShell();
    const menu = screen.getByRole("button", { name: "Menu" });
    menu.focus();
    await user.keyboard("{Enter}");
    const tasks = screen.getByRole("link", { name: "Tasks" });
    tasks.focus();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(history.location.pathname).toBe(TASKS_PATH));
    expect(menu).toHaveAttribute("aria-expanded", "false");
    await waitFor(() => expect(screen.getByRole("main")).toHaveFocus());
  });

  it("leaves focus alone on a navigation while the menu is closed", async () => {
    const { user, history } = await renderShell();
    const tasks = screen.getByRole("link", { name: "Tasks" });
    await user.click(tasks);
    await waitFor(() => expect(history.location.pathname).toBe(TASKS_PATH));
    expect(tasks).toHaveFocus();
  });

  it("is named in Portuguese too", async () => {
    await renderShell("pt-BR");
    expect(screen.getByRole("button", { name: "Menu" })).toHaveAttribute("aria-controls", navigation("Principal").id);
  });
});

import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { api } from "@domain/api/endpoints";
import { sessionQuery } from "@/lib/session";
import { renderWithProviders } from "@/test/render";
import { server } from "@/test/server";
import { mswPath } from "@/test/msw-path";
import { sessionHandler } from "@/test/session";
import { CallParkCard } from "./call-park-card";

async function renderCard() {
  server.use(
    http.get(mswPath(api.callParks.orgList), () => HttpResponse.json({ callParks: [] }, { headers: { "X-Total-Count": "3" } })),
  );
  const rendered = await renderWithProviders(<CallParkCard />, { url: "/features", path: "/features" });
  expect(await screen.findByText("3 call park groups")).toBeInTheDocument();
  await waitFor(() => expect(rendered.queryClient.getQueryData(sessionQuery().queryKey)).toBeDefined());
  return rendered;
}

describe("Call Park Group card: what each role may do", () => {
  it("gives the full administrator Add New, and a Manage menu with Bulk manage", async () => {
    const { user, history } = await renderCard();
    expect(screen.getByRole("link", { name: "Add New call park group" })).toBeInTheDocument();
    // A disabled stand-in shows until the menu's code has loaded.
    const manage = () => screen.getByRole("button", { name: "Manage call park groups" });
    await waitFor(() => expect(manage()).toBeEnabled());
    await user.click(manage());
    const menu = await screen.findByRole("menu");
    expect(within(menu).getAllByRole("menuitem").map((item) => item.textContent)).toEqual(["Call park groups", "Bulk manage"]);
    await user.click(within(menu).getByRole("menuitem", { name: "Bulk manage" }));
    await waitFor(() => expect(history.location.pathname).toBe("/services/calling/features/call-parks/bulk"));
    // The dialog closes back to where it was opened.
    expect(history.location.state).toEqual({ from: "/features" });
  });

  it("shows a read-only administrator the count and the list, with no Add New", async () => {
    server.use(sessionHandler("READ_ONLY_ADMIN"));
    await renderCard();
    expect(screen.queryByRole("link", { name: "Add New call park group" })).not.toBeInTheDocument();
    expect(screen.getByRole("link", { name: "View call park groups" })).toHaveAttribute("href", "/services/calling/features/call-parks");
  });
});

import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { api } from "@domain/api/endpoints";
import { sessionQuery } from "@/lib/session";
import { renderWithProviders } from "@/test/render";
import { server } from "@/test/server";
import { mswPath } from "@/test/msw-path";
import { sessionHandler } from "@/test/session";
import { CallParkExtensionCard } from "./call-park-extension-card";

async function renderCard() {
  server.use(
    http.get(mswPath(api.callParkExtensions.list), () =>
      HttpResponse.json({ callParkExtensions: [] }, { headers: { "X-Total-Count": "7" } }),
    ),
  );
  const rendered = await renderWithProviders(<CallParkExtensionCard />, { url: "/features", path: "/features" });
  expect(await screen.findByText("7 call park extensions")).toBeInTheDocument();
  return rendered;
}

async function openManage(user: Awaited<ReturnType<typeof renderCard>>["user"]) {
  // A disabled stand-in shows until the menu's code has loaded.
  const manage = () => screen.getByRole("button", { name: "Manage call park extensions" });
  await waitFor(() => expect(manage()).toBeEnabled());
  await user.click(manage());
  return within(await screen.findByRole("menu")).getAllByRole("menuitem").map((item) => item.textContent);
}

describe("Call Park Extension card: what each role may do", () => {
  it("gives the full administrator Add New, and Add a range", async () => {
    const { user } = await renderCard();
    expect(await screen.findByRole("link", { name: "Add New call park extension" })).toBeInTheDocument();
    expect(await openManage(user)).toEqual(["Call park extensions", "Bulk manage", "Add a range"]);
  });

  it("shows a read-only administrator the count and the list, with no Add New", async () => {
    server.use(sessionHandler("READ_ONLY_ADMIN"));
    const { user, queryClient } = await renderCard();
    await waitFor(() => expect(queryClient.getQueryData(sessionQuery().queryKey)).toBeDefined());
    expect(screen.queryByRole("link", { name: "Add New call park extension" })).not.toBeInTheDocument();
    // Bulk manage stays in the menu: it offers the template and the export. Add a range imports: not for them.
    expect(await openManage(user)).toEqual(["Call park extensions", "Bulk manage"]);
  });
});

import type { UseQueryResult } from "@tanstack/react-query";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithProviders } from "@/test/render";
import { FeatureCard } from "./feature-card";

const count = { isSuccess: true, isError: false, data: 3 } as UseQueryResult<number>;
const props = {
  id: "card",
  title: "Call Park Extension",
  description: "Extensions reserved for parking calls.",
  count,
  countText: (n: number) => `${n} call park extensions`,
  addNew: { to: "/x/new", label: "Add New call park extension", text: "Add New" },
  manage: { to: "/x", label: "Manage call park extensions", text: "Manage" },
};

describe("FeatureCard", () => {
  it("links Manage to the list when it has no menu", async () => {
    await renderWithProviders(<FeatureCard {...props} />);
    expect(screen.getByRole("link", { name: "Manage call park extensions" })).toHaveAttribute("href", "/x");
  });

  it("opens Manage as a menu, each item going to its place, by keyboard too", async () => {
    const { user, history } = await renderWithProviders(
      <FeatureCard
        {...props}
        manageMenu={[
          { id: "list", text: "Call park extensions", to: "/x" },
          { id: "bulk", text: "Bulk manage", to: "/x/bulk" },
        ]}
      />,
      { url: "/features", path: "/features" },
    );
    // A plain button, usable at once; the menu's code loads when it is wanted.
    const manage = screen.getByRole("button", { name: "Manage call park extensions" });
    expect(manage).toBeEnabled();
    expect(screen.queryByRole("link", { name: "Manage call park extensions" })).not.toBeInTheDocument();

    manage.focus();
    await user.keyboard("{Enter}");
    const menu = await screen.findByRole("menu");
    expect(within(menu).getAllByRole("menuitem").map((i) => i.textContent)).toEqual(["Call park extensions", "Bulk manage"]);
    await user.keyboard("{ArrowDown}{Enter}");
    await waitFor(() => expect(history.location.pathname).toBe("/x/bulk"));
    expect(history.location.state).toEqual({ from: "/features" });
  });
});

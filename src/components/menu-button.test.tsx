import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "@/test/render";
import { MenuButton } from "./menu-button";

// Counts the loads of the menu's react-aria code, which must wait until the menu is wanted.
const popover = vi.hoisted(() => ({ loads: 0 }));
vi.mock("./menu-popover", async (importOriginal) => {
  popover.loads++;
  return importOriginal();
});

const ITEMS = [
  { id: "list", text: "Call park extensions" },
  { id: "bulk", text: "Bulk manage" },
  { id: "docs", text: "API reference", href: "/docs" },
];

async function renderMenu() {
  const onAction = vi.fn();
  const rendered = await renderWithProviders(
    <MenuButton className="btn" label="Manage call park extensions" items={ITEMS} onAction={onAction}>
      Manage
    </MenuButton>,
  );
  return { ...rendered, onAction, button: screen.getByRole("button", { name: "Manage call park extensions" }) };
}

describe("MenuButton", () => {
  it("draws a plain, enabled button at once; the menu's code loads only when the button is first hovered", async () => {
    const { user, button } = await renderMenu();
    expect(button).toBeEnabled();
    expect(button).toHaveAttribute("aria-haspopup", "true");
    expect(button).toHaveAttribute("aria-expanded", "false");
    expect(popover.loads).toBe(0);

    await user.hover(button);
    await waitFor(() => expect(popover.loads).toBe(1));
    expect(screen.queryByRole("menu")).not.toBeInTheDocument();
  });

  it("opens on a click, labelled by its button; an item's action runs and focus goes back to the button", async () => {
    const { user, button, onAction } = await renderMenu();
    await user.click(button);
    const menu = await screen.findByRole("menu", { name: "Manage call park extensions" });
    expect(button).toHaveAttribute("aria-expanded", "true");
    expect(button).toHaveAttribute("aria-controls", menu.id);
    expect(within(menu).getByRole("menuitem", { name: "API reference" })).toHaveAttribute("href", "/docs");

    await user.click(within(menu).getByRole("menuitem", { name: "Bulk manage" }));
    expect(onAction).toHaveBeenCalledWith("bulk");
    await waitFor(() => expect(screen.queryByRole("menu")).not.toBeInTheDocument());
    await waitFor(() => expect(button).toHaveFocus());
    expect(button).toHaveAttribute("aria-expanded", "false");
  });

  it("works from the keyboard: Enter to the first item, ArrowUp to the last, Escape back to the button", async () => {
    const { user, button, onAction } = await renderMenu();
    button.focus();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(screen.getByRole("menuitem", { name: "Call park extensions" })).toHaveFocus());
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("menu")).not.toBeInTheDocument());
    await waitFor(() => expect(button).toHaveFocus());

    await user.keyboard("{ArrowUp}");
    await waitFor(() => expect(screen.getByRole("menuitem", { name: "API reference" })).toHaveFocus());
    await user.keyboard("{ArrowUp}{Enter}");
    expect(onAction).toHaveBeenCalledWith("bulk");
    await waitFor(() => expect(button).toHaveFocus());
  });
});

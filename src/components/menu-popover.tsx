import type { RefObject } from "react";
import { Menu, MenuItem, Popover } from "react-aria-components";
import type { MenuButtonItem } from "./menu-button";

/**
 * The menu a MenuButton opens: react-aria's popover and menu (focus moved in and given
 * back, arrow keys, Escape, a click outside), anchored to the MenuButton's own button.
 * Loaded when the button is first hovered, focused or pressed, not with the screen.
 */
export default function MenuPopover({
  triggerRef,
  triggerId,
  menuId,
  isOpen,
  autoFocus,
  placement,
  items,
  onAction,
  onClose,
}: {
  triggerRef: RefObject<HTMLButtonElement | null>;
  triggerId: string;
  menuId: string;
  isOpen: boolean;
  autoFocus: "first" | "last" | true;
  placement: "bottom start" | "bottom end";
  items: MenuButtonItem[];
  onAction: (id: string) => void;
  onClose: () => void;
}) {
  return (
    <Popover
      className="popover"
      trigger="MenuTrigger"
      triggerRef={triggerRef}
      placement={placement}
      isOpen={isOpen}
      onOpenChange={(open) => !open && onClose()}
      aria-labelledby={triggerId}
    >
      <Menu
        id={menuId}
        className="listbox"
        aria-labelledby={triggerId}
        autoFocus={autoFocus}
        items={items}
        onAction={(key) => onAction(String(key))}
        onClose={onClose}
      >
        {(item) => (
          <MenuItem id={item.id} className="listbox-item" href={item.href}>
            {item.text}
          </MenuItem>
        )}
      </Menu>
    </Popover>
  );
}

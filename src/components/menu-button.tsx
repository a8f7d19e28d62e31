import { type KeyboardEvent, lazy, type MouseEvent, type ReactNode, Suspense, useId, useRef, useState } from "react";

export interface MenuButtonItem {
  id: string;
  text: string;
  /** A plain link (a full page load), rather than an action. */
  href?: string;
}

// react-aria's popover and menu are a good part of a screen's code: they load when the
// button is first hovered, focused or pressed, so a screen's first paint does without them.
const loadMenuPopover = () => import("./menu-popover");
const MenuPopover = lazy(loadMenuPopover);

type FocusStrategy = "first" | "last" | true;

/**
 * A button that opens a menu, as react-aria's MenuTrigger does (aria-haspopup, aria-expanded,
 * Enter, Space and the arrow keys open it, focus goes into it and back), drawn as a plain
 * button so that the menu's code waits until it is wanted.
 */
export function MenuButton({
  className,
  label,
  children,
  items,
  onAction,
  placement = "bottom start",
  isPending = false,
}: {
  className: string;
  /** The button's accessible name, when its content is not. */
  label?: string;
  children: ReactNode;
  items: MenuButtonItem[];
  onAction: (id: string) => void;
  placement?: "bottom start" | "bottom end";
  /** What the menu started is still running: the button stays, announced as unavailable. */
  isPending?: boolean;
}) {
  const triggerRef = useRef<HTMLButtonElement>(null);
  const triggerId = useId();
  const menuId = useId();
  const [focus, setFocus] = useState<FocusStrategy | null>(null);
  const [loaded, setLoaded] = useState(false);
  const isOpen = focus !== null;

  const open = (strategy: FocusStrategy) => {
    if (isPending) return;
    // Focus is given back here when the menu closes.
    triggerRef.current?.focus();
    setLoaded(true);
    setFocus(strategy);
  };
  const onClick = (event: MouseEvent) => {
    if (isOpen) return setFocus(null);
    // A click with no pointer behind it (a screen reader's) focuses the first item, as the keyboard does.
    open(event.detail === 0 ? "first" : true);
  };
  // As react-aria's MenuTrigger: Enter, Space and ArrowDown open on the first item, ArrowUp on the last.
  const onKeyDown = (event: KeyboardEvent) => {
    const strategy = ({ Enter: "first", " ": "first", ArrowDown: "first", ArrowUp: "last" } as const)[event.key];
    if (!strategy) return;
    event.preventDefault();
    open(strategy);
  };
  // Space would click the button on its way up: the menu is open already.
  const onKeyUp = (event: KeyboardEvent) => {
    if (event.key === " ") event.preventDefault();
  };

  return (
    <>
      <button
        ref={triggerRef}
        type="button"
        id={triggerId}
        className={className}
        aria-label={label}
        aria-haspopup="true"
        aria-expanded={isOpen}
        aria-controls={isOpen ? menuId : undefined}
        aria-disabled={isPending || undefined}
        data-pending={isPending || undefined}
        data-pressed={isOpen || undefined}
        onClick={onClick}
        onKeyDown={onKeyDown}
        onKeyUp={onKeyUp}
        onPointerEnter={() => void loadMenuPopover()}
        onFocus={() => void loadMenuPopover()}
      >
        {children}
      </button>
      {loaded && (
        <Suspense fallback={null}>
          <MenuPopover
            triggerRef={triggerRef}
            triggerId={triggerId}
            menuId={menuId}
            isOpen={isOpen}
            autoFocus={focus ?? true}
            placement={placement}
            items={items}
            onAction={onAction}
            onClose={() => setFocus(null)}
          />
        </Suspense>
      )}
    </>
  );
}

import { Button, Menu, MenuItem, MenuTrigger, Popover } from "react-aria-components";
import { useLocation, useNavigate } from "react-router";

export interface FeatureCardMenuItem {
  id: string;
  text: string;
  to: string;
}

/** A card's Manage as a menu of places to go. Loaded after the first screen (react-aria's overlays). */
export default function FeatureCardMenu({ label, text, items }: { label: string; text: string; items: FeatureCardMenuItem[] }) {
  const navigate = useNavigate();
  const here = useLocation();
  return (
    <MenuTrigger>
      <Button className="btn btn-secondary" aria-label={label}>
        {text}
        <span aria-hidden="true">▾</span>
      </Button>
      <Popover className="popover" placement="bottom start">
        <Menu
          className="listbox"
          items={items}
          onAction={(key) => {
            const item = items.find((i) => i.id === key);
            // A dialog opened from here (Bulk manage) closes back to here.
            if (item) navigate(item.to, { state: { from: `${here.pathname}${here.search}` } });
          }}
        >
          {(item) => (
            <MenuItem id={item.id} className="listbox-item">
              {item.text}
            </MenuItem>
          )}
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}

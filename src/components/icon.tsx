import arrowLeft from "@momentum-design/icons/dist/svg/arrow-left-regular.svg?raw";
import arrowRight from "@momentum-design/icons/dist/svg/arrow-right-regular.svg?raw";
import brightness from "@momentum-design/icons/dist/svg/brightness-high-regular.svg?raw";
import cancel from "@momentum-design/icons/dist/svg/cancel-regular.svg?raw";
import checkCircle from "@momentum-design/icons/dist/svg/check-circle-filled.svg?raw";
import remove from "@momentum-design/icons/dist/svg/delete-regular.svg?raw";
import edit from "@momentum-design/icons/dist/svg/edit-regular.svg?raw";
import language from "@momentum-design/icons/dist/svg/language-regular.svg?raw";
import list from "@momentum-design/icons/dist/svg/list-bulleted-regular.svg?raw";
import location from "@momentum-design/icons/dist/svg/location-regular.svg?raw";
import phone from "@momentum-design/icons/dist/svg/phone-regular.svg?raw";
import plus from "@momentum-design/icons/dist/svg/plus-bold.svg?raw";
import recents from "@momentum-design/icons/dist/svg/recents-regular.svg?raw";
import search from "@momentum-design/icons/dist/svg/search-regular.svg?raw";
import warning from "@momentum-design/icons/dist/svg/warning-regular.svg?raw";

// Only the Momentum icons the app shows are bundled.
const ICONS = {
  arrowLeft,
  arrowRight,
  brightness,
  cancel,
  checkCircle,
  remove,
  edit,
  language,
  list,
  location,
  phone,
  plus,
  recents,
  search,
  warning,
};
export type IconName = keyof typeof ICONS;

/** A decorative icon; the control it sits in carries the accessible name. */
export function Icon({ name, size = 16 }: { name: IconName; size?: number }) {
  return (
    <span
      className="icon"
      aria-hidden="true"
      style={{ width: size, height: size }}
      dangerouslySetInnerHTML={{ __html: ICONS[name] }}
    />
  );
}

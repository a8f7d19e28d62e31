import { useTranslation } from "@/lib/use-translation";
import { NavLink } from "react-router";
import { Icon } from "@/components/icon";
import { NAV_ICON_SIZE, NAV_SECTIONS } from "@/lib/nav-sections";

/** The id the top bar's Menu button controls. */
export const SIDE_NAV_ID = "side-nav";

/**
 * The left navigation. On a narrow screen (app.css) it is hidden behind the top bar's Menu
 * button until `open`; on a wide one it is always shown and `open` changes nothing.
 */
export function SideNav({ open = false }: { open?: boolean }) {
  const { t } = useTranslation();
  return (
    <nav id={SIDE_NAV_ID} className={open ? "side-nav side-nav-open" : "side-nav"} aria-label={t("nav.label")}>
      {NAV_SECTIONS.map((section) => (
        <div key={section.heading} className="side-nav-section">
          <h2 className="side-nav-heading">{t(section.heading)}</h2>
          <ul>
            {section.links.map((link) => (
              <li key={link.to}>
                <NavLink to={link.to} className="side-nav-link">
                  <Icon name={link.icon} size={NAV_ICON_SIZE} />
                  {t(link.label)}
                </NavLink>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}

/** The top bar's Menu button: a disclosure of the navigation, shown only where the navigation is collapsed (app.css). */
export function NavToggle({
  open,
  onToggle,
  buttonRef,
}: {
  open: boolean;
  onToggle: () => void;
  buttonRef?: React.Ref<HTMLButtonElement>;
}) {
  const { t } = useTranslation();
  return (
    <button
      ref={buttonRef}
      type="button"
      className="icon-button nav-toggle"
      aria-expanded={open}
      aria-controls={SIDE_NAV_ID}
      onClick={onToggle}
    >
      <span className="nav-toggle-bars" aria-hidden="true" />
      <span className="visually-hidden">{t("nav.menu")}</span>
    </button>
  );
}

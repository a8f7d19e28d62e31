import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { Icon, type IconName } from "@/components/icon";
import { AUDIT_LOG_PATH, CALLING_PATH, LOCATIONS_PATH, TASKS_PATH } from "@/lib/paths";

const SECTIONS: { heading: string; links: { to: string; label: string; icon: IconName }[] }[] = [
  { heading: "nav.management", links: [{ to: LOCATIONS_PATH, label: "nav.locations", icon: "location" }] },
  { heading: "nav.services", links: [{ to: CALLING_PATH, label: "nav.calling", icon: "phone" }] },
  {
    heading: "nav.monitoring",
    links: [
      { to: TASKS_PATH, label: "nav.tasks", icon: "list" },
      { to: AUDIT_LOG_PATH, label: "nav.auditLog", icon: "recents" },
    ],
  },
];

export function SideNav() {
  const { t } = useTranslation();
  return (
    <nav className="side-nav" aria-label={t("nav.label")}>
      {SECTIONS.map((section) => (
        <div key={section.heading} className="side-nav-section">
          <h2 className="side-nav-heading">{t(section.heading)}</h2>
          <ul>
            {section.links.map((link) => (
              <li key={link.to}>
                <NavLink to={link.to} className="side-nav-link">
                  <Icon name={link.icon} size={20} />
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

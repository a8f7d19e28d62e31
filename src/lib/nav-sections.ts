import type { IconName } from "@/components/icon";
import { AUDIT_LOG_PATH, CALL_PARK_HEALTH_PATH, CALLING_PATH, LOCATIONS_PATH, TASKS_PATH } from "./paths.js";

/**
 * The left navigation's sections (app/shell/side-nav.tsx): a heading and its links (translation keys of `common`).
 * Imports only addresses (and a type, which the build drops), so that the build's first paint
 * (scripts/vite-first-paint.ts) draws the same navigation in a screen's HTML.
 */
export const NAV_SECTIONS: readonly { heading: string; links: readonly { to: string; label: string; icon: IconName }[] }[] = [
  { heading: "nav.management", links: [{ to: LOCATIONS_PATH, label: "nav.locations", icon: "location" }] },
  { heading: "nav.services", links: [{ to: CALLING_PATH, label: "nav.calling", icon: "phone" }] },
  {
    heading: "nav.monitoring",
    links: [
      { to: CALL_PARK_HEALTH_PATH, label: "nav.healthCheck", icon: "checkCircle" },
      { to: TASKS_PATH, label: "nav.tasks", icon: "list" },
      { to: AUDIT_LOG_PATH, label: "nav.auditLog", icon: "recents" },
    ],
  },
];

/** The size of a navigation link's icon, in pixels. */
export const NAV_ICON_SIZE = 20;

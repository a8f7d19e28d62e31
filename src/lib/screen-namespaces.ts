// The translation namespaces of each screen at a fixed address, beyond the shared ones
// (INITIAL_NAMESPACES): the router loads them with the screen, and index.html's first-paint
// script (scripts/vite-first-paint.ts) asks for them as the HTML arrives on that address, beside
// the app's code rather than after it has run. Imports only the addresses, so the build's
// script can read it.
import { AUDIT_LOG_PATH, CALL_PARK_EXTENSIONS_PATH, CALL_PARK_HEALTH_PATH, CALL_PARKS_PATH, FEATURES_PATH, LOCATIONS_PATH, TASKS_PATH } from "./paths.js";

export const SCREEN_NAMESPACES = {
  // The cards of Services > Calling > Features.
  [FEATURES_PATH]: ["callParkExtensions", "callParkGroups"],
  [CALL_PARK_EXTENSIONS_PATH]: ["callParkExtensions"],
  [CALL_PARKS_PATH]: ["callParkGroups"],
  [CALL_PARK_HEALTH_PATH]: ["callParkHealth"],
  [LOCATIONS_PATH]: ["locations"],
  [TASKS_PATH]: ["tasks"],
  [AUDIT_LOG_PATH]: ["auditLog"],
} as const satisfies Record<string, readonly string[]>;

import { http, HttpResponse } from "msw";
import { api } from "@domain/api/endpoints";
import type { AdminRole } from "@domain/rules/access";
import type { Session } from "@domain/schemas/auth";
import type { GatewayStatus } from "@domain/schemas/gateway-status";
import { mswPath } from "./msw-path";

/** A session of the given role; a location administrator manages L1 (São Paulo in the fixtures). */
export function testSession(role: AdminRole = "FULL_ADMIN", locationIds: string[] = role === "LOCATION_ADMIN" ? ["L1"] : []): Session {
  return {
    me: { id: "ADMIN1", emails: ["admin@example.com"], displayName: "Test Admin", orgId: "ORG1", role, locationIds },
    csrfToken: "test-csrf-token",
    expires: "2099-01-01T00:00:00.000Z",
  };
}

/** api.session.get answering with a session of this role (the component tests' default: full administrator). */
export function sessionHandler(role: AdminRole = "FULL_ADMIN", locationIds?: string[]) {
  return http.get(mswPath(api.session.get), () => HttpResponse.json(testSession(role, locationIds)));
}

/** The gateway of a standalone server: the component tests' default (no Webex, nothing read-only). */
export const STANDALONE_GATEWAY: GatewayStatus = { mode: "standalone", missingScopes: [], readOnly: false, syncing: false };

/** api.gateway.status answering `status` (the component tests' default: standalone). */
export function gatewayStatusHandler(status: GatewayStatus = STANDALONE_GATEWAY) {
  return http.get(mswPath(api.gateway.status), () => HttpResponse.json(status));
}

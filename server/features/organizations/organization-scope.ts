import type { FastifyInstance } from "fastify";
import { API_BASE } from "@domain/api/endpoint";
import type { Db } from "@server/db/database";
import { HttpError } from "@server/http/errors";
import * as service from "./organizations.service";

/**
 * Webex's `orgId`, which every operation takes (every entry's query schema names it):
 * a partner administrator names the customer organisation a call acts on. This server
 * holds one organisation, which every administrator manages, so its own id (or none)
 * acts on it and any other id answers 403, as Webex answers for an organisation the
 * caller may not manage. Checked once here for every API route, on the raw query, after
 * access control (401 comes first) and before the body is read or the query validated.
 */
export function installOrganizationScope(app: FastifyInstance, { db }: { db: Db }) {
  app.addHook("onRequest", async (request) => {
    if (!request.routeOptions.config?.access || !request.routeOptions.url?.startsWith(`${API_BASE}/`)) return;
    const orgId = (request.query as Record<string, unknown> | undefined)?.orgId;
    // Absent or empty: this organisation. A repeated orgId (an array) is left to the query's validation.
    if (typeof orgId !== "string" || orgId === "") return;
    if (!(await service.isManagedOrganization(db, orgId))) throw new HttpError("organizationNotVisible");
  });
}

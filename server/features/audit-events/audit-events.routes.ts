import type { FastifyInstance } from "fastify";
import { api } from "@domain/api/endpoints";
import type { Db } from "@server/db/database";
import { listRoute, route } from "@server/http/route";
import { viewerOf } from "@server/features/auth/principal";
import * as service from "./audit-events.service";

const endpoints = api.auditEvents;

/** Ours: the organisation's audit log, newest first, within the viewer's locations. */
export async function auditEventRoutes(app: FastifyInstance, { db }: { db: Db }) {
  listRoute(app, endpoints.list, ({ query }, request) => service.listAuditEvents(db, viewerOf(request), query));

  route(app, endpoints.actors, async (_input, request) => ({
    items: await service.listAuditActors(db, viewerOf(request)),
  }));
}

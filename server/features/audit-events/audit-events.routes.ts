import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { locationScope } from "@domain/rules/access";
import {
  auditActorListSchema,
  auditEventListQuerySchema,
  auditEventListSchema,
  endOfRange,
  startOfRange,
} from "@domain/schemas/audit-event";
import type { Db } from "@server/db/database";
import { setPagingHeaders } from "@server/http/paging";
import { ACCESS, requirePrincipal } from "@server/features/auth/principal";
import * as repo from "./audit-events.repository";

/** Ours: the organisation's audit log, newest first, within the viewer's locations. */
export const auditEventRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    "/v1/auditEvents",
    { config: ACCESS.read, schema: { querystring: auditEventListQuerySchema, response: { 200: auditEventListSchema } } },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const { objectType, objectId, actorId, from, to, start, max } = request.query;
      const filter = {
        objectType,
        objectId,
        actorId,
        since: from ? startOfRange(from) : undefined,
        until: to ? endOfRange(to) : undefined,
      };
      const { items, total } = await repo.listAuditEvents(db, locationScope(principal), principal.id, filter, start, max);
      setPagingHeaders(request, reply, { start, max, total });
      return { items };
    },
  );

  app.get(
    "/v1/auditEvents/actors",
    { config: ACCESS.read, schema: { response: { 200: auditActorListSchema } } },
    async (request) => {
      const principal = requirePrincipal(request);
      return { items: await repo.listAuditActors(db, locationScope(principal), principal.id) };
    },
  );
};

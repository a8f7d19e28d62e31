import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { callParkSettingsSchema, callParkSettingsUpdateSchema } from "@domain/schemas/call-park-settings";
import type { Db } from "@server/db/database";
import * as service from "./call-park-settings.service";
import { ACCESS, actorOf } from "@server/features/auth/principal";

const params = z.object({ locationId: z.string().min(1).max(500) });
// Webex takes the organisation as a query parameter; this server holds one.
const querystring = z.object({ orgId: z.string().max(500).optional() });
const path = "/v1/telephony/config/locations/:locationId/callParks/settings";

export const callParkSettingsRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    path,
    { config: ACCESS.read, schema: { params, querystring, response: { 200: callParkSettingsSchema } } },
    async (request) => service.getCallParkSettings(db, request.params.locationId),
  );

  app.put(path, { config: ACCESS.write, schema: { params, querystring, body: callParkSettingsUpdateSchema } }, async (request, reply) => {
    await service.updateCallParkSettings(db, request.params.locationId, request.body, actorOf(request));
    return reply.code(204).send();
  });
};

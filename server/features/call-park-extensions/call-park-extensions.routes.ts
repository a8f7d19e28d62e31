import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  callParkExtensionCreateSchema,
  callParkExtensionListQuerySchema,
  callParkExtensionListSchema,
  callParkExtensionSchema,
  callParkExtensionUpdateSchema,
  validateExtensionsInputSchema,
  validateExtensionsResultSchema,
} from "@domain/schemas/call-park-extension";
import type { Db } from "@server/db/database";
import { setPagingHeaders } from "@server/http/paging";
import * as service from "./call-park-extensions.service";
import { ACCESS, actorOf, visibleLocationIds } from "@server/features/auth/principal";

const idParam = z.string().min(1).max(500);
const locationParams = z.object({ locationId: idParam });
const itemParams = z.object({ locationId: idParam, callParkExtensionId: idParam });
const created = z.object({ id: z.string() });

const base = "/v1/telephony/config/locations/:locationId";

export const callParkExtensionRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    "/v1/telephony/config/callParkExtensions",
    { config: ACCESS.read, schema: { querystring: callParkExtensionListQuerySchema, response: { 200: callParkExtensionListSchema } } },
    async (request, reply) => {
      const { start, max, order, locationId, name, extension, locationName, q } = request.query;
      const { items, total } = await service.listCallParkExtensions(
        db,
        { locationId, name, extension, locationName, q, locationIds: visibleLocationIds(request) },
        order,
        start,
        max,
      );
      setPagingHeaders(request, reply, { start, max, total });
      return { callParkExtensions: items };
    },
  );

  app.post(
    `${base}/callParkExtensions`,
    { config: ACCESS.write, schema: { params: locationParams, body: callParkExtensionCreateSchema, response: { 201: created } } },
    async (request, reply) => {
      const result = await service.createCallParkExtension(db, request.params.locationId, request.body, actorOf(request));
      return reply.code(201).send(result);
    },
  );

  app.get(
    `${base}/callParkExtensions/:callParkExtensionId`,
    { config: ACCESS.read, schema: { params: itemParams, response: { 200: callParkExtensionSchema.omit({ id: true }) } } },
    async (request) => service.getCallParkExtension(db, request.params.locationId, request.params.callParkExtensionId),
  );

  app.put(
    `${base}/callParkExtensions/:callParkExtensionId`,
    { config: ACCESS.write, schema: { params: itemParams, body: callParkExtensionUpdateSchema } },
    async (request, reply) => {
      const { locationId, callParkExtensionId } = request.params;
      await service.updateCallParkExtension(db, locationId, callParkExtensionId, request.body, actorOf(request));
      return reply.code(204).send();
    },
  );

  app.delete(
    `${base}/callParkExtensions/:callParkExtensionId`,
    { config: ACCESS.write, schema: { params: itemParams } },
    async (request, reply) => {
      const { locationId, callParkExtensionId } = request.params;
      await service.deleteCallParkExtension(db, locationId, callParkExtensionId, actorOf(request));
      return reply.code(204).send();
    },
  );

  app.post(
    `${base}/actions/validateExtensions/invoke`,
    {
      config: ACCESS.write,
      schema: {
        params: locationParams,
        body: validateExtensionsInputSchema,
        response: { 200: validateExtensionsResultSchema },
      },
    },
    async (request) => service.validateExtensions(db, request.params.locationId, request.body.extensions),
  );
};

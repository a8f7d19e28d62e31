import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  availableCallParkExtensionsQuerySchema,
  availableCallParkExtensionsSchema,
  availableRecallHuntGroupsQuerySchema,
  availableRecallHuntGroupsSchema,
  availableUsersQuerySchema,
  availableUsersSchema,
  callParkCreateSchema,
  callParkIdSchema,
  callParkListQuerySchema,
  callParkListSchema,
  callParkOrgListQuerySchema,
  callParkSchema,
  callParkUpdateSchema,
} from "@domain/schemas/call-park";
import type { Db } from "@server/db/database";
import { setPagingHeaders } from "@server/http/paging";
import * as available from "./call-parks.available";
import * as service from "./call-parks.service";
import { ACCESS, actorOf, visibleLocationIds } from "@server/features/auth/principal";

const idParam = z.string().min(1).max(500);
const locationParams = z.object({ locationId: idParam });
const itemParams = z.object({ locationId: idParam, callParkId: idParam });
// Webex's orgId is accepted everywhere and ignored: this server holds one organisation.
const orgQuery = z.object({ orgId: z.string().max(500).optional() });

const base = "/v1/telephony/config/locations/:locationId/callParks";

export const callParkRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  // Ours: the organisation's groups, for the Features card's count and an all-locations list.
  app.get(
    "/v1/telephony/config/callParks",
    { config: ACCESS.read, schema: { querystring: callParkOrgListQuerySchema, response: { 200: callParkListSchema } } },
    async (request, reply) => {
      const { start, max, order, locationId, name } = request.query;
      const { items, total } = await service.listCallParks(
        db,
        { locationId, name, locationIds: visibleLocationIds(request) },
        order,
        start,
        max,
      );
      setPagingHeaders(request, reply, { start, max, total });
      return { callParks: items };
    },
  );

  app.get(
    base,
    { config: ACCESS.read, schema: { params: locationParams, querystring: callParkListQuerySchema, response: { 200: callParkListSchema } } },
    async (request, reply) => {
      const { start, max, order, name } = request.query;
      const { items, total } = await service.listLocationCallParks(db, request.params.locationId, { name }, order, start, max);
      setPagingHeaders(request, reply, { start, max, total });
      return { callParks: items };
    },
  );

  app.post(
    base,
    { config: ACCESS.write, schema: { params: locationParams, querystring: orgQuery, body: callParkCreateSchema, response: { 201: callParkIdSchema } } },
    async (request, reply) => reply.code(201).send(await service.createCallPark(db, request.params.locationId, request.body, actorOf(request))),
  );

  app.get(
    `${base}/availableUsers`,
    { config: ACCESS.read, schema: { params: locationParams, querystring: availableUsersQuerySchema, response: { 200: availableUsersSchema } } },
    async (request, reply) => {
      const { start, max } = request.query;
      const { agents, total } = await available.availableUsers(db, request.params.locationId, request.query);
      setPagingHeaders(request, reply, { start, max, total });
      return { agents };
    },
  );

  app.get(
    `${base}/availableRecallHuntGroups`,
    {
      config: ACCESS.read,
      schema: {
        params: locationParams,
        querystring: availableRecallHuntGroupsQuerySchema,
        response: { 200: availableRecallHuntGroupsSchema },
      },
    },
    async (request, reply) => {
      const { start, max } = request.query;
      const { huntGroups, total } = await available.availableRecallHuntGroups(db, request.params.locationId, request.query);
      setPagingHeaders(request, reply, { start, max, total });
      return { huntGroups };
    },
  );

  // Ours: the location's call park extensions that a group may take as park destinations.
  app.get(
    `${base}/availableCallParkExtensions`,
    {
      config: ACCESS.read,
      schema: {
        params: locationParams,
        querystring: availableCallParkExtensionsQuerySchema,
        response: { 200: availableCallParkExtensionsSchema },
      },
    },
    async (request, reply) => {
      const { start, max, name, extension, callParkId, includeAssigned } = request.query;
      const filter = { name, extension, callParkId, includeAssigned };
      const result = await available.availableCallParkExtensions(db, request.params.locationId, filter, start, max);
      setPagingHeaders(request, reply, { start, max, total: result.total });
      return { callParkExtensions: result.callParkExtensions };
    },
  );

  app.get(
    `${base}/:callParkId`,
    { config: ACCESS.read, schema: { params: itemParams, querystring: orgQuery, response: { 200: callParkSchema } } },
    async (request) => service.getCallPark(db, request.params.locationId, request.params.callParkId),
  );

  app.put(
    `${base}/:callParkId`,
    { config: ACCESS.write, schema: { params: itemParams, querystring: orgQuery, body: callParkUpdateSchema, response: { 200: callParkIdSchema } } },
    async (request) => {
      const { locationId, callParkId } = request.params;
      return service.updateCallPark(db, locationId, callParkId, request.body, actorOf(request));
    },
  );

  app.delete(
    `${base}/:callParkId`,
    { config: ACCESS.write, schema: { params: itemParams, querystring: orgQuery } },
    async (request, reply) => {
      await service.deleteCallPark(db, request.params.locationId, request.params.callParkId, actorOf(request));
      return reply.code(204).send();
    },
  );
};

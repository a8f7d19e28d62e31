import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { locationListQuerySchema, locationListSchema, locationSchema } from "../../../domain/schemas/location";
import type { Db } from "../../db/database";
import { setPagingHeaders } from "../../http/paging";
import { listOrgLocations, requireLocation } from "./locations.service";

export const locationRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    "/v1/locations",
    { schema: { querystring: locationListQuerySchema, response: { 200: locationListSchema } } },
    async (request, reply) => {
      const { start, max, name, id } = request.query;
      const { items, total } = await listOrgLocations(db, { name, id }, start, max);
      setPagingHeaders(request, reply, { start, max, total });
      return { items };
    },
  );

  app.get(
    "/v1/locations/:locationId",
    {
      schema: {
        params: z.object({ locationId: z.string().max(500) }),
        response: { 200: locationSchema },
      },
    },
    async (request) => (await requireLocation(db, request.params.locationId)).location,
  );
};

import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  locationIncludeSchema,
  locationListQuerySchema,
  locationListSchema,
  locationWithCountsSchema,
} from "@domain/schemas/location";
import type { Db } from "@server/db/database";
import { setPagingHeaders } from "@server/http/paging";
import { listOrgLocations, requireLocation } from "./locations.service";
import { ACCESS, visibleLocationIds } from "@server/features/auth/principal";

export const locationRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    "/v1/locations",
    { config: ACCESS.read, schema: { querystring: locationListQuerySchema, response: { 200: locationListSchema } } },
    async (request, reply) => {
      const { start, max, name, id, include } = request.query;
      const withCounts = include === "callParkCounts";
      const { items, total } = await listOrgLocations(db, { name, id, locationIds: visibleLocationIds(request) }, start, max, { withCounts });
      setPagingHeaders(request, reply, { start, max, total });
      return { items };
    },
  );

  app.get(
    "/v1/locations/:locationId",
    {
      config: ACCESS.read,
      schema: {
        params: z.object({ locationId: z.string().max(500) }),
        querystring: z.object({ include: locationIncludeSchema, orgId: z.string().max(500).optional() }),
        response: { 200: locationWithCountsSchema },
      },
    },
    async (request) => {
      const withCounts = request.query.include === "callParkCounts";
      return (await requireLocation(db, request.params.locationId, { withCounts })).location;
    },
  );
};

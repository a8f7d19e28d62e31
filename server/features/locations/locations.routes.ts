import type { FastifyInstance } from "fastify";
import { api } from "@domain/api/endpoints";
import type { Db } from "@server/db/database";
import { listRoute, route } from "@server/http/route";
import { scopeOf } from "@server/features/auth/principal";
import { listOrgLocations, requireLocation } from "./locations.service";

const endpoints = api.locations;

export async function locationRoutes(app: FastifyInstance, { db }: { db: Db }) {
  listRoute(app, endpoints.list, ({ query }, request) => {
    const { start, max, name, id, include, order } = query;
    const withCounts = include === "callParkCounts";
    return listOrgLocations(db, { name, id, scope: scopeOf(request) }, start, max, { withCounts, order });
  }, { keepWhileUnchanged: db });

  route(app, endpoints.get, async ({ params, query }) => {
    const withCounts = query.include === "callParkCounts";
    return (await requireLocation(db, params.locationId, { withCounts })).location;
  });
}

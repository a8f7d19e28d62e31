import type { FastifyInstance } from "fastify";
import { api } from "@domain/api/endpoints";
import type { Db } from "@server/db/database";
import { listRoute, route } from "@server/http/route";
import { actorOf, scopeOf } from "@server/features/auth/principal";
import * as available from "./call-parks.available";
import * as service from "./call-parks.service";

const endpoints = api.callParks;

export async function callParkRoutes(app: FastifyInstance, { db }: { db: Db }) {
  // Ours: the organisation's groups, for the Features card's count and an all-locations list.
  listRoute(app, endpoints.orgList, ({ query }, request) => {
    const { start, max, order, locationId, name } = query;
    return service.listCallParks(db, { locationId, name, scope: scopeOf(request) }, order, start, max);
  });

  listRoute(app, endpoints.list, ({ params, query }) => {
    const { start, max, order, name } = query;
    return service.listLocationCallParks(db, params.locationId, { name }, order, start, max);
  });

  route(app, endpoints.create, ({ params, body }, request) =>
    service.createCallPark(db, params.locationId, body, actorOf(request)),
  );

  listRoute(app, endpoints.availableUsers, async ({ params, query }) => {
    const { agents, total } = await available.availableUsers(db, params.locationId, query);
    return { items: agents, total };
  });

  listRoute(app, endpoints.availableRecallHuntGroups, async ({ params, query }) => {
    const { huntGroups, total } = await available.availableRecallHuntGroups(db, params.locationId, query);
    return { items: huntGroups, total };
  });

  // Ours: the location's call park extensions that a group may take as park destinations.
  listRoute(app, endpoints.availableCallParkExtensions, async ({ params, query }) => {
    const { start, max, name, extension, callParkId, includeAssigned } = query;
    const filter = { name, extension, callParkId, includeAssigned };
    const { callParkExtensions, total } = await available.availableCallParkExtensions(db, params.locationId, filter, start, max);
    return { items: callParkExtensions, total };
  });

  route(app, endpoints.get, ({ params }) => service.getCallPark(db, params.locationId, params.callParkId));

  route(app, endpoints.update, ({ params, body, ifMatch }, request) =>
    service.updateCallPark(db, params.locationId, params.callParkId, body, actorOf(request), ifMatch),
  );

  route(app, endpoints.delete, async ({ params }, request) => {
    await service.deleteCallPark(db, params.locationId, params.callParkId, actorOf(request));
  });
}

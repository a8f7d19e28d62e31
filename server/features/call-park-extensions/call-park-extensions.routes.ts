import type { FastifyInstance } from "fastify";
import { api } from "@domain/api/endpoints";
import type { Db } from "@server/db/database";
import { listRoute, route } from "@server/http/route";
import { actorOf, scopeOf } from "@server/features/auth/principal";
import * as service from "./call-park-extensions.service";
import { suggestExtensions } from "./call-park-extensions.suggest";
import { whereUsed } from "./call-park-extensions.where-used";

const endpoints = api.callParkExtensions;

export async function callParkExtensionRoutes(app: FastifyInstance, { db }: { db: Db }) {
  listRoute(app, endpoints.list, async ({ query }, request) => {
    const { start, max, order, locationId, name, extension, locationName, q } = query;
    const filter = { locationId, name, extension, locationName, q, scope: scopeOf(request) };
    return service.listCallParkExtensions(db, filter, order, start, max);
  }, { keepWhileUnchanged: db });

  route(app, endpoints.create, ({ params, body }, request) =>
    service.createCallParkExtension(db, params.locationId, body, actorOf(request)),
  );

  route(app, endpoints.get, ({ params }) =>
    service.getCallParkExtension(db, params.locationId, params.callParkExtensionId),
  );

  route(app, endpoints.update, async ({ params, body, ifMatch }, request) => {
    await service.updateCallParkExtension(db, params.locationId, params.callParkExtensionId, body, actorOf(request), ifMatch);
  });

  route(app, endpoints.delete, async ({ params }, request) => {
    await service.deleteCallParkExtension(db, params.locationId, params.callParkExtensionId, actorOf(request));
  });

  route(app, endpoints.validateExtensions, ({ params, body }) =>
    service.validateExtensions(db, params.locationId, body.extensions),
  );

  route(app, endpoints.suggestExtensions, ({ params, body }) =>
    suggestExtensions(db, params.locationId, body.near, body.count, { exclude: body.exclude }),
  );

  route(app, endpoints.whereUsed, ({ params, body }) => whereUsed(db, params.locationId, body.ids));
}

import type { FastifyInstance } from "fastify";
import { api } from "@domain/api/endpoints";
import type { Db } from "@server/db/database";
import { route } from "@server/http/route";
import { actorOf } from "@server/features/auth/principal";
import * as service from "./call-park-settings.service";

const endpoints = api.callParkSettings;

export async function callParkSettingsRoutes(app: FastifyInstance, { db }: { db: Db }) {
  route(app, endpoints.get, ({ params }) => service.getCallParkSettings(db, params.locationId));

  route(app, endpoints.update, async ({ params, body, ifMatch }, request) => {
    await service.updateCallParkSettings(db, params.locationId, body, actorOf(request), ifMatch);
  });
}

import type { FastifyInstance } from "fastify";
import { api } from "@domain/api/endpoints";
import type { Db } from "@server/db/database";
import { route } from "@server/http/route";
import { actorOf } from "@server/features/auth/principal";
import * as service from "./simulation.service";

export async function simulationRoutes(app: FastifyInstance, { db }: { db: Db }) {
  // Ours: plays a script of parks over the location's configuration; nothing is written.
  route(app, api.callParks.simulate, ({ params, body }, request) =>
    service.simulateCallPark(db, params.locationId, body, actorOf(request)),
  );
}

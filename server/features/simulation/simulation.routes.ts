import type { FastifyInstance } from "fastify";
import { api } from "@domain/api/endpoints";
import type { Db } from "@server/db/database";
import { route } from "@server/http/route";
import { actorOf } from "@server/features/auth/principal";
import { playSimulation, scriptOf, wantsEventStream } from "./simulation-stream";
import * as service from "./simulation.service";

export async function simulationRoutes(app: FastifyInstance, { db }: { db: Db }) {
  // Ours: plays a script of parks over the location's configuration; nothing is written.
  route(app, api.callParks.simulate, ({ params, body }, request) =>
    service.simulateCallPark(db, params.locationId, body, actorOf(request)),
  );
  // The same, as server-sent events at its pace for a client that asks for them (EventSource
  // does); any other client (a script, the API docs' checks) gets the whole answer at once,
  // as the POST gives it. route() sends what a handler answers with the endpoint's status, a
  // stream included, so the stream is the answer; the cast is the table's JSON type.
  route(app, api.callParks.simulateStream, async ({ params, query }, request, reply) => {
    const result = await service.simulateCallPark(db, params.locationId, scriptOf(query.script), actorOf(request));
    if (!wantsEventStream(request)) return result;
    return playSimulation(reply, result, query.speed) as unknown as typeof result;
  });
}

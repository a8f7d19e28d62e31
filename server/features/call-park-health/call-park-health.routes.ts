import type { FastifyInstance } from "fastify";
import { api } from "@domain/api/endpoints";
import type { Db } from "@server/db/database";
import { route } from "@server/http/route";
import { scopeOf } from "@server/features/auth/principal";
import * as service from "./call-park-health.service";

export async function callParkHealthRoutes(app: FastifyInstance, { db }: { db: Db }) {
  // Ours: the organisation's findings, only of the locations the viewer may see.
  route(app, api.callParkHealth.get, ({ query }, request) =>
    service.callParkHealth(db, { scope: scopeOf(request), locationId: query.locationId, kind: query.kind }),
  );
}

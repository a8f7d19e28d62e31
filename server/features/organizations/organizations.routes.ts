import type { FastifyInstance } from "fastify";
import { api } from "@domain/api/endpoints";
import type { Db } from "@server/db/database";
import { route } from "@server/http/route";
import * as service from "./organizations.service";

/** As Webex: the organisations this administrator manages (here, one). */
export async function organizationRoutes(app: FastifyInstance, { db }: { db: Db }) {
  route(app, api.organizations.list, async () => ({ items: await service.listManagedOrganizations(db) }));
}

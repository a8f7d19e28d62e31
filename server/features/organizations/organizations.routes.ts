import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { organizationListSchema } from "@domain/schemas/location";
import type { Db } from "@server/db/database";
import { ACCESS } from "@server/features/auth/principal";

/** GET /v1/organizations, as Webex: the organisations this administrator manages (here, one). */
export const organizationRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get("/v1/organizations", { config: ACCESS.read, schema: { response: { 200: organizationListSchema } } }, async () => {
    const rows = await db.selectFrom("organizations").selectAll().orderBy("created_at").execute();
    return { items: rows.map((r) => ({ id: r.id, displayName: r.display_name, created: r.created_at })) };
  });
};

import type { FastifyInstance } from "fastify";
import { api } from "@domain/api/endpoints";
import type { GatewayStatus } from "@domain/schemas/gateway-status";
import { HttpError } from "@server/http/errors";
import { route } from "@server/http/route";
import type { Gateway } from "./gateway";

const STANDALONE: GatewayStatus = { mode: "standalone", missingScopes: [], readOnly: false, syncing: false };

/** Which organisation this server manages, and (Webex mode) its synchronisation on demand. */
export async function gatewayRoutes(app: FastifyInstance, { gateway }: { gateway?: Gateway }) {
  route(app, api.gateway.status, () => gateway?.status() ?? STANDALONE);
  route(app, api.gateway.sync, () => {
    if (!gateway) throw new HttpError("gatewayNotConfigured");
    // Answers at once: the status says when it ends (the SPA polls it).
    void gateway.sync();
    return gateway.status();
  });
}

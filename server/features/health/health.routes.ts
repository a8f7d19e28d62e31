import type { FastifyInstance } from "fastify";
import type { Db } from "@server/db/database";
import type { Gateway } from "@server/features/gateway/gateway";
import * as service from "./health.service";

// Probes for whatever runs the server (a load balancer, Kubernetes, systemd, a script
// waiting for the start): outside the API, so no session or token, always JSON, never
// cached. Their own request logs are left out: probes come every few seconds.

export const HEALTH_PATH = "/healthz";
export const READY_PATH = "/readyz";

const PROBE = { logLevel: "warn" } as const;

export async function healthRoutes(app: FastifyInstance, { db, gateway }: { db: Db; gateway?: Gateway }) {
  app.addHook("onSend", async (_request, reply) => {
    reply.header("cache-control", "no-store");
  });

  // The process is up and its event loop turns; nothing else is asked of it.
  app.get(HEALTH_PATH, PROBE, async () => ({ status: "ok" }));

  app.get(READY_PATH, PROBE, async (request, reply) => {
    const result = await service.readiness(db);
    // Webex mode: ready once the mirror holds the organisation (a first synchronisation ended well).
    if (result.ready && gateway && !gateway.synchronized) {
      return reply.code(503).send({ status: "unavailable", reason: "not yet synchronised with Webex" });
    }
    if (result.ready) return { status: "ready" };
    if (result.reason === "database unavailable") {
      request.log.warn({ err: result.error }, "not ready: the database does not answer");
      return reply.code(503).send({ status: "unavailable", reason: result.reason });
    }
    request.log.warn({ pending: result.pending }, "not ready: migrations pending");
    return reply.code(503).send({ status: "unavailable", reason: result.reason, pending: result.pending });
  });
}

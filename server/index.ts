import closeWithGrace from "close-with-grace";
import { buildApp } from "./app";
import { openDatabase } from "./db/database";
import { seedDemoOrganization } from "./db/seed";
import { readEnv } from "./env";
import { GatewayStartError } from "./features/gateway/gateway";
import { gatewayFromEnv } from "./features/gateway/start";

/**
 * The longest a graceful stop may take before the process ends anyway: under the 30 s an
 * orchestrator (Kubernetes, systemd's default) waits after SIGTERM before killing.
 */
const STOP_TIMEOUT_MS = 25_000;

async function main() {
  let env;
  try {
    env = readEnv();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  const db = await openDatabase(env.DATABASE_URL, { poolSize: env.DATABASE_POOL_SIZE });
  // Webex mode: the organisation comes from Webex (never the demo one); a credential
  // Webex does not take stops the start here, with what to do about it.
  const gateway = gatewayFromEnv(env, db);
  if (gateway) {
    try {
      await gateway.connect();
    } catch (error) {
      console.error(error instanceof GatewayStartError ? error.message : error);
      await db.destroy();
      process.exit(1);
    }
  } else if (env.SEED === "demo") await seedDemoOrganization(db);
  const app = await buildApp({ db, logger: { level: env.LOG_LEVEL }, serveSpa: true, adminToken: env.ADMIN_TOKEN, trustProxy: env.TRUST_PROXY, publicUrl: env.PUBLIC_URL, apiRateLimit: { max: env.API_RATE_LIMIT }, metricsToken: env.METRICS_TOKEN, gateway });

  // SIGTERM or SIGINT: stop accepting, close the idle keep-alive connections at once, let
  // the requests in flight finish (each answer closing its connection; a request still
  // arriving on an open one gets 503 shuttingDown: buildApp's stop hooks) and the import
  // batch in flight commit (its job carries on at the next start), then close the
  // database and exit 0, in seconds. Every request's handling finishes before the database
  // closes, even one whose client went away mid-request (no connection left to wait for, but
  // its handler runs on): app.close() waits for it. A second signal, or the timeout, ends
  // the process at once with 1: a batch or a request cut short rolls back whole, so that is
  // safe too. An uncaught error takes the same way out, with 1.
  closeWithGrace(
    {
      delay: STOP_TIMEOUT_MS,
      // Only for an error thrown by the stop itself.
      logger: app.log,
      onSecondSignal: (signal) => app.log.warn({ signal }, "second signal: stopping at once"),
      onTimeout: (delay) => app.log.error(`graceful stop timed out after ${delay} ms: stopping at once`),
    },
    async ({ signal, err }) => {
      if (err) app.log.error({ err }, "stopping after an uncaught error");
      else app.log.info({ signal }, "stopping: finishing the requests and the import batch in flight (a second signal stops at once)");
      // Fastify stops the import runner only once every request has been handled:
      // stop it now, beside them, so no new batch starts while they finish.
      await Promise.all([app.importJobs.stop(), app.close(), gateway?.stop()]);
      // Nothing uses the database any more: app.close() has waited for every handler.
      await db.destroy();
      app.log.info("stopped");
    },
  );

  const address = await app.listen({ port: env.PORT, host: env.HOST });
  app.log.info(`Call Park Admin is running at ${address}`);
  // Import jobs a stopped server left unfinished carry on (an atomic one starts over),
  // once the server already answers, so a long job never holds up the start.
  if (gateway) {
    app.log.info(`Webex mode: managing organisation ${gateway.organization?.id ?? ""} through ${gateway.config.apiUrl}`);
    // The first synchronisation fills the mirror; /readyz answers 503 until one has.
    const first = await gateway.sync();
    if (first.outcome === "failed") app.log.error({ errors: first.errors }, "the first synchronisation with Webex failed");
    gateway.schedule();
  }
  await app.importJobs.resumeUnfinished();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

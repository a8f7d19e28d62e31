import { buildApp } from "./app";
import { openDatabase } from "./db/database";
import { seedDemoOrganization } from "./db/seed";
import { readEnv } from "./env";

async function main() {
  let env;
  try {
    env = readEnv();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  const db = await openDatabase(env.DATABASE_URL);
  if (env.SEED === "demo") await seedDemoOrganization(db);
  const app = await buildApp({ db, logger: { level: env.LOG_LEVEL }, serveSpa: true, adminToken: env.ADMIN_TOKEN, trustProxy: env.TRUST_PROXY });
  const shutdown = async () => {
    await app.close();
    await db.destroy();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  const address = await app.listen({ port: env.PORT, host: env.HOST });
  app.log.info(`Call Park Admin is running at ${address}`);
  // Import jobs a stopped server left unfinished carry on (an atomic one starts over),
  // once the server already answers, so a long job never holds up the start.
  await app.importJobs.resumeUnfinished();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

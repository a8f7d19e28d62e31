import fastifyMultipart from "@fastify/multipart";
import type { FastifyError, FastifyInstance } from "fastify";
import { api } from "@domain/api/endpoints";
import { parseCallParkCsv } from "@domain/csv/call-park-csv";
import { MAX_CSV_BYTES } from "@domain/csv/csv-file";
import type { Db } from "@server/db/database";
import { HttpError } from "@server/http/errors";
import { pickLanguage } from "@server/http/messages";
import { listRoute, route } from "@server/http/route";
import { ImportJobRunner } from "./import-jobs.runner";
import * as service from "./import-jobs.service";
import type { GroupValues } from "./call-park-rows";
import { CSV_MEDIA_TYPE, csvTooLarge, DEFAULT_GROUP_FILE_NAME, MULTIPART_LIMITS, readCsvUpload } from "./import-jobs.upload";
import { exportCallParks } from "./call-park-export";
import { actorOf, scopeOf, viewerOf } from "@server/features/auth/principal";

declare module "fastify" {
  interface FastifyInstance {
    /** The background runner of import jobs; index.ts resumes unfinished jobs with it at start. */
    importJobs: ImportJobRunner;
  }
}

const endpoints = api.importJobs;
const groupEndpoints = api.callParkImportJobs;
const GROUPS = { parse: parseCallParkCsv, defaultFileName: DEFAULT_GROUP_FILE_NAME };

async function importJobRoutes(app: FastifyInstance, { db, runner }: { db: Db; runner: ImportJobRunner }) {
  // Both ways of sending a file, in this scope only: the rest of the API stays JSON.
  await app.register(fastifyMultipart, { limits: MULTIPART_LIMITS });
  app.addContentTypeParser(CSV_MEDIA_TYPE, { parseAs: "buffer", bodyLimit: MAX_CSV_BYTES }, (_request, body, done) =>
    done(null, body),
  );
  // Refusals met before a handler runs, said as this API's CSV problems; the app's handler sends them.
  app.setErrorHandler((error: FastifyError) => {
    if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE") throw csvTooLarge();
    if (error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") throw new HttpError("csvUnsupportedMediaType");
    throw error;
  });

  // The entries declare `upload: "csv"` and no body schema: readCsvUpload reads either form.
  route(app, endpoints.create, async ({ query }, request) => {
    const { rows, fileName } = await readCsvUpload(request, query.fileName);
    const job = await service.createJob(db, { rows, fileName, mode: query.mode }, actorOf(request));
    runner.enqueue(job.id);
    return job;
  });

  route(app, endpoints.preview, async ({ query }, request) => {
    const { rows } = await readCsvUpload(request, query.fileName);
    return service.previewImport(db, rows, query.mode, scopeOf(request));
  });

  listRoute(app, endpoints.list, ({ query }, request) => service.listJobs(db, viewerOf(request), query));

  route(app, endpoints.get, ({ params }, request) => service.getJob(db, params.jobId, viewerOf(request)));

  listRoute(app, endpoints.errors, async ({ params, query }, request, reply) => {
    const language = pickLanguage(request.headers["accept-language"]);
    const page = await service.listJobErrors(db, viewerOf(request), params.jobId, language, query);
    reply.header("content-language", language);
    return page;
  });

  // Call park groups: the same jobs, of the other kind (server/features/import-jobs/call-park-rows.ts).
  route(app, groupEndpoints.create, async ({ query }, request) => {
    const { rows, fileName } = await readCsvUpload(request, query.fileName, GROUPS);
    const job = await service.createJob(db, { kind: "callParks", rows, fileName, mode: query.mode }, actorOf(request));
    runner.enqueue(job.id);
    return job;
  });

  route(app, groupEndpoints.preview, async ({ query }, request) => {
    const { rows } = await readCsvUpload(request, query.fileName, GROUPS);
    return service.previewGroupImport(db, rows, query.mode, scopeOf(request));
  });

  listRoute(app, groupEndpoints.list, ({ query }, request) => service.listJobs(db, viewerOf(request), query, "callParks"));

  route(app, groupEndpoints.get, ({ params }, request) => service.getJob(db, params.jobId, viewerOf(request), "callParks"));

  listRoute(app, groupEndpoints.errors, async ({ params, query }, request, reply) => {
    const language = pickLanguage(request.headers["accept-language"]);
    const page = await service.listJobErrors<GroupValues>(db, viewerOf(request), params.jobId, language, query, "callParks");
    reply.header("content-language", language);
    return page;
  });

  route(app, groupEndpoints.export, ({ body }, request) => exportCallParks(db, scopeOf(request), body.locationId));
}

/** Registers the import job API and its runner, which the app stops (after its batch in flight) on close. */
export async function registerImportJobs(app: FastifyInstance, db: Db) {
  const runner = new ImportJobRunner(db, {}, app.log);
  app.decorate("importJobs", runner);
  app.addHook("onClose", () => runner.stop());
  await app.register(importJobRoutes, { db, runner });
}

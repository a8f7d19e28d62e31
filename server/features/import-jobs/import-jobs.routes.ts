import fastifyMultipart from "@fastify/multipart";
import type { FastifyError, FastifyInstance, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { MAX_CSV_BYTES } from "@domain/csv/call-park-extension-csv";
import {
  importJobErrorListSchema,
  importJobErrorsQuerySchema,
  importJobListQuerySchema,
  importJobListSchema,
  importJobSchema,
  importPreviewSchema,
  importUploadQuerySchema,
} from "@domain/schemas/import-job";
import type { Db } from "@server/db/database";
import { HttpError } from "@server/http/errors";
import { pickLanguage } from "@server/http/messages";
import { setPagingHeaders } from "@server/http/paging";
import { ImportJobRunner } from "./import-jobs.runner";
import * as service from "./import-jobs.service";
import { CSV_MEDIA_TYPE, csvTooLarge, MULTIPART_LIMITS, readCsvUpload } from "./import-jobs.upload";
import { ACCESS, actorOf, requirePrincipal, visibleLocationIds } from "@server/features/auth/principal";

declare module "fastify" {
  interface FastifyInstance {
    /** The background runner of import jobs; index.ts resumes unfinished jobs with it at start. */
    importJobs: ImportJobRunner;
  }
}

const BASE = "/v1/telephony/config/jobs/callParkExtensions";

function viewerOf(request: FastifyRequest): service.JobViewer {
  const locationIds = visibleLocationIds(request);
  return { id: requirePrincipal(request).id, ...(locationIds ? { locationIds } : {}) };
}
const jobParams = z.object({ jobId: z.string().min(1).max(500) });

const importJobRoutes: FastifyPluginAsyncZod<{ db: Db; runner: ImportJobRunner }> = async (app, { db, runner }) => {
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

  app.post(
    BASE,
    { config: ACCESS.write, schema: { querystring: importUploadQuerySchema, response: { 201: importJobSchema } } },
    async (request, reply) => {
      const { rows, fileName } = await readCsvUpload(request, request.query.fileName);
      const job = await service.createJob(db, { rows, fileName, mode: request.query.mode }, actorOf(request));
      runner.enqueue(job.id);
      return reply.code(201).send(job);
    },
  );

  app.post(
    `${BASE}/actions/preview/invoke`,
    { config: ACCESS.write, schema: { querystring: importUploadQuerySchema, response: { 200: importPreviewSchema } } },
    async (request) => {
      const { rows } = await readCsvUpload(request, request.query.fileName);
      return service.previewImport(db, rows, request.query.mode, visibleLocationIds(request));
    },
  );

  app.get(
    BASE,
    { config: ACCESS.read, schema: { querystring: importJobListQuerySchema, response: { 200: importJobListSchema } } },
    async (request, reply) => {
      const { status, start, max } = request.query;
      const { items, total } = await service.listJobs(db, viewerOf(request), status, start, max);
      setPagingHeaders(request, reply, { start, max, total });
      return { items };
    },
  );

  app.get(
    `${BASE}/:jobId`,
    { config: ACCESS.read, schema: { params: jobParams, response: { 200: importJobSchema } } },
    async (request) => service.getJob(db, request.params.jobId, viewerOf(request)),
  );

  app.get(
    `${BASE}/:jobId/errors`,
    { config: ACCESS.read, schema: { params: jobParams, querystring: importJobErrorsQuerySchema, response: { 200: importJobErrorListSchema } } },
    async (request, reply) => {
      const { start, max } = request.query;
      const language = pickLanguage(request.headers["accept-language"]);
      const { items, total } = await service.listJobErrors(db, viewerOf(request), request.params.jobId, language, start, max);
      setPagingHeaders(request, reply, { start, max, total });
      reply.header("content-language", language);
      return { items };
    },
  );
};

/** Registers the import job API and its runner, which the app stops (after its batch in flight) on close. */
export async function registerImportJobs(app: FastifyInstance, db: Db) {
  const runner = new ImportJobRunner(db, {}, app.log);
  app.decorate("importJobs", runner);
  app.addHook("onClose", () => runner.stop());
  await app.register(importJobRoutes, { db, runner });
}

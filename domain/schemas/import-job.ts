import { z } from "zod";
import { fieldIssueSchema } from "./api-error";
import { callParkUseSchema } from "./call-park-extension-usage";
import { pagingQuery } from "./paging";
import { sortOrder } from "./sort-order";

// Bulk import of call park extensions as jobs, modelled on Webex's jobs API
// (/v1/telephony/config/jobs/…): a job with an execution status and exit code,
// counts, and a list of per-row errors whose itemNumber is the CSV row.

export const IMPORT_JOB_NAME = "callParkExtensionsImport";

/** `partial`: the valid rows go in. `atomic`: nothing goes in unless every row is valid. */
export const IMPORT_MODES = ["partial", "atomic"] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export const JOB_EXECUTION_STATUSES = ["STARTED", "COMPLETED", "FAILED"] as const;
export type JobExecutionStatus = (typeof JOB_EXECUTION_STATUSES)[number];

export const JOB_EXIT_CODES = ["UNKNOWN", "COMPLETED", "COMPLETED_WITH_ERRORS", "FAILED"] as const;
export type JobExitCode = (typeof JOB_EXIT_CODES)[number];

/** What a row does, or would do: the same words in the preview and in the job. */
export const IMPORT_ROW_OUTCOMES = ["CREATE", "UPDATE", "DELETE", "UNCHANGED", "ERROR"] as const;
export type ImportRowOutcome = (typeof IMPORT_ROW_OUTCOMES)[number];

/** The list's filter: every job, those still running, those that ended with errors or failed. */
export const JOB_LIST_STATUSES = ["all", "active", "errors"] as const;
export type JobListStatus = (typeof JOB_LIST_STATUSES)[number];

const count = z.number().int().min(0);

export const importJobCountsSchema = z.object({
  total: count,
  processed: count,
  created: count,
  updated: count,
  deleted: count,
  unchanged: count,
  failed: count,
});
export type ImportJobCounts = z.output<typeof importJobCountsSchema>;

/** GET …/jobs/callParkExtensions/{jobId}, and the 201 answer of POST …/jobs/callParkExtensions. */
export const importJobSchema = z.object({
  id: z.string(),
  name: z.literal(IMPORT_JOB_NAME),
  fileName: z.string(),
  mode: z.enum(IMPORT_MODES),
  createdBy: z.string(),
  created: z.string(),
  updated: z.string(),
  finished: z.string().optional(),
  latestExecutionStatus: z.enum(JOB_EXECUTION_STATUSES),
  latestExecutionExitCode: z.enum(JOB_EXIT_CODES),
  counts: importJobCountsSchema,
  trackingId: z.string(),
});
export type ImportJob = z.output<typeof importJobSchema>;

export const importJobListSchema = z.object({ items: z.array(importJobSchema) });
export type ImportJobList = z.output<typeof importJobListSchema>;

/** The columns the task list sorts by: when it was started, its file, who started it, its status. */
export const JOB_SORT_FIELDS = ["created", "fileName", "createdBy", "status"] as const;
export type JobSortField = (typeof JOB_SORT_FIELDS)[number];

/**
 * Ours, like the whole jobs list: `order=fileName-asc`, `order=status-desc`… Without it the
 * list is newest first. Ties go by age, the same way round (oldest first in an ascending sort),
 * so paging never repeats or skips a job and the other direction is the list reversed.
 */
export const importJobOrderSchema = sortOrder<JobSortField>(
  { created: "created", filename: "fileName", createdby: "createdBy", status: "status" },
  { maxKeys: 2 },
);

/** Query of GET …/jobs/callParkExtensions. */
export const importJobListQuerySchema = z.object({
  status: z.enum(JOB_LIST_STATUSES, { error: "invalidValue" }).default("all"),
  order: importJobOrderSchema.optional(),
  ...pagingQuery,
});
/** The list's query as the server reads it and the Tasks screen keeps it (status and paging resolved). */
export type ImportJobListQuery = z.output<typeof importJobListQuerySchema>;

/** Query of POST …/jobs/callParkExtensions and of its preview. */
export const importUploadQuerySchema = z.object({
  mode: z.enum(IMPORT_MODES, { error: "invalidValue" }).default("partial"),
  /** The file's name for the job, when the body is sent as text/csv (multipart carries its own). */
  fileName: z.string().max(255, { error: "tooLong" }).optional(),
});

/** Query of GET …/jobs/callParkExtensions/{jobId}/errors. */
export const importJobErrorsQuerySchema = z.object({ ...pagingQuery });

export const importPreviewRowSchema = z.object({
  /** The CSV row, the header being row 1. */
  itemNumber: z.number().int(),
  location: z.string(),
  /** The location the row names, when there is one (the free extensions near a taken one are asked of it). */
  locationId: z.string().optional(),
  name: z.string(),
  extension: z.string(),
  action: z.string(),
  outcome: z.enum(IMPORT_ROW_OUTCOMES),
  /** The stored name an UPDATE replaces or a DELETE removes. */
  previousName: z.string().optional(),
  /**
   * A DELETE's call park extension, when a group parks on it: the group and the place the
   * extension holds in its hunting order, as the where-used endpoint says (its `callParks` item).
   */
  usedBy: callParkUseSchema.optional(),
  issues: z.array(fieldIssueSchema).optional(),
});
export type ImportPreviewRow = z.output<typeof importPreviewRowSchema>;

/** 200 answer of POST …/jobs/callParkExtensions/actions/preview/invoke: the dry run. */
export const importPreviewSchema = z.object({
  mode: z.enum(IMPORT_MODES),
  rows: z.array(importPreviewRowSchema),
  counts: z.object({
    create: count,
    update: count,
    delete: count,
    unchanged: count,
    error: count,
    total: count,
  }),
  /** False when an atomic import would apply nothing because a row has an error. */
  wouldApply: z.boolean(),
});
export type ImportPreview = z.output<typeof importPreviewSchema>;

export const importJobErrorSchema = z.object({
  itemNumber: z.number().int(),
  /** The row's cells as the file had them. */
  values: z.object({ location: z.string(), name: z.string(), extension: z.string(), action: z.string() }),
  /** As Webex's job errors: a key and the messages, in the request's language. */
  error: z.object({
    key: z.string(),
    message: z.array(z.object({ description: z.string(), code: z.string() })),
  }),
  issues: z.array(fieldIssueSchema),
});
export type ImportJobError = z.output<typeof importJobErrorSchema>;

/** GET …/jobs/callParkExtensions/{jobId}/errors. */
export const importJobErrorListSchema = z.object({ items: z.array(importJobErrorSchema) });
export type ImportJobErrorList = z.output<typeof importJobErrorListSchema>;

import { z } from "zod";
import { CALL_PARK_CSV_FIELDS } from "@domain/csv/call-park-csv";
import { RECALL_OPTIONS } from "@domain/rules/recall";
import { fieldIssueSchema } from "./api-error";
import {
  IMPORT_MODES,
  IMPORT_ROW_OUTCOMES,
  importJobErrorSchema,
  importJobSchema,
  importPreviewSchema,
} from "./import-job";

// Bulk import of call park groups as jobs, the same jobs as the call park extensions'
// import (…/jobs/callParkExtensions) under …/jobs/callParks: the same modes, statuses,
// counts, list and errors; only the rows differ.

export const CALL_PARK_IMPORT_JOB_NAME = "callParksImport";

/** GET …/jobs/callParks/{jobId}, and the 201 answer of POST …/jobs/callParks. */
export const callParkImportJobSchema = importJobSchema.extend({ name: z.literal(CALL_PARK_IMPORT_JOB_NAME) });
export type CallParkImportJob = z.output<typeof callParkImportJobSchema>;

export const callParkImportJobListSchema = z.object({ items: z.array(callParkImportJobSchema) });

export const callParkImportPreviewRowSchema = z.object({
  /** The CSV row, the header being row 1. */
  itemNumber: z.number().int(),
  name: z.string(),
  location: z.string(),
  /** The location the row names, when there is one. */
  locationId: z.string().optional(),
  action: z.string(),
  outcome: z.enum(IMPORT_ROW_OUTCOMES),
  /** An UPDATE: the columns whose values change. */
  changes: z.array(z.enum(CALL_PARK_CSV_FIELDS)).optional(),
  /** A DELETE: the members the group has now, who can no longer park with it. */
  members: z.array(z.string()).optional(),
  issues: z.array(fieldIssueSchema).optional(),
});
export type CallParkImportPreviewRow = z.output<typeof callParkImportPreviewRowSchema>;

/** 200 answer of POST …/jobs/callParks/actions/preview/invoke: the dry run. */
export const callParkImportPreviewSchema = importPreviewSchema.extend({
  mode: z.enum(IMPORT_MODES),
  rows: z.array(callParkImportPreviewRowSchema),
});
export type CallParkImportPreview = z.output<typeof callParkImportPreviewSchema>;

export const callParkImportJobErrorSchema = importJobErrorSchema.extend({
  /** The row's cells as the file had them. */
  values: z.object(Object.fromEntries(CALL_PARK_CSV_FIELDS.map((f) => [f, z.string()])) as Record<(typeof CALL_PARK_CSV_FIELDS)[number], z.ZodString>),
});
export type CallParkImportJobError = z.output<typeof callParkImportJobErrorSchema>;

/** GET …/jobs/callParks/{jobId}/errors. */
export const callParkImportJobErrorListSchema = z.object({ items: z.array(callParkImportJobErrorSchema) });

/** Body of POST …/jobs/callParks/actions/export/invoke (ours): every group the caller sees, or one location's. */
export const callParkExportInputSchema = z.strictObject({
  locationId: z.string({ error: "invalidType" }).min(1).max(500).optional(),
});

/**
 * A group as the CSV has it (`toCallParkCsv` writes these): members by email (people) or
 * name (workspaces, virtual lines, people without email), both lists in the group's order.
 */
export const callParkExportGroupSchema = z.object({
  name: z.string(),
  location: z.string(),
  recallOption: z.enum(RECALL_OPTIONS),
  huntGroup: z.string().optional(),
  members: z.array(z.string()),
  parkOnAgentsEnabled: z.boolean(),
  extensions: z.array(z.string()),
});

/** 200 answer of the export: groups by location name, then name. */
export const callParkExportSchema = z.object({ callParks: z.array(callParkExportGroupSchema) });
export type CallParkExport = z.output<typeof callParkExportSchema>;

import type { FieldIssue } from "../../../../domain/schemas/issues";

// The import-job contract of /v1/telephony/config/jobs/callParkExtensions, as the
// server answers it. (To be replaced by domain/schemas/import-job.ts once it exists.)

export type ImportMode = "partial" | "atomic";
export type JobStatus = "STARTED" | "COMPLETED" | "FAILED";
export type JobExitCode = "UNKNOWN" | "COMPLETED" | "COMPLETED_WITH_ERRORS" | "FAILED";
export const JOB_FILTERS = ["all", "active", "errors"] as const;
export type JobFilter = (typeof JOB_FILTERS)[number];

export interface ImportJobCounts {
  total: number;
  processed: number;
  created: number;
  updated: number;
  deleted: number;
  unchanged: number;
  failed: number;
}

export interface ImportJob {
  id: string;
  name: string;
  fileName: string;
  mode: ImportMode;
  createdBy: string;
  created: string;
  updated: string;
  finished?: string;
  latestExecutionStatus: JobStatus;
  latestExecutionExitCode: JobExitCode;
  counts: ImportJobCounts;
  trackingId: string;
}

export interface ImportJobError {
  itemNumber: number;
  values: { location: string; name: string; extension: string; action: string };
  error: { key: string; message: { description: string; code: string }[] };
  issues: FieldIssue[];
}

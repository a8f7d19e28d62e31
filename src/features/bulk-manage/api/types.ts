import type { FieldIssue } from "../../../../domain/schemas/issues";

// The import contract of /v1/telephony/config/jobs/callParkExtensions, as far as
// this feature uses it. (To be replaced by domain/schemas/import-job.ts once it exists.)

export type ImportMode = "partial" | "atomic";
export const IMPORT_MODES: ImportMode[] = ["partial", "atomic"];

export const OUTCOMES = ["CREATE", "UPDATE", "DELETE", "UNCHANGED", "ERROR"] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface PreviewRow {
  itemNumber: number;
  location: string;
  name: string;
  extension: string;
  action: string;
  outcome: Outcome;
  previousName?: string;
  issues?: FieldIssue[];
}

export interface ImportPreview {
  mode: ImportMode;
  rows: PreviewRow[];
  counts: { create: number; update: number; delete: number; unchanged: number; error: number; total: number };
  wouldApply: boolean;
}

/** What this feature reads of the job an import starts. */
export interface StartedJob {
  id: string;
  fileName: string;
}

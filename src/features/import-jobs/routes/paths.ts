import { JOB_LIST_STATUSES, type JobListStatus } from "@domain/schemas/import-job";

// Addresses of other features' screens: the contract between them, since features do
// not import each other.
/** Bulk manage is a child of the call park extension list, which shows behind it. */
export const CALL_PARK_EXTENSIONS_PATH = "/services/calling/features/call-park-extensions";
export const TASKS_PATH = "/tasks";
export const taskPath = (jobId: string) => `${TASKS_PATH}/${encodeURIComponent(jobId)}`;

/** The list's tab, as it lives in the URL (`?status=active`); All is the default. */
export const filterOf = (params: URLSearchParams): JobListStatus => {
  const status = params.get("status");
  return (JOB_LIST_STATUSES as readonly string[]).includes(status ?? "") ? (status as JobListStatus) : "all";
};

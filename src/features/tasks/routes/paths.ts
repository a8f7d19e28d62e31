import { JOB_LIST_STATUSES, type JobListStatus } from "../../../../domain/schemas/import-job";

export const TASKS_PATH = "/tasks";
export const taskPath = (jobId: string) => `${TASKS_PATH}/${encodeURIComponent(jobId)}`;

/** The list's tab, as it lives in the URL (`?status=active`); All is the default. */
export const filterOf = (params: URLSearchParams): JobListStatus => {
  const status = params.get("status");
  return (JOB_LIST_STATUSES as readonly string[]).includes(status ?? "") ? (status as JobListStatus) : "all";
};

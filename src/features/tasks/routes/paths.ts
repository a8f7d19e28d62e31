import { JOB_FILTERS, type JobFilter } from "../api/types";

export const TASKS_PATH = "/tasks";
export const taskPath = (jobId: string) => `${TASKS_PATH}/${encodeURIComponent(jobId)}`;

/** The list's tab, as it lives in the URL (`?status=active`); All is the default. */
export const filterOf = (params: URLSearchParams): JobFilter => {
  const status = params.get("status");
  return (JOB_FILTERS as readonly string[]).includes(status ?? "") ? (status as JobFilter) : "all";
};

import { queryOptions } from "@tanstack/react-query";
import { apiPage, apiRequest } from "../../../lib/api-client";
import { queryRoots } from "../../../lib/query-keys";
import type { ImportJob, ImportJobError, JobListStatus } from "../../../../domain/schemas/import-job";

export const JOBS_PATH = "/v1/telephony/config/jobs/callParkExtensions";
const jobPath = (id: string) => `${JOBS_PATH}/${encodeURIComponent(id)}`;

/** How often a running task is asked about, so its progress bar moves. */
export const RUNNING_POLL_MS = 1000;
const ERRORS_PAGE = 1000;

export interface TaskListParams {
  status: JobListStatus;
  start: number;
  max: number;
}

const isRunning = (job: ImportJob | undefined) => job?.latestExecutionStatus === "STARTED";

/** Every row error of a task, page after page. */
async function allErrors(id: string, signal?: AbortSignal): Promise<ImportJobError[]> {
  const items: ImportJobError[] = [];
  for (let start = 0; ; start += ERRORS_PAGE) {
    const page = await apiPage<ImportJobError, "items">(`${jobPath(id)}/errors`, "items", { start, max: ERRORS_PAGE }, signal);
    items.push(...page.items);
    if (page.items.length < ERRORS_PAGE || items.length >= page.total) return items;
  }
}

/** The one query-key factory of tasks (bulk import jobs). */
export const taskQueries = {
  all: () => queryRoots.importJobs,
  list: (params: TaskListParams) =>
    queryOptions({
      queryKey: [...taskQueries.all(), "list", params] as const,
      queryFn: ({ signal }) => apiPage<ImportJob, "items">(JOBS_PATH, "items", { ...params }, signal),
      placeholderData: (previous) => previous,
      refetchInterval: (query) => (query.state.data?.items.some(isRunning) ? RUNNING_POLL_MS * 2 : false),
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...taskQueries.all(), "detail", id] as const,
      queryFn: async ({ signal }) => (await apiRequest<ImportJob>(jobPath(id), { signal })).data,
      refetchInterval: (query) => (isRunning(query.state.data) ? RUNNING_POLL_MS : false),
    }),
  errors: (id: string) =>
    queryOptions({
      queryKey: [...taskQueries.all(), "errors", id] as const,
      queryFn: ({ signal }) => allErrors(id, signal),
    }),
};

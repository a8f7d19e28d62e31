import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { ItemOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { toCallParkExtensionCsv } from "@domain/csv/call-park-extension-csv";
import type { ImportJob, ImportJobError, ImportJobListQuery, ImportMode } from "@domain/schemas/import-job";
import { callApi, callApiPage } from "@/lib/api-client";
import { queryRoots } from "@/lib/query-keys";

const endpoints = api.importJobs;

/** How often a running task is asked about, so its progress bar moves. */
export const RUNNING_POLL_MS = 1000;
const ERRORS_PAGE = 1000;

/** The list's query as the screen sends it: `order` as written in the URL (`fileName-asc`), the server parses it. */
export type TaskListParams = Omit<ImportJobListQuery, "order"> & { order?: string };

const isRunning = (job: ImportJob | undefined) => job?.latestExecutionStatus === "STARTED";

/** Every row error of a task, page after page. */
async function allErrors(jobId: string, signal?: AbortSignal): Promise<ImportJobError[]> {
  const items: ImportJobError[] = [];
  for (let start = 0; ; start += ERRORS_PAGE) {
    const page = await callApiPage(endpoints.errors, { params: { jobId }, query: { start, max: ERRORS_PAGE }, signal });
    items.push(...page.items);
    if (page.items.length < ERRORS_PAGE || items.length >= page.total) return items;
  }
}

/** The one query-key factory of tasks (bulk import jobs). */
export const taskQueries = {
  all: () => queryRoots.importJobs,
  list: (query: TaskListParams) =>
    queryOptions({
      queryKey: [...taskQueries.all(), "list", query] as const,
      queryFn: ({ signal }) => callApiPage(endpoints.list, { query, signal }),
      placeholderData: (previous) => previous,
      refetchInterval: (query) => (query.state.data?.items.some(isRunning) ? RUNNING_POLL_MS * 2 : false),
    }),
  detail: (jobId: string) =>
    queryOptions({
      queryKey: [...taskQueries.all(), "detail", jobId] as const,
      queryFn: async ({ signal }) => (await callApi(endpoints.get, { params: { jobId }, signal })).data,
      refetchInterval: (query) => (isRunning(query.state.data) ? RUNNING_POLL_MS : false),
    }),
  errors: (jobId: string) =>
    queryOptions({
      queryKey: [...taskQueries.all(), "errors", jobId] as const,
      queryFn: ({ signal }) => allErrors(jobId, signal),
    }),
};

/** A file chosen for import; `id` tells two choices of the same file apart. */
export interface ChosenFile {
  id: number;
  file: File;
}

function fileBody(file: File): FormData {
  const body = new FormData();
  body.append("file", file, file.name);
  return body;
}

/** The one query-key factory of bulk manage: the server's dry run of a file. */
export const bulkManageQueries = {
  all: () => queryRoots.importPreviews,
  preview: (chosen: ChosenFile, mode: ImportMode) =>
    queryOptions({
      queryKey: [...bulkManageQueries.all(), chosen.id, mode, chosen] as const,
      queryFn: async ({ signal }) =>
        (await callApi(endpoints.preview, { query: { mode }, body: fileBody(chosen.file), signal })).data,
      // A dry run answers for the moment it ran; the admin runs it again by choosing the file again.
      staleTime: Infinity,
      gcTime: 0,
      // Switching the mode keeps the same file's rows on screen while they are checked again.
      placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[1] === chosen.id ? previous : undefined),
      refetchOnWindowFocus: false,
    }),
};

/** Submit: the file goes to the server as an import task. */
export function useStartImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ file, mode }: { file: File; mode: ImportMode }) =>
      (await callApi(endpoints.create, { query: { mode, fileName: file.name }, body: fileBody(file) })).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryRoots.importJobs }),
    meta: { successMessage: "bulkManage:toast.started" },
  });
}

const EXPORT_PAGE = 1000;

/** Every call park extension (of one location, or all), in the import file's format. */
export async function exportCallParkExtensionsCsv(locationId?: string): Promise<string> {
  const items: ItemOf<typeof api.callParkExtensions.list>[] = [];
  for (let start = 0; ; start += EXPORT_PAGE) {
    const page = await callApiPage(api.callParkExtensions.list, {
      query: { locationId, order: "locationName-asc,extension-asc", start, max: EXPORT_PAGE },
    });
    items.push(...page.items);
    if (page.items.length === 0 || items.length >= page.total) break;
  }
  return toCallParkExtensionCsv(items.map((i) => ({ location: i.locationName, name: i.name, extension: i.extension })));
}

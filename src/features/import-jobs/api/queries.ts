import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { ItemOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { toCallParkCsv } from "@domain/csv/call-park-csv";
import { toCallParkExtensionCsv } from "@domain/csv/call-park-extension-csv";
import type { CallParkImportJob, CallParkImportJobError, CallParkImportPreview } from "@domain/schemas/call-park-import";
import type { ImportJob, ImportJobError, ImportJobListQuery, ImportMode, ImportPreview } from "@domain/schemas/import-job";
import { callApi, callApiPage } from "@/lib/api-client";
import type { TaskKind } from "@/lib/paths";
import { queryRoots } from "@/lib/query-keys";

/**
 * Each kind's job endpoints: the same operations (create, preview, list, get, errors) under
 * …/jobs/callParkExtensions and …/jobs/callParks; only the rows differ.
 */
const ENDPOINTS = { callParkExtensions: api.importJobs, callParks: api.callParkImportJobs } satisfies Record<TaskKind, unknown>;

/** What the API answers for each kind. */
interface KindTypes {
  callParkExtensions: { job: ImportJob; error: ImportJobError; preview: ImportPreview };
  callParks: { job: CallParkImportJob; error: CallParkImportJobError; preview: CallParkImportPreview };
}
export type TaskJob<K extends TaskKind = TaskKind> = KindTypes[K]["job"];
export type TaskJobError<K extends TaskKind = TaskKind> = KindTypes[K]["error"];
export type TaskPreview<K extends TaskKind = TaskKind> = KindTypes[K]["preview"];

/** How often a running task is asked about, so its progress bar moves. */
export const RUNNING_POLL_MS = 1000;
const ERRORS_PAGE = 1000;

/** The list's query as the screen sends it: `order` as written in the URL (`fileName-asc`), the server parses it. */
export type TaskListParams = Omit<ImportJobListQuery, "order"> & { order?: string };

const isRunning = (job: TaskJob | undefined) => job?.latestExecutionStatus === "STARTED";

/** Every row error of a task, page after page. */
async function allErrors<K extends TaskKind>(kind: K, jobId: string, signal?: AbortSignal): Promise<TaskJobError<K>[]> {
  const items: TaskJobError[] = [];
  for (let start = 0; ; start += ERRORS_PAGE) {
    const page = await callApiPage(ENDPOINTS[kind].errors, { params: { jobId }, query: { start, max: ERRORS_PAGE }, signal });
    items.push(...page.items);
    if (page.items.length < ERRORS_PAGE || items.length >= page.total) return items as TaskJobError<K>[];
  }
}

/** The one query-key factory of tasks (bulk import jobs), each kind apart. */
export const taskQueries = {
  all: () => queryRoots.importJobs,
  list: (kind: TaskKind, query: TaskListParams) =>
    queryOptions({
      queryKey: [...taskQueries.all(), kind, "list", query] as const,
      queryFn: async ({ signal }) => {
        const page = await callApiPage(ENDPOINTS[kind].list, { query, signal });
        return page as { items: TaskJob[]; total: number };
      },
      placeholderData: (previous) => previous,
      refetchInterval: (query) => (query.state.data?.items.some(isRunning) ? RUNNING_POLL_MS * 2 : false),
    }),
  detail: <K extends TaskKind>(kind: K, jobId: string) =>
    queryOptions({
      queryKey: [...taskQueries.all(), kind, "detail", jobId] as const,
      queryFn: async ({ signal }) => (await callApi(ENDPOINTS[kind].get, { params: { jobId }, signal })).data as TaskJob<K>,
      refetchInterval: (query) => (isRunning(query.state.data) ? RUNNING_POLL_MS : false),
    }),
  errors: <K extends TaskKind>(kind: K, jobId: string) =>
    queryOptions({
      queryKey: [...taskQueries.all(), kind, "errors", jobId] as const,
      queryFn: ({ signal }) => allErrors(kind, jobId, signal),
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
  preview: <K extends TaskKind>(kind: K, chosen: ChosenFile, mode: ImportMode) =>
    queryOptions({
      queryKey: [...bulkManageQueries.all(), chosen.id, mode, kind, chosen] as const,
      queryFn: async ({ signal }) =>
        (await callApi(ENDPOINTS[kind].preview, { query: { mode }, body: fileBody(chosen.file), signal })).data as TaskPreview<K>,
      // A dry run answers for the moment it ran; the admin runs it again by choosing the file again.
      staleTime: Infinity,
      gcTime: 0,
      // Switching the mode keeps the same file's rows on screen while they are checked again.
      placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[1] === chosen.id ? previous : undefined),
      refetchOnWindowFocus: false,
    }),
};

/** Submit: the file goes to the server as an import task of its kind. */
export function useStartImport(kind: TaskKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ file, mode }: { file: File; mode: ImportMode }): Promise<TaskJob> =>
      (await callApi(ENDPOINTS[kind].create, { query: { mode, fileName: file.name }, body: fileBody(file) })).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryRoots.importJobs }),
    meta: { successMessage: "bulkManage:toast.started" },
  });
}

const EXPORT_PAGE = 1000;

/** Every call park extension (of one location, or all), in the import file's format. */
async function exportCallParkExtensionsCsv(locationId?: string): Promise<string> {
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

/** Every call park group (of one location, or all) as the server writes them for the file, in the import file's format. */
async function exportCallParksCsv(locationId?: string): Promise<string> {
  const { data } = await callApi(api.callParkImportJobs.export, { body: locationId ? { locationId } : {} });
  return toCallParkCsv(data.callParks);
}

/** A kind's current objects (of one location, or all), as a file its import reads back unchanged. */
export const exportCsv: Record<TaskKind, (locationId?: string) => Promise<string>> = {
  callParkExtensions: exportCallParkExtensionsCsv,
  callParks: exportCallParksCsv,
};

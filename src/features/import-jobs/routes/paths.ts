// Addresses of other features' screens: the contract between them, since features do
// not import each other.
/** Bulk manage is a child of the call park extension list, which shows behind it. */
export const CALL_PARK_EXTENSIONS_PATH = "/services/calling/features/call-park-extensions";
export const TASKS_PATH = "/tasks";
export const taskPath = (jobId: string) => `${TASKS_PATH}/${encodeURIComponent(jobId)}`;

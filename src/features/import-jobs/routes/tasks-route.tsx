import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { useTranslation } from "@/lib/use-translation";
import { Tab, TabList, TabPanel, Tabs } from "react-aria-components";
import type { LoaderArgs } from "@/lib/route-view";
import { z } from "zod";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { QueryView } from "@/components/query-view";
import { EmptyState } from "@/components/states";
import { TASK_KINDS } from "@/lib/paths";
import { queryClient } from "@/lib/query-client";
import { nextOrder, sortOf, sortParam } from "@/lib/sort-param";
import { defineListScreen, useListState } from "@/lib/use-list-state";
import { taskQueries, type TaskListParams } from "@/features/import-jobs/api/queries";
import {
  importJobListQuerySchema,
  JOB_LIST_STATUSES,
  JOB_SORT_FIELDS,
  type JobListStatus,
  type JobSortField,
} from "@domain/schemas/import-job";
import { TaskTable } from "@/features/import-jobs/components/task-table";
import { kindKey } from "@/features/import-jobs/import-kinds";
import "@/features/import-jobs/components/segmented.css";
import "@/features/import-jobs/tasks.css";

const PAGE_SIZE = 25;

/**
 * The kind of import (`kind`, call park extensions by default: each kind is its own list on
 * the server), the tab (`status`, All by default, as the API's), the sort
 * (`sort=fileName-asc`, newest first by default) and the page as they live in the URL; the
 * server sorts and pages.
 */
const taskList = defineListScreen({
  schema: z.object({
    kind: z.enum(TASK_KINDS).default("callParkExtensions"),
    status: importJobListQuerySchema.shape.status,
    sort: sortParam(JOB_SORT_FIELDS, "created-desc"),
    page: z.coerce.number().int().min(1).default(1),
  }),
  paging: { param: "page", size: PAGE_SIZE, counts: "pages" },
  toQuery: (state, start): TaskListParams => ({ status: state.status, order: state.sort, start, max: PAGE_SIZE }),
});

export async function loader({ url }: LoaderArgs) {
  const params = url.searchParams;
  await queryClient.ensureQueryData(taskQueries.list(taskList.read(params).kind, taskList.queryOf(params))).catch(() => undefined);
  return null;
}

/**
 * Tasks: the bulk imports of call park extensions or of call park groups, newest first or as
 * sorted, as All, Active or with Errors (all in the URL).
 */
export default function TasksRoute() {
  const { t } = useTranslation(["tasks", "common"]);
  const listState = useListState(taskList);
  const { kind, status } = listState.state;
  const kindChoice = useId();
  const list = useQuery(taskQueries.list(kind, listState.query));
  const { field: sort, direction } = sortOf(listState.state.sort);
  // The newest first is the useful first look at times; names and statuses read from A.
  const onSort = (field: JobSortField) =>
    listState.update({ sort: nextOrder(listState.state.sort, field, field === "created" ? "desc" : "asc") });

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <fieldset className="segmented task-kinds">
        <legend>{t("kinds.label")}</legend>
        {TASK_KINDS.map((k) => (
          <label key={k} className="segment">
            <input type="radio" name={kindChoice} value={k} checked={kind === k} onChange={() => listState.update({ kind: k })} />
            <span>{t(`kinds.${k}`)}</span>
          </label>
        ))}
      </fieldset>
      <Tabs
        selectedKey={status}
        onSelectionChange={(key) => listState.update({ status: key as JobListStatus })}
        keyboardActivation="manual"
      >
        <TabList aria-label={t("tabs.label")} className="tabs">
          {JOB_LIST_STATUSES.map((id) => (
            <Tab key={id} id={id} className="tab">
              {t(`tabs.${id}`)}
            </Tab>
          ))}
        </TabList>
        {JOB_LIST_STATUSES.map((id) => (
          <TabPanel key={id} id={id} className="tab-panel">
            <QueryView
              query={list}
              isEmpty={(data) => data.items.length === 0}
              empty={<EmptyState title={t(kindKey(kind, `empty.${id}`))} />}
            >
              {(data) => (
                <>
                  <TaskTable kind={kind} items={data.items} busy={list.isPlaceholderData} sorting={{ sort, direction, onSort }} />
                  <Pagination {...listState.pagination} total={data.total} />
                </>
              )}
            </QueryView>
          </TabPanel>
        ))}
      </Tabs>
    </>
  );
}

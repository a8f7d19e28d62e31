import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Tab, TabList, TabPanel, Tabs } from "react-aria-components";
import { type LoaderFunctionArgs, useSearchParams } from "react-router";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { QueryView } from "@/components/query-view";
import { EmptyState } from "@/components/states";
import { queryClient } from "@/lib/query-client";
import { taskQueries, type TaskListParams } from "@/features/import-jobs/api/queries";
import { JOB_LIST_STATUSES, type JobListStatus } from "@domain/schemas/import-job";
import { TaskTable } from "@/features/import-jobs/components/task-table";
import "@/features/import-jobs/tasks.css";
import { filterOf } from "./paths";

const PAGE_SIZE = 25;

function paramsOf(search: URLSearchParams): TaskListParams {
  const page = Math.max(0, Math.floor(Number(search.get("page") ?? 1) - 1) || 0);
  return { status: filterOf(search), start: page * PAGE_SIZE, max: PAGE_SIZE };
}

export async function loader({ request }: LoaderFunctionArgs) {
  await queryClient.ensureQueryData(taskQueries.list(paramsOf(new URL(request.url).searchParams))).catch(() => undefined);
  return null;
}

/** Tasks: the bulk imports, newest first, as All, Active or with Errors (the tab is in the URL). */
export default function TasksRoute() {
  const { t } = useTranslation(["tasks", "common"]);
  const [search, setSearch] = useSearchParams();
  const params = paramsOf(search);
  const list = useQuery(taskQueries.list(params));

  const show = (status: JobListStatus, page = 0) => {
    const next = new URLSearchParams();
    if (status !== "all") next.set("status", status);
    if (page > 0) next.set("page", String(page + 1));
    setSearch(next);
  };

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Tabs selectedKey={params.status} onSelectionChange={(key) => show(key as JobListStatus)} keyboardActivation="manual">
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
              empty={<EmptyState title={t(`empty.${id}`)} />}
            >
              {(data) => (
                <>
                  <TaskTable items={data.items} busy={list.isPlaceholderData} />
                  <Pagination
                    page={params.start / PAGE_SIZE}
                    pageSize={PAGE_SIZE}
                    total={data.total}
                    onPageChange={(page) => show(params.status, page)}
                  />
                </>
              )}
            </QueryView>
          </TabPanel>
        ))}
      </Tabs>
    </>
  );
}

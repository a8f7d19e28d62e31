import { useTranslation } from "react-i18next";
import { PageHeader } from "../../../components/page-header";
import { EmptyState } from "../../../components/states";

/** Tasks: where bulk changes are followed. Nothing starts a task yet, so it says so plainly. */
export default function TasksRoute() {
  const { t } = useTranslation("tasks");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <EmptyState title={t("empty")} />
    </>
  );
}

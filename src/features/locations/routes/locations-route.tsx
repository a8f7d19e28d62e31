import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { type LoaderFunctionArgs, useSearchParams } from "react-router";
import { PageHeader } from "../../../components/page-header";
import { QueryView } from "../../../components/query-view";
import { EmptyState } from "../../../components/states";
import { locationQueries } from "../../../lib/location-queries";
import { queryClient } from "../../../lib/query-client";

export async function loader({ request }: LoaderFunctionArgs) {
  const name = new URL(request.url).searchParams.get("q") ?? undefined;
  await queryClient.ensureQueryData(locationQueries.list({ name })).catch(() => undefined);
  return null;
}

/** Management > Locations: the organisation's locations. */
export default function LocationsRoute() {
  const { t } = useTranslation(["locations", "common"]);
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const list = useQuery(locationQueries.list({ name: q || undefined }));
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div role="search" className="toolbar" aria-label={t("title")}>
        <div className="field field-inline">
          <label htmlFor="location-search">{t("search")}</label>
          <input
            id="location-search"
            className="input"
            type="search"
            defaultValue={q}
            onChange={(e) => setParams(e.target.value ? { q: e.target.value } : {}, { replace: true })}
          />
        </div>
      </div>
      <QueryView query={list} isEmpty={(data) => data.items.length === 0} empty={<EmptyState title={t("empty")} />}>
        {(data) => (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">{t("title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("columns.name")}</th>
                  <th scope="col">{t("columns.address")}</th>
                  <th scope="col">{t("columns.timeZone")}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((l) => (
                  <tr key={l.id}>
                    <td>{l.name}</td>
                    <td>
                      {[l.address.address1, l.address.city, l.address.state, l.address.postalCode, l.address.country]
                        .filter(Boolean)
                        .join(", ")}
                    </td>
                    <td>{l.timeZone}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryView>
    </>
  );
}

import { useMutation, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { toCallParkExtensionCsv } from "@domain/csv/call-park-extension-csv";
import { LocationFilter } from "@/components/location-filter";
import { downloadTextFile } from "@/lib/download";
import { locationQueries } from "@/lib/location-queries";
import { exportCallParkExtensionsCsv } from "@/features/import-jobs/api/queries";

const fileSlug = (name: string) =>
  name
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/** Before you begin: the empty template, or the current call park extensions to edit. */
export function TemplateSection() {
  const { t } = useTranslation(["bulkManage", "common"]);
  const locations = useQuery(locationQueries.list());
  const [locationId, setLocationId] = useState("");
  const selectId = useId();
  const exportCsv = useMutation({
    mutationFn: async (id: string) => {
      const csv = await exportCallParkExtensionsCsv(id || undefined);
      const location = locations.data?.items.find((l) => l.id === id);
      downloadTextFile(`call-park-extensions${location ? `-${fileSlug(location.name)}` : ""}.csv`, csv);
    },
  });

  return (
    <section className="bulk-section" aria-labelledby="bulk-template-title">
      <h3 id="bulk-template-title">{t("template.title")}</h3>
      <p className="muted">{t("template.help")}</p>
      <ul className="bulk-columns">
        <li>{t("template.columnLocation")}</li>
        <li>{t("template.columnName")}</li>
        <li>{t("template.columnExtension")}</li>
        <li>{t("template.columnAction")}</li>
      </ul>
      <div className="bulk-row">
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => downloadTextFile("call-park-extensions-template.csv", toCallParkExtensionCsv([]))}
        >
          {t("template.download")}
        </button>
      </div>
      <h3>{t("export.title")}</h3>
      <p className="muted">{t("export.help")}</p>
      <div className="bulk-row">
        <LocationFilter id={selectId} value={locationId} onChange={setLocationId} />
        <button
          type="button"
          className="btn btn-secondary"
          disabled={exportCsv.isPending}
          onClick={() => exportCsv.mutate(locationId)}
        >
          {exportCsv.isPending ? t("export.exporting") : t("export.button")}
        </button>
      </div>
    </section>
  );
}

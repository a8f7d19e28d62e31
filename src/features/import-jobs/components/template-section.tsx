import { useMutation, useQuery } from "@tanstack/react-query";
import type { TFunction } from "@/lib/i18n";
import { useId, useState } from "react";
import { useTranslation } from "@/lib/use-translation";
import { CALL_PARK_CSV_FIELDS, LIST_SEPARATOR, toCallParkCsv } from "@domain/csv/call-park-csv";
import { toCallParkExtensionCsv } from "@domain/csv/call-park-extension-csv";
import { CALL_PARK_NAME_MAX } from "@domain/rules/call-park";
import { LocationFilter } from "@/components/location-filter";
import { downloadTextFile } from "@/lib/download";
import { locationQueries } from "@/lib/location-queries";
import type { TaskKind } from "@/lib/paths";
import { exportCsv } from "@/features/import-jobs/api/queries";
import { FILE_PREFIX, kindKey } from "@/features/import-jobs/import-kinds";

const fileSlug = (name: string) =>
  name
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/** What each kind's template says of its columns, one line each. */
const COLUMN_HELP: Record<TaskKind, readonly string[]> = {
  callParkExtensions: ["template.columnLocation", "template.columnName", "template.columnExtension", "template.columnAction"],
  callParks: CALL_PARK_CSV_FIELDS.map((field) => `callParks.template.column.${field}`),
};

/**
 * Each kind's template: the extensions' is the bare header; the groups' has one example row,
 * in the user's language, showing every column's format (a recall to a hunt group, a person
 * by email and a workspace by name, call park extensions in hunting order).
 */
const TEMPLATE: Record<TaskKind, (t: TFunction) => string> = {
  callParkExtensions: () => toCallParkExtensionCsv([]),
  callParks: (t) =>
    toCallParkCsv([
      {
        name: t("callParks.template.example.name"),
        location: t("callParks.template.example.location"),
        recallOption: "ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP",
        huntGroup: t("callParks.template.example.huntGroup"),
        members: [t("callParks.template.example.person"), t("callParks.template.example.workspace")],
        parkOnAgentsEnabled: false,
        extensions: ["8101", "8102"],
        action: "ADD",
      },
    ]),
};

/** Before you begin: the template of a `kind` file, or the current call park extensions or groups to edit. */
export function TemplateSection({ kind }: { kind: TaskKind }) {
  const { t } = useTranslation(["bulkManage", "common"]);
  const locations = useQuery(locationQueries.list());
  const [locationId, setLocationId] = useState("");
  const selectId = useId();
  const exported = useMutation({
    mutationFn: async (id: string) => {
      const csv = await exportCsv[kind](id || undefined);
      const location = locations.data?.items.find((l) => l.id === id);
      downloadTextFile(`${FILE_PREFIX[kind]}${location ? `-${fileSlug(location.name)}` : ""}.csv`, csv);
    },
  });

  return (
    <section className="bulk-section" aria-labelledby="bulk-template-title">
      <h3 id="bulk-template-title">{t("template.title")}</h3>
      <p className="muted">{t(kindKey(kind, "template.help"))}</p>
      <ul className="bulk-columns">
        {COLUMN_HELP[kind].map((key) => (
          <li key={key}>{t(key, { max: CALL_PARK_NAME_MAX, separator: LIST_SEPARATOR })}</li>
        ))}
      </ul>
      <div className="bulk-row">
        <button type="button" className="btn btn-secondary" onClick={() => downloadTextFile(`${FILE_PREFIX[kind]}-template.csv`, TEMPLATE[kind](t))}>
          {t("template.download")}
        </button>
      </div>
      <h3>{t(kindKey(kind, "export.title"))}</h3>
      <p className="muted">{t(kindKey(kind, "export.help"))}</p>
      <div className="bulk-row">
        <LocationFilter id={selectId} value={locationId} onChange={setLocationId} />
        <button type="button" className="btn btn-secondary" disabled={exported.isPending} onClick={() => exported.mutate(locationId)}>
          {exported.isPending ? t("export.exporting") : t("export.button")}
        </button>
      </div>
    </section>
  );
}

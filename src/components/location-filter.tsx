import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { locationQueries } from "@/lib/location-queries";

/** A labelled choice of one location or all of them, for filters and exports. */
export function LocationFilter({ id, value, onChange }: { id: string; value: string; onChange: (locationId: string) => void }) {
  const { t } = useTranslation();
  const locations = useQuery(locationQueries.list());
  return (
    <div className="field field-inline">
      <label htmlFor={id}>{t("location.label")}</label>
      <select id={id} className="input" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t("location.all")}</option>
        {locations.data?.items.map((l) => (
          <option key={l.id} value={l.id}>
            {l.name}
          </option>
        ))}
      </select>
    </div>
  );
}

import { useTranslation } from "@/lib/use-translation";

/** A call park extension's values, for an administrator who may see but not change it. */
export function CallParkExtensionDetails({
  locationName,
  name,
  extension,
}: {
  locationName: string;
  name: string;
  extension: string;
}) {
  const { t } = useTranslation(["callParkExtensions", "common"]);
  return (
    <section className="form-card" aria-label={name}>
      <dl className="review-list">
        <dt>{t("common:location.label")}</dt>
        <dd>{locationName}</dd>
        <dt>{t("form.name")}</dt>
        <dd>{name}</dd>
        <dt>{t("form.extension")}</dt>
        <dd className="mono">{extension}</dd>
      </dl>
    </section>
  );
}

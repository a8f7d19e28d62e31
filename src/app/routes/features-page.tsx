import { useTranslation } from "@/lib/use-translation";
import { Link } from "react-router";
import { PageHeader } from "@/components/page-header";
import { CALL_PARK_HEALTH_PATH } from "@/lib/paths";
import { CallParkExtensionCard } from "@/features/call-park-extensions";
import { CallParkCard } from "@/features/call-parks";

/** Services > Calling > Features: one card per calling feature. */
export function FeaturesPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader
        title={t("features.title")}
        description={t("features.description")}
        actions={
          <Link className="btn btn-secondary" to={CALL_PARK_HEALTH_PATH}>
            {t("nav.healthCheck")}
          </Link>
        }
      />
      <p className="breadcrumb">{t("features.breadcrumb")}</p>
      <section className="feature-grid" aria-label={t("features.cards")}>
        <CallParkExtensionCard />
        <CallParkCard />
      </section>
    </>
  );
}

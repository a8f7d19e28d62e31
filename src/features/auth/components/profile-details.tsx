import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "@/lib/use-translation";
import type { Me } from "@domain/schemas/auth";
import { locationQueries } from "@/lib/location-queries";

/** Name, email and role; a location administrator's locations too. */
export function ProfileDetails({ me }: { me: Me }) {
  const { t } = useTranslation("auth");
  return (
    <section className="profile-section" aria-labelledby="profile-details-title">
      <h2 id="profile-details-title">{t("profile.details")}</h2>
      <dl className="review-list profile-details">
        <dt>{t("profile.name")}</dt>
        <dd>{me.displayName}</dd>
        <dt>{t("profile.email")}</dt>
        <dd>{me.emails.join(", ")}</dd>
        <dt>{t("profile.role")}</dt>
        <dd>{t(`roles.${me.role}`)}</dd>
        {me.role === "LOCATION_ADMIN" && (
          <>
            <dt>{t("profile.locations")}</dt>
            <dd>
              <ManagedLocations ids={me.locationIds} />
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}

function ManagedLocations({ ids }: { ids: string[] }) {
  const { t } = useTranslation(["auth", "common"]);
  // The server lists only the locations this administrator manages.
  const locations = useQuery(locationQueries.list());
  if (locations.isPending) return <>{t("common:states.loading")}</>;
  const names = (locations.data?.items ?? []).filter((l) => ids.includes(l.id)).map((l) => l.name);
  return <>{names.length > 0 ? names.join(", ") : t("profile.noLocations")}</>;
}
